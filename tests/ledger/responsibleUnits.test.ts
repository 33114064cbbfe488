import { parseResponsibleUnits, tasksForUnit, unitTaskCounts, OFFICIAL_TASKS } from '../../src/ledger';

const pick = (text: string) => parseResponsibleUnits(text).map((u) => [u.name, u.role, u.group]);

describe('parseResponsibleUnits', () => {
  it('splits units by 、 and groups by ，, first unit leads', () => {
    expect(pick('市教育局、市人社局、市财政局，各县（市）人民政府')).toEqual([
      ['市教育局', 'lead', 1],
      ['市人社局', 'partner', 1],
      ['市财政局', 'partner', 1],
      ['各县（市）人民政府', 'partner', 2],
    ]);
  });

  it('keeps what was written in raw and gives the canonical name', () => {
    const [u] = parseResponsibleUnits(' 铁西区政府 ');
    expect(u).toMatchObject({
      name: '铁西区人民政府',
      raw: '铁西区政府',
      role: 'lead',
      known: true,
      kind: 'government',
    });
  });

  it.each([
    ['half-width commas', '市教育局、市财政局,各县(市)人民政府'],
    ['spaces around separators', '市教育局 、 市财政局 ， 各县（市）人民政府'],
    ['doubled 、 and ，', '市教育局、、市财政局，，各县（市）人民政府'],
    ['full-width letters and brackets', '市教育局、市财政局，各县（市）人民政府'],
    ['a trailing 等', '市教育局、市财政局，各县（市）人民政府等'],
    ['space-separated names', '市教育局 市财政局，各县（市）人民政府'],
  ])('tolerates %s', (_label, text) => {
    expect(pick(text)).toEqual([
      ['市教育局', 'lead', 1],
      ['市财政局', 'partner', 1],
      ['各县（市）人民政府', 'partner', 2],
    ]);
  });

  it('lets an explicit 牵头 marker decide the lead', () => {
    expect(pick('市财政局、市教育局（牵头）')).toEqual([
      ['市财政局', 'partner', 1],
      ['市教育局', 'lead', 1],
    ]);
    expect(pick('市财政局、市教育局(牵头)')[1]).toEqual(['市教育局', 'lead', 1]);
    expect(pick('市财政局、市教育局牵头')[1]).toEqual(['市教育局', 'lead', 1]);
    expect(pick('市教育局、市财政局（配合）')).toEqual([
      ['市教育局', 'lead', 1],
      ['市财政局', 'partner', 1],
    ]);
  });

  it('lets two units marked 牵头 both lead', () => {
    expect(pick('市财政局（牵头）、市教育局（牵头）、市人社局')).toEqual([
      ['市财政局', 'lead', 1],
      ['市教育局', 'lead', 1],
      ['市人社局', 'partner', 1],
    ]);
  });

  it('does not split a unit at a 、 inside its brackets', () => {
    expect(pick('市教育局、各县（市、区）人民政府')).toEqual([
      ['市教育局', 'lead', 1],
      ['各县（市）区人民政府', 'partner', 1],
    ]);
    expect(pick('市教育局，各县(市、区)人民政府')[1]).toEqual(['各县（市）区人民政府', 'partner', 2]);
  });

  it('reports unknown names with suggestions', () => {
    const [u, v] = parseResponsibleUnits('市教育厅、某某协会');
    expect(u).toMatchObject({ name: '市教育厅', known: false, role: 'lead' });
    expect(u.suggestions[0]).toBe('市教育局');
    expect(v).toMatchObject({ known: false, suggestions: [] });
  });

  it.each([[''], ['   '], [null], [undefined], [42], [true], ['、，、']])(
    'returns no units for %p',
    (value) => {
      expect(parseResponsibleUnits(value)).toEqual([]);
    },
  );
});

