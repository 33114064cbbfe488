// The 通报's document model: its sections in order, numbers equal to the summary sheets', the
// changes since the last report, the 下步工作 lines, and user text kept as text in every form.
import {
  bulletinHtml,
  bulletinOf,
  bulletinText,
  dayOf,
  DEFAULT_NEXT_STEPS,
  importAnnexTable,
  INDICATOR_HEADERS,
  indicatorSheetRows,
  leaderMail,
  makeLedger,
  OFFICIAL_TASKS,
  overviewSheet,
  planFromAnnex,
  planLedgerRecords,
  planLedgerSpec,
  readIndicatorTable,
  readSnapshotTable,
  reportHistory,
  seedsForTasks,
  SNAPSHOT_HEADERS,
  snapshotRows,
  summarize,
  unitsCellText,
  type Bulletin,
  type BulletinBlock,
  type CellValue,
  type Day,
} from '../../src/ledger';
import { ledgerWith, set } from './fixtures';

const OCT_31 = dayOf(2026, 10, 31) as Day;
const NOV_30 = dayOf(2026, 11, 30) as Day;

const base = (rows: CellValue[][]) => {
  for (let no = 1; no <= 40; no++) {
    set(rows, no, 'deadline', '2026-12-31');
    set(rows, no, 'progress', 85);
    set(rows, no, 'status', '序时推进');
  }
};
const october = summarize(ledgerWith(base), { asOf: OCT_31 });
const november = summarize(
  ledgerWith((rows) => {
    base(rows);
    set(rows, 3, 'status', '已完成');
    set(rows, 3, 'progress', 100);
    set(rows, 9, 'status', '滞后');
    set(rows, 9, 'problems', '资金<b>未到位</b> & 场地\n待落实');
    set(rows, 12, 'progress', 30);
  }),
  { asOf: NOV_30 },
);
const history = reportHistory(
  november,
  readSnapshotTable({ header: SNAPSHOT_HEADERS, rows: snapshotRows(october) }),
);
const options = {
  issuer: '四平市人民政府督查室',
  date: NOV_30,
  history,
  nextSteps: ['  压实责任 ', '', '加强调度。'],
};
const bulletin = bulletinOf(november, options);
const paragraphs = (blocks: readonly BulletinBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text]));

