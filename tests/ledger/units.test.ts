import {
  DEFAULT_DIRECTORY,
  directoryFromRows,
  directoryRowsOf,
  indexFor,
  OFFICIAL_TASKS,
  parseResponsibleUnits,
  UnitIndex,
} from '../../src/ledger';

const TABLE_NAMES = [
  '市教育局',
  '市发改委',
  '市财政局',
  '四平职业大学',
  '各县（市）人民政府',
  '市人社局',
  '市自然资源局',
  '市交通局',
  '铁西区政府',
  '吉林省四平卫生学校',
  '市委编办',
  '各职业学校',
  '相关职业学校',
  '双辽市人民政府',
  '市农业农村局',
  '市退役军人事务局',
  '市工信局',
  '市总工会',
  '吉林广播电视大学四平分校',
  '各县（市）区人民政府',
  '各级人民政府',
  '市委组织部',
];

describe('default unit directory', () => {
  const index = indexFor();

  it('knows the 22 names of the table', () => {
    const written = new Set(OFFICIAL_TASKS.flatMap((t) => parseResponsibleUnits(t.units).map((u) => u.raw)));
    expect([...written].sort()).toEqual([...TABLE_NAMES].sort());
    for (const name of TABLE_NAMES) expect(index.resolve(name)).toBeDefined();
  });

  it.each([
    ['四平市教育局', '市教育局'],
    ['市教育局', '市教育局'],
    ['铁西区政府', '铁西区人民政府'],
    ['铁西区人民政府', '铁西区人民政府'],
    ['吉林开放大学四平分校', '吉林广播电视大学四平分校'],
    ['吉林广播电视大学四平分校', '吉林广播电视大学四平分校'],
    ['市人力资源和社会保障局', '市人社局'],
    ['四平市财政局', '市财政局'],
    ['四平市委组织部', '市委组织部'],
    ['伊通县人民政府', '伊通满族自治县人民政府'],
    ['各县(市)人民政府', '各县（市）人民政府'],
    ['各县（市、区）人民政府', '各县（市）区人民政府'],
    ['ＳＰ市教育局'.replace('ＳＰ', '四平'), '市教育局'],
  ])('resolves %s to %s', (alias, canonical) => {
    expect(index.resolve(alias)?.name).toBe(canonical);
  });

  it('lists the five county-level governments of Siping and no 公主岭', () => {
    const governments = DEFAULT_DIRECTORY.units.filter((u) => u.kind === 'government').map((u) => u.name);
    expect(governments).toEqual(
      expect.arrayContaining([
        '铁西区人民政府',
        '铁东区人民政府',
        '梨树县人民政府',
        '伊通满族自治县人民政府',
        '双辽市人民政府',
      ]),
    );
    expect(governments.join()).not.toContain('公主岭');
  });

  it('expands collectives through nesting', () => {
    expect([...index.membersOf('各县（市）人民政府')].sort()).toEqual(
      ['伊通满族自治县人民政府', '双辽市人民政府', '梨树县人民政府'].sort(),
    );
    const countyAndDistrict = index.membersOf('各县（市）区人民政府');
    expect(countyAndDistrict).toEqual(
      new Set([
        '各县（市）人民政府',
        '梨树县人民政府',
        '伊通满族自治县人民政府',
        '双辽市人民政府',
        '铁西区人民政府',
        '铁东区人民政府',
      ]),
    );
    const all = index.membersOf('各级人民政府');
    expect(all.has('四平市人民政府')).toBe(true);
    expect(all.has('铁东区人民政府')).toBe(true);
    expect(index.membersOf('市教育局').size).toBe(0);
    expect(index.collectivesContaining('双辽市人民政府')).toEqual([
      '各县（市）人民政府',
      '各县（市）区人民政府',
      '各级人民政府',
    ]);
    expect(index.collectivesContaining('铁西区人民政府')).toEqual(['各县（市）区人民政府', '各级人民政府']);
  });

  it('suggests the closest known names for a near miss', () => {
    expect(index.suggest('市教育厅')[0]).toBe('市教育局');
    expect(index.suggest('市财政厅')[0]).toBe('市财政局');
    expect(index.suggest('完全无关的名字')).toEqual([]);
    expect(index.suggest('')).toEqual([]);
  });
});