describe('tasksForUnit', () => {
  const tasks = OFFICIAL_TASKS;

  it('finds 双辽市人民政府 directly and through collectives', () => {
    expect(tasksForUnit(tasks, '双辽市人民政府', { includeCollectives: false })).toEqual([19]);
    const all = tasksForUnit(tasks, '双辽市人民政府');
    const viaCounty = OFFICIAL_TASKS.filter((t) =>
      /各县（市）人民政府|各县（市）区人民政府|各级人民政府/.test(t.units),
    ).map((t) => t.no);
    expect(all).toEqual([...new Set([19, ...viaCounty])].sort((a, b) => a - b));
    expect(all).toEqual([2, 3, 7, 8, 14, 15, 18, 19, 27, 28, 29, 30, 31, 33, 34, 36]);
  });

  it('gives districts only the 县（市）区 and 各级 tasks', () => {
    expect(tasksForUnit(tasks, '铁西区人民政府')).toEqual([5, 27, 29, 31]);
    expect(tasksForUnit(tasks, '铁西区政府', { includeCollectives: false })).toEqual([5]);
    expect(tasksForUnit(tasks, '铁东区人民政府')).toEqual([27, 29, 31]);
    expect(tasksForUnit(tasks, '四平市人民政府')).toEqual([31]);
  });

  it('filters by role', () => {
    expect(tasksForUnit(tasks, '市总工会', { role: 'lead' })).toEqual([24]);
    expect(tasksForUnit(tasks, '市教育局', { role: 'lead' })).toContain(1);
    expect(tasksForUnit(tasks, '市教育局', { role: 'partner' })).toEqual([9, 22, 25, 32, 35]);
    expect(tasksForUnit(tasks, '双辽市人民政府', { role: 'lead' })).toEqual([2, 19, 30, 31]);
    expect(tasksForUnit(tasks, '双辽市人民政府', { role: 'lead', includeCollectives: false })).toEqual([19]);
  });

  it('returns for a collective the tasks naming it or a member', () => {
    const county = tasksForUnit(tasks, '各县（市）人民政府', { includeCollectives: false });
    expect(county).toContain(19);
    expect(county).toContain(2);
    expect(county).not.toContain(27);
    expect(tasksForUnit(tasks, '各县（市）人民政府')).toContain(27);
  });

  it('accepts aliases and any {no, units} array, ignoring rows without a number', () => {
    expect(
      tasksForUnit(
        [
          { no: 7, units: '四平市教育局' },
          { no: 'x', units: '市教育局' },
          { no: 3, units: 42 },
        ],
        '市教育局',
      ),
    ).toEqual([7]);
  });

  it('handles schools through 各职业学校', () => {
    expect(tasksForUnit(tasks, '四平职业大学', { includeCollectives: false })).toEqual([1, 4, 6, 8, 22, 23]);
    expect(tasksForUnit(tasks, '四平职业大学')).toEqual([1, 4, 6, 8, 11, 21, 22, 23, 29, 35, 36]);
  });
});

describe('unitTaskCounts', () => {
  const counts = new Map(unitTaskCounts(OFFICIAL_TASKS).map((c) => [c.name, c]));

  it('counts leads and partners, directly and through collectives', () => {
    expect(counts.get('市总工会')).toMatchObject({
      lead: { direct: 1, viaCollective: 0 },
      partner: { direct: 0, viaCollective: 0 },
    });
    expect(counts.get('双辽市人民政府')).toMatchObject({ lead: { direct: 1, viaCollective: 3 } });
    const shuangliao = counts.get('双辽市人民政府');
    const total =
      (shuangliao?.lead.direct ?? 0) +
      (shuangliao?.lead.viaCollective ?? 0) +
      (shuangliao?.partner.direct ?? 0) +
      (shuangliao?.partner.viaCollective ?? 0);
    expect(total).toBe(16);
  });

  it('agrees with tasksForUnit for every unit', () => {
    for (const c of counts.values()) {
      const lead = tasksForUnit(OFFICIAL_TASKS, c.name, { role: 'lead' }).length;
      expect(c.lead.direct + c.lead.viaCollective).toBe(lead);
    }
  });

  it('lists unknown units with their own counts', () => {
    const extra = new Map(unitTaskCounts([{ no: 1, units: '某某协会、市教育局' }]).map((c) => [c.name, c]));
    expect(extra.get('某某协会')).toMatchObject({
      known: false,
      kind: 'unknown',
      lead: { direct: 1, viaCollective: 0 },
    });
    expect(extra.get('市教育局')?.partner.direct).toBe(1);
  });
});
