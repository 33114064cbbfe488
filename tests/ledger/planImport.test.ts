// 分工 annexes in the shapes published plans use, each written for these tests in the style of
// real annexes (none copied from the reference file), read back task by task.
import {
  cleanAnnexText,
  guessUnitKind,
  importAnnexTable,
  importAnnexText,
  splitUnits,
  type ImportedTask,
  type PlanImport,
} from '../../src/ledger/planImport';
import { planFromAnnex } from '../../src/ledger/plan';
import { planLedgerRecords, planLedgerSpec } from '../../src/ledger/planColumns';
import { FIXTURES } from './annexFixtures';

type Expected = Pick<ImportedTask, 'no' | 'text' | 'lead' | 'partners'> & Partial<ImportedTask>;

function expectTasks(plan: PlanImport, expected: readonly Expected[]): void {
  expect(plan.tasks.map((t) => ({ no: t.no, text: t.text, lead: t.lead, partners: t.partners }))).toEqual(
    expected.map((e) => ({ no: e.no, text: e.text, lead: e.lead, partners: e.partners })),
  );
  expected.forEach((e, i) => {
    const t = plan.tasks[i];
    if (e.deadline !== undefined) expect(t.deadline).toBe(e.deadline);
    if (e.group !== undefined) expect(t.group).toBe(e.group);
    if (e.leaders !== undefined) expect(t.leaders).toBe(e.leaders);
  });
}