describe('the 通报 model', () => {
  it('has the 版头, title, 主送, 导语, sections 一 to 五 in order, both 附件 and the 落款', () => {
    expect(bulletin.masthead).toEqual({
      issuer: '四平市人民政府督查室',
      issue: '第2期',
      date: '2026年11月30日',
    });
    expect(bulletin.title).toBe('关于《四平市现代职业教育重点工作任务》推进情况的通报（截至2026年11月30日）');
    expect(bulletin.recipients).toBe('各县（市）区人民政府，市直有关部门：');
    expect(bulletin.lead).toBe(
      '根据《四平市现代职业教育重点工作任务》要求，现将截至2026年11月30日重点任务推进情况通报如下。',
    );
    expect(bulletin.sections.map((s) => s.heading)).toEqual([
      '一、总体进展',
      '二、主要进展',
      '三、存在问题',
      '四、各单位推进情况',
      '五、下步工作',
    ]);
    expect(bulletin.attachments.map((a) => `${a.label} ${a.title}`)).toEqual([
      '附件1 滞后及逾期任务清单',
      '附件2 各单位完成情况',
    ]);
    expect(bulletin.signature).toEqual({ unit: '四平市人民政府督查室', date: '2026年11月30日' });
  });

  it('says the numbers of the overview sheet of the same date', () => {
    const sheet = overviewSheet(november, { history });
    const [overall] = paragraphs(bulletin.sections[0].blocks);
    // The sheet's status table: each status with its count, then the completion rate.
    const statusRows = sheet.rows.filter((r) => november.statuses.includes(String(r.cells[0]?.value)));
    expect(statusRows).toHaveLength(4);
    for (const row of statusRows) expect(overall).toContain(`${row.cells[0].value}${row.cells[1].value}项`);
    expect(overall).toContain(`完成率${(november.completionRate * 100).toFixed(1)}%`);
    expect(overall).toContain('已完成1项（2.5%）');
    expect(overall).toContain(
      `逾期${november.overdue}项，预警红灯${november.lights.red}项、黄灯${november.lights.yellow}项`,
    );
    expect(paragraphs(bulletin.sections[0].blocks)).toContain(history.changes.sentence);
    const units = bulletin.attachments[1].table;
    // 统称 are left out: their tasks are counted under their members.
    const named = november.units.filter((u) => u.kind !== 'collective');
    expect(units.rows.map((r) => r[0])).toEqual(named.map((u) => u.name));
    expect(units.rows.map((r) => Number(r[4]))).toEqual(named.map((u) => u.total));
    const behind = bulletin.attachments[0].table;
    expect(behind.rows.map((r) => r[0])).toEqual(november.behind.map((b) => String(b.no)));
  });

  it('lists this period’s completed and changed tasks with their lead units, and each behind task with its problem', () => {
    const progress = paragraphs(bulletin.sections[1].blocks);
    expect(bulletin.sections[1].blocks[0]).toEqual({ kind: 'subheading', text: '（一）本期完成的任务' });
    expect(progress.some((p) => p.startsWith('1. 第3项：') && p.includes('（牵头单位：市教育局）'))).toBe(
      true,
    );
    expect(progress.some((p) => p.includes('第9项') && p.includes('【新增滞后'))).toBe(true);
    const problems = paragraphs(bulletin.sections[2].blocks);
    expect(problems[0]).toBe(`滞后及逾期任务${november.behind.length}项，其中逾期0项（详见附件1）：`);
    const nine = problems.find((p) => p.includes('第9项')) as string;
    expect(nine).toContain('完成时限：2026年12月31日');
    // A line break in the cell joins the sentence; the text is kept as typed.
    expect(nine).toContain('存在问题：资金<b>未到位</b> & 场地；待落实。');
  });

  it('ranks the units by completion share, equal shares sharing a rank, with the change since the last report', () => {
    const table = bulletin.sections[3].blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no unit table');
    expect(table.table.header).toEqual(['责任单位', '任务数', '已完成', '完成率', '较上期', '排名']);
    const rows = new Map(table.table.rows.map((r) => [r[0], r]));
    const lead = rows.get('市教育局') as readonly string[];
    expect(Number(lead[5])).toBeGreaterThan(1);
    expect(lead[4]).toMatch(/^\+\d+\.\d$/u);
    const ranks = table.table.rows.map((r) => Number(r[5]));
    const shares = table.table.rows.map((r) => parseFloat(r[3]));
    expect(ranks[shares.indexOf(Math.max(...shares))]).toBe(1);
    for (let i = 0; i < ranks.length; i++)
      expect(ranks[i]).toBe(1 + shares.filter((s) => s > shares[i]).length);
    // Down the rows in 排名 order; units sharing a rank keep the overview's order (类别, then 名录).
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const overview = november.units.filter((u) => u.kind !== 'collective').map((u) => u.name);
    const names = table.table.rows.map((r) => r[0]);
    for (let i = 1; i < ranks.length; i++)
      if (ranks[i] === ranks[i - 1])
        expect(overview.indexOf(names[i])).toBeGreaterThan(overview.indexOf(names[i - 1]));
    expect(paragraphs(bulletin.sections[3].blocks)[0]).toContain(
      '按完成率排名，完成率相同的并列，按单位类别和名录顺序排列',
    );
  });

  it('takes the 下步工作 lines as kept, blank ones left out, and offers three defaults', () => {
    expect(paragraphs(bulletin.sections[4].blocks)).toEqual(['（一）压实责任。', '（二）加强调度。']);
    expect(DEFAULT_NEXT_STEPS).toHaveLength(3);
    const none = bulletinOf(november, { ...options, nextSteps: [' '] });
    expect(paragraphs(none.sections[4].blocks)).toEqual(['（下步工作待补充。）']);
  });

  it('says a first report has nothing to compare with and lists the tasks done so far', () => {
    const first = bulletinOf(november, { issuer: '', date: NOV_30, nextSteps: DEFAULT_NEXT_STEPS });
    expect(first.masthead).toEqual({ issuer: '', issue: '第1期', date: '2026年11月30日' });
    expect(paragraphs(first.sections[1].blocks)).toEqual([
      '本期为首次通报。截至目前已完成任务1项：',
      expect.stringMatching(/^1\. 第3项：.*（牵头单位：市教育局）$/u),
    ]);
  });

  it('keeps user text as text in the HTML and one row a line in the plain text', () => {
    const html = bulletinHtml(bulletin);
    expect(html).toContain('资金&#60;b&#62;未到位&#60;/b&#62; &#38; 场地');
    expect(html).not.toContain('<b>未到位');
    const text = bulletinText(bulletin);
    const sections = ['一、总体进展', '二、主要进展', '三、存在问题', '四、各单位推进情况', '五、下步工作'];
    const at = sections.map((s) => text.indexOf(`\n${s}\n`));
    expect(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]))).toBe(true);
    // The attachment's cell with a line break stays on its row.
    expect(text).toContain('资金<b>未到位</b> & 场地 / 待落实');
  });
});