describe('directoryFromRows (the 单位名录 sheet)', () => {
  it('adds aliases, contacts and new units, and collective membership', () => {
    const dir = directoryFromRows([
      { name: '市教育局', aliases: '教育局、市教委', contact: '王老师', email: 'jy@example.cn' },
      { name: '四平市第一职业中专', kind: '学校', memberOf: '相关职业学校、各职业学校' },
      { name: '新设的局', kind: '部门' },
    ]);
    const index = new UnitIndex(dir);
    expect(index.resolve('市教委')?.name).toBe('市教育局');
    expect(index.get('市教育局')?.contact).toBe('王老师');
    expect(index.get('四平市第一职业中专')?.kind).toBe('school');
    expect(index.membersOf('相关职业学校').has('四平市第一职业中专')).toBe(true);
    expect(index.membersOf('各职业学校').has('四平市第一职业中专')).toBe(true);
    expect(index.get('新设的局')?.kind).toBe('department');
    expect(parseResponsibleUnits('新设的局、市教委', dir).map((u) => [u.name, u.known])).toEqual([
      ['新设的局', true],
      ['市教育局', true],
    ]);
  });

  it('keeps a name with 、 inside brackets whole in 别名 and 所属', () => {
    const dir = directoryFromRows([
      {
        name: '甲县人民政府',
        aliases: '甲县政府、甲县（市、区）人民政府',
        memberOf: '各县（市、区）人民政府、示范县',
      },
    ]);
    const unit = dir.units.find((u) => u.name === '甲县人民政府');
    expect(unit?.aliases).toEqual(['甲县政府', '甲县（市、区）人民政府']);
    expect(unit?.aliases.some((a) => a.endsWith('（市') || a.startsWith('区）'))).toBe(false);
    const index = new UnitIndex(dir);
    // 各县（市、区）人民政府 is a built-in 统称's alias: the 所属 joins that 统称.
    expect(index.resolve('各县（市、区）人民政府')?.name).toBe('各县（市）区人民政府');
    expect(index.membersOf('各县（市）区人民政府').has('甲县人民政府')).toBe(true);
    expect(index.membersOf('示范县').has('甲县人民政府')).toBe(true);
    expect(index.get('各县（市')).toBeUndefined();
  });

  it('creates a collective named only under 所属', () => {
    const dir = directoryFromRows([{ name: '甲学校', kind: 'school', memberOf: '示范学校' }]);
    const index = new UnitIndex(dir);
    expect(index.get('示范学校')?.kind).toBe('collective');
    expect([...index.membersOf('示范学校')]).toEqual(['甲学校']);
  });

  it('ignores blank rows', () => {
    expect(directoryFromRows([{ name: '  ' }]).units).toHaveLength(DEFAULT_DIRECTORY.units.length);
  });

  const FULL = '四平市人力资源和社会保障局';
  const rowsOfDefault = () =>
    directoryRowsOf(DEFAULT_DIRECTORY.units, DEFAULT_DIRECTORY).map(([name, aliases, kind, memberOf]) => ({
      name,
      aliases,
      kind,
      memberOf,
    }));

  it('reads the built-in directory’s own rows back as the built-in units, each form still its unit’s', () => {
    const dir = directoryFromRows(rowsOfDefault());
    expect(dir.units.map((u) => u.name)).toEqual(DEFAULT_DIRECTORY.units.map((u) => u.name));
    const index = new UnitIndex(dir);
    for (const unit of DEFAULT_DIRECTORY.units)
      for (const form of [unit.name, ...unit.aliases])
        expect([form, index.resolve(form)?.name]).toEqual([form, unit.name]);
  });

  it('takes a row naming a built-in alias for a unit of its own when another row names that unit (分开)', () => {
    // 市人社局's row still lists FULL among its 别名, as the built-in rows do; the row of FULL is below.
    const dir = directoryFromRows([
      ...rowsOfDefault(),
      { name: FULL, kind: '部门', contact: '李科长', memberOf: '各级人民政府' },
    ]);
    const index = new UnitIndex(dir);
    expect(index.resolve(FULL)?.name).toBe(FULL);
    expect(index.get(FULL)?.contact).toBe('李科长');
    expect(index.resolve('市人社局')?.name).toBe('市人社局');
    expect(index.resolve('四平市人社局')?.name).toBe('市人社局');
    expect(index.get('市人社局')?.aliases).not.toContain(FULL);
    expect(index.membersOf('各级人民政府').has(FULL)).toBe(true);
    expect(parseResponsibleUnits(`${FULL}、市人社局`, dir).map((u) => u.name)).toEqual([FULL, '市人社局']);
  });

  it('splits off every row naming a built-in alias when no row names the unit itself', () => {
    const dir = directoryFromRows([{ name: '四平市人社局' }, { name: FULL }]);
    const index = new UnitIndex(dir);
    expect(index.resolve('四平市人社局')?.name).toBe('四平市人社局');
    expect(index.resolve(FULL)?.name).toBe(FULL);
    expect(index.get('市人社局')?.aliases).toEqual(['市人力资源和社会保障局']);
  });

  it('still takes a lone row naming a built-in alias for that unit (a renamed or fuller name)', () => {
    const dir = directoryFromRows([{ name: FULL, email: 'rsj@example.cn' }]);
    const index = new UnitIndex(dir);
    expect(index.resolve(FULL)?.name).toBe('市人社局');
    expect(index.get('市人社局')?.email).toBe('rsj@example.cn');
    expect(dir.units).toHaveLength(DEFAULT_DIRECTORY.units.length);
  });
});
