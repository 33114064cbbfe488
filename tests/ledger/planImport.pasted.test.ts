// Tables as a clerk brings them: cells copied from Excel (quoted cells), a header over two rows,
// a table broken across PDF pages, units and deadlines inline, role remarks after a unit. Each
// table is written for these tests in the style of real annexes.
import {
  guessUnitKind,
  importAnnexTable,
  importAnnexText,
  parsePastedCells,
  parseDeadline,
  splitUnits,
  textSource,
} from '../../src/ledger';

const tasksOf = (plan: ReturnType<typeof importAnnexTable>) =>
  plan.tasks.map((t) => [t.no, t.text, t.lead, t.partners, t.deadline]);

describe('cells copied from Excel', () => {
  // Excel quotes a cell holding a line break, and doubles the quotes inside it.
  const pasted = [
    '附件',
    '某市2027年稳经济重点任务分工',
    '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
    '一、促进消费',
    '1\t举办促消费活动50场以上。\t"市商务局\n市文旅局"\t市财政局\t2027年12月31日',
    '2\t"开展""惠民消费季""活动。"\t市商务局\t市城管执法局\t长期坚持',
    '注：各地可结合实际细化落实。',
    '',
  ].join('\r\n');

  it('reads a quoted cell as one cell, its line break and doubled quotes its own', () => {
    expect(parsePastedCells(pasted)[4]).toEqual([
      '1',
      '举办促消费活动50场以上。',
      '市商务局\n市文旅局',
      '市财政局',
      '2027年12月31日',
    ]);
    expect(parsePastedCells(pasted)[5][1]).toBe('开展"惠民消费季"活动。');
  });

  it('reads the tasks with both stacked leads, invents no task or unit, and lists the note with its row', () => {
    const plan = importAnnexText(pasted, { year: 2027 });
    expect(tasksOf(plan)).toEqual([
      ['1', '举办促消费活动50场以上。', ['市商务局', '市文旅局'], ['市财政局'], '2027年12月31日'],
      ['2', '开展"惠民消费季"活动。', ['市商务局'], ['市城管执法局'], '长期坚持'],
    ]);
    expect(plan.units.map((u) => u.name)).toEqual(['市商务局', '市文旅局', '市财政局', '市城管执法局']);
    expect(plan.problems).toEqual([]);
    expect(plan.groups).toEqual(['一、促进消费']);
    expect(plan.skipped).toContainEqual({ source: 7, text: '注：各地可结合实际细化落实。', reason: 'note' });
  });

  it('the review reads pasted cells as the table they are, row by row', () => {
    const source = textSource(pasted);
    expect(source.kind).toBe('table');
    expect(source.kind === 'table' && source.rows.length).toBe(7);
  });

  it('a quote that does not close a cell is the cell’s own text', () => {
    expect(parsePastedCells('"甲\t乙\n丙\t"丁"戊')).toEqual([
      ['"甲', '乙'],
      ['丙', '"丁"戊'],
    ]);
  });

  it('a unit name that is a date or carries a stray quote is a problem, never a unit', () => {
    // What a line-by-line reading of a quoted cell made: the cell's halves on two rows.
    const plan = importAnnexTable([
      ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'],
      ['3', '举办促消费活动50场以上。', '"市商务局', '', ''],
      ['市文旅局"', '市财政局', '2027年12月31日', '', ''],
    ]);
    expect(plan.units.map((u) => u.name)).toEqual([]);
    expect(plan.problems).toEqual(
      expect.arrayContaining([
        { source: 2, kind: 'not-a-unit', text: '"市商务局' },
        { source: 3, kind: 'not-a-unit', text: '2027年12月31日' },
      ]),
    );
  });
});