// Issue 24, the stranger's defects 5–8 and 15.
describe('the 通报 as a clerk would write it', () => {
  const opts = { issuer: '', date: NOV_30, nextSteps: [] as string[] };
  const paragraphs = (b: ReturnType<typeof bulletinOf>, heading: string) =>
    (b.sections.find((s) => s.heading === heading)?.blocks ?? []).flatMap((x) =>
      x.kind === 'paragraph' ? [x.text] : [],
    );

  it('numbers 下步工作 （一）…（十二）, drops a numbering the user typed, and adds no 。 after ? or ！', () => {
    const steps = Array.from({ length: 12 }, (_, i) => `第${i + 1}条措施`);
    steps[0] = '（一）压实责任';
    steps[1] = '1.加快推进';
    steps[2] = '二、加强调度';
    steps[3] = '1.5亿元资金到位';
    steps[11] = '末条?';
    const lines = paragraphs(bulletinOf(november, { ...opts, nextSteps: steps }), '五、下步工作');
    expect(lines.slice(0, 4)).toEqual([
      '（一）压实责任。',
      '（二）加快推进。',
      '（三）加强调度。',
      '（四）1.5亿元资金到位。',
    ]);
    expect(lines[10]).toBe('（十一）第11条措施。');
    expect(lines[11]).toBe('（十二）末条?');
  });

  it('shows a day deadline as 2026年9月30日 however typed, in the 通报 and the leaders’ mail', () => {
    const typed = ['2026/9/30', '2026-09-30', '2026.9.30'];
    const model = summarize(
      ledgerWith((rows) => {
        base(rows);
        typed.forEach((d, i) => {
          set(rows, i + 1, 'status', '滞后');
          set(rows, i + 1, 'deadline', d);
        });
      }),
      { asOf: NOV_30 },
    );
    const bulletin = bulletinOf(model, opts);
    const rows = bulletin.attachments[0].table.rows.filter((r) => ['1', '2', '3'].includes(r[0]));
    expect(rows.map((r) => r[3])).toEqual(['2026年9月30日', '2026年9月30日', '2026年9月30日']);
    expect(paragraphs(bulletin, '三、存在问题').join('')).not.toMatch(/2026[/.-]/u);
    expect(leaderMail(model, 'x.xlsx').text).not.toMatch(/2026[/.-]0?9/u);
  });

  it('joins the lines of a cell without doubling punctuation, and keeps Word’s manual line break', () => {
    const model = summarize(
      ledgerWith((rows) => {
        base(rows);
        set(rows, 1, 'status', '滞后');
        set(rows, 1, 'problems', '资金未到位，需协调解决。\n第二行问题\n第三行');
        set(rows, 2, 'status', '滞后');
        set(rows, 2, 'problems', '第一行\u000b第二行');
      }),
      { asOf: NOV_30 },
    );
    const text = paragraphs(bulletinOf(model, opts), '三、存在问题').join('');
    expect(text).toContain('需协调解决。第二行问题；第三行。');
    expect(text).not.toContain('。；');
    expect(text).toContain('第一行；第二行');
    expect(bulletinOf(model, opts).attachments[0].table.rows.find((r) => r[0] === '2')?.[6]).toBe(
      '第一行\n第二行',
    );
  });

  it('leaves 统称 out of the units counted and ranked', () => {
    const bulletin = bulletinOf(november, opts);
    const collectives = november.units.filter((u) => u.kind === 'collective');
    expect(collectives.length).toBeGreaterThan(0);
    const counted = november.units.length - collectives.length;
    expect(paragraphs(bulletin, '四、各单位推进情况')[0]).toMatch(new RegExp(`^${counted}个责任单位`, 'u'));
    const table = bulletin.sections[3].blocks.find((b) => b.kind === 'table');
    const names = table?.kind === 'table' ? table.table.rows.map((r) => r[0]) : [];
    expect(names).toHaveLength(counted);
    for (const c of collectives) {
      expect(names).not.toContain(c.name);
      expect(bulletin.attachments[1].table.rows.map((r) => r[0])).not.toContain(c.name);
    }
  });
});