describe('fixture 1: 序号 / 工作任务 / 责任单位 / 完成时限 with group rows and a title', () => {
  const { rows } = FIXTURES[0];
  const plan = importAnnexTable(rows, { year: 2025 });

  it('reads each task with its lead, partners, deadline and group', () => {
    expectTasks(plan, [
      {
        no: '1',
        text: '推行企业开办全程网办，开办时间压缩至1个工作日以内。',
        lead: ['县市场监管局'],
        partners: ['县政数局', '县税务局'],
        deadline: '2025年6月底前',
        group: '一、提升政务服务效能',
      },
      {
        no: '2',
        text: '建设“一窗通办”综合窗口，实现80%以上事项综合受理。',
        lead: ['县政数局'],
        partners: ['各乡镇人民政府'],
        group: '一、提升政务服务效能',
      },
      {
        no: '3',
        text: '开展涉企执法专项检查，规范行政裁量权基准。',
        lead: ['县司法局'],
        partners: ['县直各执法部门'],
        deadline: '长期坚持',
        group: '二、优化法治环境',
      },
      { no: '4', text: '建立企业诉求“直通车”制度。', lead: ['县工商联'], partners: ['县营商环境局'] },
    ]);
    expect(plan.groups).toEqual(['一、提升政务服务效能', '二、优化法治环境']);
    expect(plan.tasks.map((t) => t.deadlineReading.kind)).toEqual(['date', 'date', 'open', 'date']);
  });

  it('names what it skipped and finds no problem', () => {
    expect(plan.skipped.map((s) => [s.source, s.reason])).toEqual([
      [1, 'title'],
      [2, 'title'],
      [3, 'header'],
      [9, 'blank'],
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.shape).toBe('columns');
  });

  it('learns the units with kinds, every one a name in the table', () => {
    const kinds = Object.fromEntries(plan.units.map((u) => [u.name, u.kind]));
    expect(kinds).toEqual({
      县市场监管局: 'department',
      县政数局: 'department',
      县税务局: 'department',
      各乡镇人民政府: 'collective',
      县司法局: 'department',
      县直各执法部门: 'collective',
      县工商联: 'department',
      县营商环境局: 'department',
    });
    expect(plan.units.find((u) => u.name === '县政数局')?.tasks).toBe(2);
  });
});

describe('fixture 2: 牵头单位 + 配合单位 + 完成时限 + 责任领导', () => {
  const { rows } = FIXTURES[1];
  const plan = importAnnexTable(rows, { year: 2026 });

  it('takes both stacked leads, drops the trailing 。 and never reads a leader as a unit', () => {
    expectTasks(plan, [
      {
        no: '1',
        text: '谋划储备重大项目不少于50个。',
        lead: ['市发改委', '市财政局'],
        partners: ['各县（市、区）人民政府'],
        leaders: '张副市长',
        deadline: '全年',
      },
      {
        no: '2',
        text: '按季度调度项目建设进展。',
        lead: ['市发改委'],
        partners: ['市统计局', '市住建局'],
        deadline: '每季度',
      },
      { no: '3', text: '落实重大项目要素保障“一事一议”机制。', lead: ['市自然资源局'], partners: [] },
    ]);
    expect(plan.units.map((u) => u.name)).not.toContain('张副市长');
    expect(plan.units.map((u) => u.name)).not.toContain('李副市长');
  });

  it('reads 全年 as the plan year, 每季度 as recurring, 持续推进 as open', () => {
    const [whole, quarterly, ongoing] = plan.tasks.map((t) => t.deadlineReading);
    expect(whole).toEqual({ kind: 'date', day: expect.any(Number), precision: 'year' });
    expect(quarterly).toEqual({ kind: 'recurring', label: '每季度' });
    expect(ongoing.kind).toBe('open');
    expect(plan.problems).toEqual([]);
  });

  it('a row with partners and no lead is a problem, not a guess', () => {
    const odd = importAnnexTable([rows[0], ['4', '编制年度投资计划。', '', '', '市财政局', '2026年3月底前']]);
    expect(odd.tasks[0].lead).toEqual([]);
    expect(odd.problems).toEqual([{ source: 2, kind: 'no-lead', text: '编制年度投资计划。' }]);
  });
});

describe('fixture 3: 主要责任单位 + 协同配合单位, 序号 restarting per group', () => {
  const { rows } = FIXTURES[2];
  const plan = importAnnexTable(rows);

  it('tells each group numbering apart by the group numeral and orders the tasks through', () => {
    expect(plan.tasks.map((t) => [t.no, t.order, t.group])).toEqual([
      ['（一）1', 1, '（一）稳定农业生产'],
      ['（一）2', 2, '（一）稳定农业生产'],
      ['（二）1', 3, '（二）发展乡村产业'],
      ['（二）2', 4, '（二）发展乡村产业'],
    ]);
    expect(plan.problems).toEqual([]);
  });

  it('guesses an enterprise as such', () => {
    expect(plan.units.find((u) => u.name === '中国邮政四道河分公司')?.kind).toBe('enterprise');
    expect(plan.units.find((u) => u.name === '各县（市）区人民政府')?.kind).toBe('collective');
  });

  it('a number repeated inside one group is a problem', () => {
    const twice = importAnnexTable([...rows.slice(0, 3), ['1', '另一项任务。', '市水利局', '']]);
    expect(twice.problems).toEqual([{ source: 4, kind: 'repeated-number', text: '1' }]);
  });
});

describe('fixture 4: 牵头责任单位 + 责任单位 + 分管县领导, an extract keeping the original numbers', () => {
  const { rows } = FIXTURES[3];
  const plan = importAnnexTable(rows, { year: 2025 });

  it('keeps the annex numbers, reads the second unit column as partners', () => {
    expectTasks(plan, [
      {
        no: '3',
        text: '推进城区供热管网改造40公里。',
        lead: ['县住建局'],
        partners: ['县发改局', '县财政局'],
        leaders: '王建',
      },
      {
        no: '68',
        text: '实施农村饮水安全巩固提升工程。',
        lead: ['县水利局'],
        partners: ['各乡镇人民政府、街道办事处'],
      },
      { no: '69', text: '新建改建农村公路50公里。', lead: ['县交通运输局'], partners: [] },
      { no: '73', text: '完成县域医共体建设。', lead: ['县卫健局'], partners: ['县医保局'] },
    ]);
    expect(plan.tasks.map((t) => t.order)).toEqual([1, 2, 3, 4]);
    expect(plan.problems).toEqual([]);
  });

  it('a 统称 with a body named without a place stays one collective', () => {
    expect(plan.units.find((u) => u.name.startsWith('各乡镇'))).toEqual({
      name: '各乡镇人民政府、街道办事处',
      kind: 'collective',
      tasks: 1,
      aliases: [],
    });
  });
});

describe('fixture 5: list style with labelled units', () => {
  const { text } = FIXTURES[4];
  const plan = importAnnexText(text, { year: 2025 });

  it('reads tasks over several lines, with labelled leads and partners', () => {
    expectTasks(plan, [
      {
        no: '1',
        text: '全年实施亿元以上项目30个。',
        lead: ['区发改局'],
        partners: ['立山经济开发区', '全区经济运行各专班'],
        group: '一、扩大有效投资',
      },
      {
        no: '2',
        text: '争取专项债券资金5亿元以上，加快债券项目开工。',
        lead: ['区财政局'],
        partners: ['区发改局'],
        deadline: '2025年6月底前',
      },
      {
        no: '3',
        text: '举办促消费活动不少于20场。',
        lead: ['区商务局'],
        partners: ['区文旅局'],
        group: '二、提振消费',
      },
    ]);
    expect(plan.shape).toBe('list');
    expect(plan.skipped).toEqual([{ source: 1, text: '立山区2025年稳经济重点任务清单', reason: 'title' }]);
    expect(plan.units.find((u) => u.name === '全区经济运行各专班')?.kind).toBe('collective');
    expect(plan.units.find((u) => u.name === '立山经济开发区')?.kind).toBe('government');
  });
});

describe('fixture 6: inline style, units in brackets at the end', () => {
  const { text } = FIXTURES[5];
  const plan = importAnnexText(text);

  it('splits the bracket into leads and partners and keeps the text whole', () => {
    expectTasks(plan, [
      {
        no: '1',
        text: '深化“放管服”改革，推行“一件事一次办”',
        lead: ['市政府办公室', '市发改委'],
        partners: ['市级各有关部门', '各县市区政府'],
      },
      { no: '2', text: '开展招商引资“百日攻坚”行动。', lead: ['市商务局'], partners: [] },
      { no: '3', text: '加强财政资金绩效管理。', lead: ['市财政局'], partners: [] },
    ]);
    expect(plan.shape).toBe('inline');
    expect(plan.units.find((u) => u.name === '市级各有关部门')?.kind).toBe('collective');
  });
});

describe('fixture 7: PDF extraction noise, pasted as tab-separated rows', () => {
  const { text } = FIXTURES[6];
  const plan = importAnnexText(text);

  it('removes spaces inside words and the stray quote, splits units at any separator', () => {
    expectTasks(plan, [
      {
        no: '1',
        text: '健全重大项目推进工作机制，推进“项目管家”服务。',
        lead: ['市发改委'],
        partners: ['市营商环境局'],
        deadline: '2026年12月底前',
      },
      { no: '2', text: '推动“链长制”落实落地。', lead: ['市工信局'], partners: ['市科技局'] },
      { no: '3', text: '完善企业信用修复机制。', lead: ['税务局'], partners: ['市市场监管局'] },
    ]);
  });

  it('shows an unreadable deadline with its row instead of guessing', () => {
    expect(plan.problems).toEqual([{ source: 4, kind: 'unreadable-deadline', text: '明年' }]);
    expect(plan.tasks[2].deadline).toBe('明年');
  });
});

describe('fixture 8: collectives and units no directory knows', () => {
  const { rows } = FIXTURES[7];
  const plan = importAnnexTable(rows);

  it('learns every unit as written, with 统称 apart', () => {
    expect(plan.units.map((u) => [u.name, u.kind])).toEqual([
      ['魏武国控集团', 'enterprise'],
      ['区政府各部门', 'collective'],
      ['区住建局', 'department'],
      ['各乡镇人民政府、街道办事处', 'collective'],
      ['各县（市、区）', 'collective'],
      ['区应急局', 'department'],
      ['区直各有关部门', 'collective'],
    ]);
  });
});

describe('what cannot be read is shown', () => {
  it('a table without a task or unit header', () => {
    const plan = importAnnexTable([
      ['名称', '说明'],
      ['甲', '乙'],
    ]);
    expect(plan.tasks).toEqual([]);
    expect(plan.problems).toEqual([{ source: 0, kind: 'no-header', text: '' }]);
  });

  it('a row with a number and units but no task text', () => {
    const plan = importAnnexTable([
      ['序号', '工作任务', '责任单位'],
      ['1', '', '市教育局'],
    ]);
    expect(plan.problems).toEqual([{ source: 2, kind: 'no-text', text: '市教育局' }]);
  });

  it('a task with no units at all', () => {
    const plan = importAnnexTable([
      ['序号', '工作任务', '责任单位'],
      ['1', '完成一项任务。', ''],
    ]);
    expect(plan.problems).toEqual([{ source: 2, kind: 'no-units', text: '完成一项任务。' }]);
  });

  it('text with no numbered item', () => {
    expect(importAnnexText('这是一段说明文字。').problems).toEqual([
      { source: 0, kind: 'nothing-read', text: '' },
    ]);
  });
});

describe('pieces', () => {
  it('splitUnits keeps brackets whole and drops duty words', () => {
    expect(splitUnits('市教育局（牵头）、各县（市、区）人民政府按职责分工负责')).toEqual([
      '市教育局',
      '各县（市、区）人民政府',
    ]);
    expect(splitUnits('市教育局 市财政局')).toEqual(['市教育局', '市财政局']);
    expect(splitUnits('市发 改委')).toEqual(['市发改委']);
  });

  it('cleanAnnexText keeps a space between words in Latin text', () => {
    expect(cleanAnnexText('推进 5G 网络建设')).toBe('推进 5G 网络建设');
    expect(cleanAnnexText('推进工作机 制')).toBe('推进工作机制');
  });

  it('guessUnitKind', () => {
    expect(guessUnitKind('四平职业大学')).toBe('school');
    expect(guessUnitKind('梨树县人民政府')).toBe('government');
    expect(guessUnitKind('各职业学校')).toBe('collective');
    expect(guessUnitKind('市教育局')).toBe('department');
  });
});

describe('原序号 where the numbering restarts per group (M1)', () => {
  const header = ['序号', '工作任务', '责任单位'];
  const restarting = [
    header,
    ['一、扩大有效投资', '', ''],
    ['1', '谋划储备重大项目。', '市发改委'],
    ['2', '推进项目开工。', '市发改委、市住建局'],
    ['二、提升营商环境', '', ''],
    ['1', '压缩企业开办时间。', '市市场监管局'],
    ['2', '推行告知承诺制。', '市政数局'],
  ];

  it('a table numbered 1, 2 under 一、 and again under 二、 gives 一-1, 一-2, 二-1, 二-2; the ledger counts 1…4', () => {
    const read = importAnnexTable(restarting);
    expect(read.tasks.map((t) => [t.no, t.order])).toEqual([
      ['一-1', 1],
      ['一-2', 2],
      ['二-1', 3],
      ['二-2', 4],
    ]);
    expect(read.problems).toEqual([]);
    const plan = planFromAnnex(read, { title: '梨川市重点任务分工' });
    const spec = planLedgerSpec(plan);
    const at = (title: string) => spec.columns.findIndex((c) => c.header === title);
    const records = planLedgerRecords(plan);
    expect(records.map((r) => [r[at('序号')], r[at('原序号')]])).toEqual([
      [1, '一-1'],
      [2, '一-2'],
      [3, '二-1'],
      [4, '二-2'],
    ]);
  });

  it('numbering that runs on through the groups keeps its plain numbers, and no 原序号 column is added', () => {
    const running = restarting.map((r) =>
      r[0] === '1' && r[1].startsWith('压缩') ? ['3', ...r.slice(1)] : r,
    );
    running[running.length - 1] = ['4', '推行告知承诺制。', '市政数局'];
    const read = importAnnexTable(running);
    expect(read.tasks.map((t) => t.no)).toEqual(['1', '2', '3', '4']);
    expect(planLedgerSpec(planFromAnnex(read, { title: 't' })).columns.map((c) => c.header)).not.toContain(
      '原序号',
    );
  });

  it('pasted text with headings on their own lines: the same numerals', () => {
    const read = importAnnexText(
      [
        '一、扩大投资',
        '1.谋划项目（市发改委牵头）',
        '2.推进开工（市住建局牵头）',
        '二、优化环境',
        '1.压缩时间（市市场监管局牵头）',
      ].join('\n'),
    );
    expect(read.tasks.map((t) => t.no)).toEqual(['一-1', '一-2', '二-1']);
    expect(read.problems).toEqual([]);
  });

  it('items numbered （一）1. keep their numeral, and a number restarting after another （二） is no repeat', () => {
    const read = importAnnexText(
      [
        '（一）1.谋划项目（市发改委牵头）',
        '（一）2.推进开工（市住建局牵头）',
        '（二）1.压缩时间（市市场监管局牵头）',
      ].join('\n'),
    );
    expect(read.tasks.map((t) => t.no)).toEqual(['（一）1', '（一）2', '（二）1']);
    expect(read.problems).toEqual([]);
  });

  it('under two levels of headings, where the inner numeral repeats, both numerals are kept', () => {
    const read = importAnnexTable([
      header,
      ['一、扩大投资', '', ''],
      ['（一）项目建设', '', ''],
      ['1', '谋划储备重大项目。', '市发改委'],
      ['（二）要素保障', '', ''],
      ['1', '保障建设用地。', '市自然资源局'],
      ['二、优化环境', '', ''],
      ['（一）项目建设', '', ''],
      ['1', '推行承诺制。', '市政数局'],
    ]);
    expect(read.tasks.map((t) => t.no)).toEqual(['一（一）1', '一（二）1', '二（一）1']);
    expect(read.problems).toEqual([]);
  });
});