describe('a header over two rows', () => {
  const rows = [
    ['附件1：某市2027年数字经济发展重点任务分工', '', '', '', ''],
    ['序号', '工作任务', '责任单位', '', '完成时限'],
    ['', '', '牵头单位', '配合单位', ''],
    ['（一）夯实数字基础设施', '', '', '', ''],
    ['1', '新建5G基站1000个。', '市工信局', '市通信发展管理办公室 市住建局', '2027年上半年'],
    ['2', '推进“千兆城市”建设。', '市工信局', '各县（市）区政府，市直有关部门', '持续推进'],
  ];

  it('reads the sub-header under the spanning 责任单位: leads and partners both', () => {
    const plan = importAnnexTable(rows, { year: 2027 });
    expect(tasksOf(plan)).toEqual([
      ['1', '新建5G基站1000个。', ['市工信局'], ['市通信发展管理办公室', '市住建局'], '2027年上半年'],
      ['2', '推进“千兆城市”建设。', ['市工信局'], ['各县（市）区政府', '市直有关部门'], '持续推进'],
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.skipped).toContainEqual({ source: 3, text: '牵头单位 配合单位', reason: 'header' });
  });

  it('a sub-header under a column named otherwise is refused with its row, not guessed', () => {
    const plan = importAnnexTable([
      ['序号', '工作任务', '责任单位', '完成时限'],
      ['', '牵头单位', '配合单位', ''],
      ['1', '新建5G基站1000个。', '市工信局', '2027年'],
    ]);
    expect(plan.tasks).toEqual([]);
    expect(plan.problems).toEqual([{ source: 2, kind: 'sub-header-conflict', text: '工作任务 / 牵头单位' }]);
  });
});

describe('a table broken across pages', () => {
  const rows = [
    ['序号', '重点任务', '牵头单位', '责任单位', '完成时限'],
    ['一、强化技能培训', '', '', '', ''],
    ['1', '开展职业技能培训2万人次。', '市人社局', '各职业学校', '2027年'],
    ['2', '建设高技能人才培训基地2个。', '市人社局', '市财政局', '2027年'],
    ['', '（续上）确保培训质量不降低。', '', '', ''],
    ['注：各地可结合实际细化落实。', '', '', '', ''],
  ];

  it('joins a row holding only task text to the task above it and says so with its row', () => {
    const plan = importAnnexTable(rows, { year: 2027 });
    expect(plan.tasks.map((t) => t.text)).toEqual([
      '开展职业技能培训2万人次。',
      '建设高技能人才培训基地2个。确保培训质量不降低。',
    ]);
    expect(plan.groups).toEqual(['一、强化技能培训']);
    expect(plan.skipped).toEqual([
      { source: 1, text: '序号 重点任务 牵头单位 责任单位 完成时限', reason: 'header' },
      { source: 5, text: '确保培训质量不降低。', reason: 'continuation' },
      { source: 6, text: '注：各地可结合实际细化落实。', reason: 'note' },
    ]);
  });

  it('every row is a task, a group, or listed with its row', () => {
    const plan = importAnnexTable(rows, { year: 2027 });
    const accounted = new Set([...plan.tasks.map((t) => t.source), ...plan.skipped.map((s) => s.source)]);
    // Row 1, the header, is listed as such; row 2 is the group heading its tasks carry.
    expect([1, 2, 3, 4, 5, 6].filter((r) => !accounted.has(r))).toEqual([2]);
    expect(plan.skipped.find((s) => s.source === 1)?.reason).toBe('header');
  });
});

describe('units and deadline inline', () => {
  it('reads units in brackets followed by a deadline', () => {
    const plan = importAnnexText(
      [
        '1.开展项目集中开工活动4次（市发改委牵头，各县（市）区政府负责），全年。',
        '2.召开项目推进会（市政府办牵头，市直各部门配合），2027年6月底前。',
      ].join('\n'),
      { year: 2027 },
    );
    expect(tasksOf(plan)).toEqual([
      ['1', '开展项目集中开工活动4次。', ['市发改委'], ['各县（市）区政府'], '全年'],
      ['2', '召开项目推进会。', ['市政府办'], ['市直各部门'], '2027年6月底前'],
    ]);
    expect(plan.problems).toEqual([]);
  });

  it('text after the bracket that is no deadline stays the task’s', () => {
    const plan = importAnnexText('1.开展活动（市发改委牵头），确保实效。');
    expect(plan.tasks.map((t) => t.text)).toEqual(['开展活动（市发改委牵头），确保实效。']);
    expect(plan.problems.map((p) => p.kind)).toEqual(['no-units']);
  });
});

describe('unit names and deadlines as clerks write them', () => {
  it('a role remark after a unit is no part of its name', () => {
    expect(splitUnits('市教育局（按职责分工负责）、市财政局（配合）')).toEqual(['市教育局', '市财政局']);
  });

  it('every 各…部门 and 各有关… is a 统称', () => {
    expect(guessUnitKind('市直各部门')).toBe('collective');
    expect(guessUnitKind('市直各有关部门')).toBe('collective');
    expect(guessUnitKind('区政府各部门')).toBe('collective');
    expect(guessUnitKind('市发改委')).toBe('department');
  });

  it('…前完成 and …底前完成 are deadlines', () => {
    expect(parseDeadline('2027年6月底前完成')).toMatchObject({ kind: 'date', precision: 'month' });
    expect(parseDeadline('2027年9月30日前完成')).toMatchObject({ kind: 'date', precision: 'day' });
    expect(parseDeadline('2027年底前完成')).toMatchObject({ kind: 'date', precision: 'year' });
    expect(parseDeadline('2027年6月底')).toMatchObject({ kind: 'date', precision: 'month' });
  });
});

describe('a full name and its short form', () => {
  const rows = [
    ['序号', '重点任务', '牵头单位', '责任单位', '完成时限'],
    ['1', '开发城镇公益性岗位500个。', '四平市人力资源和社会保障局', '市财政局', '2027年12月底前'],
    ['2', '组织专项招聘活动不少于20场。', '市人社局', '市教育局（按职责分工负责）', '每季度'],
    ['3', '开展职业技能培训2万人次。', '市人社局', '市教育局', '2027年'],
  ];

  it('are taken for one unit, the form named more often kept, the other its alias', () => {
    const plan = importAnnexTable(rows, { year: 2027 });
    expect(plan.units.map((u) => [u.name, u.tasks, u.aliases])).toEqual([
      ['市人社局', 3, ['四平市人力资源和社会保障局']],
      ['市财政局', 1, []],
      ['市教育局', 2, []],
    ]);
    // The tasks keep the names as the annex writes them.
    expect(plan.tasks[0].lead).toEqual(['四平市人力资源和社会保障局']);
  });

  it('the user keeps them apart', () => {
    const plan = importAnnexTable(rows, { year: 2027, keepApart: ['四平市人力资源和社会保障局'] });
    expect(plan.units.map((u) => [u.name, u.aliases])).toEqual([
      ['四平市人力资源和社会保障局', []],
      ['市财政局', []],
      ['市人社局', []],
      ['市教育局', []],
    ]);
  });

  it('two places’ bodies are never paired, nor a short form two full names could mean', () => {
    const plan = importAnnexTable([
      ['序号', '工作任务', '责任单位'],
      ['1', '推进城市更新。', '铁西区住建局、铁东区住建局'],
      ['2', '改造老旧小区。', '区住建局、市发展和改革委员会、市发改委'],
    ]);
    expect(plan.units.map((u) => [u.name, u.aliases])).toEqual([
      ['铁西区住建局', []],
      ['铁东区住建局', []],
      ['区住建局', []],
      ['市发改委', ['市发展和改革委员会']],
    ]);
  });
});