// Issue 24 (the stranger's defect 9): 期号 is this date's place among the kept reports' dates.
it('numbers the issue by this date’s place among the kept reports, counting itself', () => {
  const table = readSnapshotTable({
    header: SNAPSHOT_HEADERS,
    rows: [...snapshotRows(october), ...snapshotRows(november)],
  });
  const opts = { issuer: '', date: NOV_30, nextSteps: [] };
  expect(bulletinOf(november, { ...opts }).masthead.issue).toBe('第1期');
  // A report kept for a later date does not count; the earlier one does.
  expect(bulletinOf(october, { ...opts, history: reportHistory(october, table) }).masthead.issue).toBe(
    '第1期',
  );
  expect(bulletinOf(november, { ...opts, history: reportHistory(november, table) }).masthead.issue).toBe(
    '第2期',
  );
});

describe('the 通报’s quantitative indicators (a new user’s finding: 个类目标合计 added up unlike things)', () => {
  const tableOf = (rows: CellValue[][]) =>
    readIndicatorTable({ header: INDICATOR_HEADERS, rows, sheetName: '指标' });
  const attachment = (b: Bulletin) => b.attachments.find((a) => a.title === '量化指标完成情况');
  const overall = (b: Bulletin) => paragraphs(b.sections[0].blocks).join('\n');

  // An imported plan whose three targets share the measure word 个 and nothing else.
  const annex = importAnnexTable([
    ['序号', '工作任务', '责任单位', '完成时限'],
    ['一、产业发展', '', '', ''],
    ['1', '新增规上企业100个。', '区工信局', '2026年底前'],
    ['2', '培育省级重点项目30个。', '区发改局', '2026年底前'],
    ['二、民生保障', '', '', ''],
    ['3', '建设现代农业示范基地3个。', '区农业农村局', '2026年底前'],
    ['4', '各县（市、区）新建社区养老服务站。', '区民政局、红旗县人民政府、东岭区人民政府', '2026年底前'],
  ]);
  const plan = planFromAnnex(annex, { title: '立山区2026年重点工作任务分工' });
  const ledger = makeLedger({
    header: planLedgerSpec(plan).columns.map((c) => c.header),
    rows: planLedgerRecords(plan),
  });
  const seeded = indicatorSheetRows(
    seedsForTasks(plan.tasks.map((t) => ({ no: t.no, task: t.text, unitsText: unitsCellText(t) }))),
    { headerRow: 0, firstColumn: 0 },
  );
  const withActuals = (actuals: readonly CellValue[], extra: CellValue[][] = []) =>
    tableOf([...seeded.map((r, i) => r.map((v, c) => (c === 5 ? (actuals[i] ?? '') : v))), ...extra]);

  it('lists indicators that share 个 each on its own, with no sum across them', () => {
    const model = summarize(ledger, { asOf: NOV_30, plan, indicators: withActuals([60, 30]) });
    expect(model.indicators.lines.map((l) => [l.name, l.target, l.measure])).toEqual([
      ['新增规上企业', 100, '个'],
      ['省级重点项目', 30, '个'],
      ['现代农业示范基地', 3, '个'],
    ]);
    const made = bulletinOf(model, { ...options, history: undefined });
    // A district's plan goes to its 乡镇 and 区直 bodies, not to the counties of a city's.
    expect(made.recipients).toBe('各乡镇人民政府、街道办事处，区直有关部门：');
    const text = overall(made);
    expect(text).toContain(
      '量化指标共3项，已填报完成值2项，已达目标1项（逐项目标值、完成值和完成率见附件3）。',
    );
    // Before: “个类目标合计133，完成90（67.7%）”.
    expect(text).not.toMatch(/合计|133/u);
    expect(bulletinText(made)).not.toMatch(/个类|合计133/u);
    expect(attachment(made)?.table.header).toEqual([
      '序号',
      '指标',
      '责任单位',
      '目标值',
      '完成值',
      '完成率',
    ]);
    expect(attachment(made)?.table.rows).toEqual([
      ['1', '新增规上企业', '区工信局', '100个', '60个', '60.0%'],
      ['2', '省级重点项目', '区发改局', '30个', '30个', '100.0%'],
      ['3', '现代农业示范基地', '区农业农村局', '3个', '未填报', '—'],
    ]);
    expect(made.attachments.map((a) => a.label)).toEqual(['附件1', '附件2', '附件3']);
  });

  it('totals one indicator split across units, named as such, under its parts', () => {
    const split: CellValue[][] = [
      [4, '社区养老服务站', 2, '个', '红旗县人民政府', 2, '', '', ''],
      [4, '社区养老服务站', 3, '个', '东岭区人民政府', 1, '', '', ''],
    ];
    const model = summarize(ledger, { asOf: NOV_30, plan, indicators: withActuals([60, 30], split) });
    const made = bulletinOf(model, { ...options, history: undefined });
    expect(overall(made)).toContain(
      '其中同一指标分项合计：社区养老服务站合计（2个单位）目标5个，完成3个（60.0%）。',
    );
    const rows = attachment(made)?.table.rows ?? [];
    expect(rows.slice(3)).toEqual([
      ['4', '社区养老服务站', '红旗县人民政府', '2个', '2个', '100.0%'],
      ['4', '社区养老服务站', '东岭区人民政府', '3个', '1个', '33.3%'],
      ['', '社区养老服务站合计（2个单位）', '', '5个', '3个', '60.0%'],
    ]);
    // The other 个 indicators stay out of it: one total row only.
    expect(rows.filter((r) => r[1].includes('合计'))).toHaveLength(1);
  });

  it('does not total two tasks’ targets that name the same object', () => {
    // Task 3's unit adds a row of its own named as task 1's indicator: two targets, which may overlap.
    const again: CellValue[][] = [[3, '新增规上企业', 20, '个', '区农业农村局', 5, '', '', '']];
    const model = summarize(ledger, { asOf: NOV_30, plan, indicators: withActuals([60, 30], again) });
    expect(model.indicators.lines.filter((l) => l.name === '新增规上企业').map((l) => l.no)).toEqual([1, 3]);
    expect(model.indicators.totals).toEqual([]);
    const made = bulletinOf(model, { ...options, history: undefined });
    expect(bulletinText(made)).not.toMatch(/合计（|120个/u);
    expect(attachment(made)?.table.rows).toContainEqual([
      '3',
      '新增规上企业',
      '区农业农村局',
      '20个',
      '5个',
      '25.0%',
    ]);
  });

  it('in the built-in plan totals only 职教中心, 老年大学 and 电商直播基地, each across its counties', () => {
    const seeds = seedsForTasks(OFFICIAL_TASKS.map((t) => ({ ...t, unitsText: t.units })));
    const rows = indicatorSheetRows(seeds, { headerRow: 0, firstColumn: 0 }).map((r) =>
      r.map((v, c) => (c === 5 && r[1] === '老年大学' ? 1 : c === 5 && r[1] === '智慧课堂' ? 10 : v)),
    );
    const model = summarize(ledgerWith(base), { asOf: NOV_30, indicators: tableOf(rows) });
    const made = bulletinOf(model, { ...options, history: undefined });
    expect(overall(made)).toContain(
      '其中同一指标分项合计：职教中心合计（3个单位，已填报0个）目标3所，尚未填报完成值；' +
        '老年大学合计（5个单位）目标5所，完成5所（100.0%）；' +
        '电商直播基地合计（3个单位，已填报0个）目标3个，尚未填报完成值。',
    );
    const listed = attachment(made)?.table.rows ?? [];
    expect(listed).toHaveLength(23 + 3);
    expect(listed.filter((r) => r[0] !== '').map((r) => r[1])).toEqual(seeds.map((s) => s.name));
    expect(listed).toContainEqual([
      '14',
      '智慧课堂',
      '市教育局，各县（市）人民政府',
      '10个',
      '10个',
      '100.0%',
    ]);
    expect(bulletinText(made)).not.toMatch(/[个门所]类目标合计/u);
  });

  it('has no 附件3 when the workbook has no indicators', () => {
    expect(bulletin.attachments.map((a) => a.label)).toEqual(['附件1', '附件2']);
  });
});
