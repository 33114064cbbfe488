// Each of the 8 fixture annexes imported as the pane imports it (a sheet's cells or pasted text,
// problem rows fixed by editing them) and run through the 督办 loop on excel-sim: validate →
// filter by a unit → summaries → 通报 → a form out → the return in. What each must give is
// written down per fixture: tasks, units, collectives, deadlines.
import {
  applyReturns,
  applyUnitFilter,
  createLedger,
  ensureLedgerId,
  generateSummaries,
  importPlan,
  newImportBatch,
  readAnnexSheet,
  readLedger,
  readOptions,
  readReport,
  type LedgerRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { readReturnForm, writeReturnForm } from '../../src/files';
import {
  bulletinOf,
  bulletinText,
  changesToApply,
  checkReturn,
  returnFormSpec,
  reviewReturns,
  tasksForUnit,
  validateLedger,
} from '../../src/ledger';
import { editRow, planOfReview, reviewOf, reviewText, type Review } from '../../src/taskpane/importWorkflow';
import { AS_OF_DATE, asOf } from '../asOf';
import { FIXTURES } from '../ledger/annexFixtures';
import { ALL_SETS, countSyncs, taskCell } from './helpers';

interface Expected {
  readonly tasks: number;
  readonly units: readonly string[];
  readonly collectives: readonly string[];
  /** 完成时限 as the ledger holds them, task by task ('' where the annex gives none). */
  readonly deadlines: readonly (string | number)[];
  /** Rows the office fixes in the pane before importing, as it would type them. */
  readonly fixes?: readonly { readonly row: number; readonly text: string }[];
  /** The unit filtered for, given a form, and who reports back on its first task. */
  readonly unit: string;
  readonly unitTasks: readonly number[];
  /** A task the unit leads: its return is taken as the lead's. */
  readonly leads: number;
}

/** createLedger's round trips, which 导入 from pasted text takes as they are. */
const MADE_SYNCS = 2;

const EXPECTED: readonly Expected[] = [
  {
    tasks: 4,
    units: [
      '县市场监管局',
      '县政数局',
      '县税务局',
      '各乡镇人民政府',
      '县司法局',
      '县直各执法部门',
      '县工商联',
      '县营商环境局',
    ],
    // Every 各…部门 is a 统称: 县直各执法部门 among them.
    collectives: ['各乡镇人民政府', '县直各执法部门'],
    // 2025年9月30日 is a date to Excel: the cell holds its serial and shows the date.
    deadlines: ['2025年6月底前', '2025年底前', '长期坚持', 45930],
    unit: '县政数局',
    unitTasks: [1, 2],
    leads: 2,
  },
  {
    tasks: 3,
    units: ['市发改委', '市财政局', '各县（市、区）人民政府', '市统计局', '市住建局', '市自然资源局'],
    collectives: ['各县（市、区）人民政府'],
    deadlines: ['全年', '每季度', '持续推进'],
    unit: '市发改委',
    unitTasks: [1, 2],
    leads: 2,
  },
  {
    tasks: 4,
    units: [
      '市农业农村局',
      '各县（市）区人民政府',
      '市财政局',
      '市水利局',
      '市工信局',
      '市商务局',
      '市邮政管理局',
      '中国邮政四道河分公司',
    ],
    collectives: ['各县（市）区人民政府'],
    deadlines: ['', '', '', ''],
    unit: '市农业农村局',
    unitTasks: [1, 2, 3],
    leads: 1,
  },
  {
    tasks: 4,
    units: [
      '县住建局',
      '县发改局',
      '县财政局',
      '县水利局',
      '各乡镇人民政府、街道办事处',
      '县交通运输局',
      '县卫健局',
      '县医保局',
    ],
    collectives: ['各乡镇人民政府、街道办事处'],
    deadlines: ['2025年10月底前', '2025年底前', '2025年11月', '下半年'],
    unit: '县水利局',
    unitTasks: [2],
    leads: 2,
  },
  {
    tasks: 3,
    units: ['区发改局', '立山经济开发区', '全区经济运行各专班', '区财政局', '区商务局', '区文旅局'],
    collectives: ['全区经济运行各专班'],
    deadlines: ['', '2025年6月底前', ''],
    unit: '区发改局',
    unitTasks: [1, 2],
    leads: 1,
  },
  {
    tasks: 3,
    units: ['市政府办公室', '市发改委', '市级各有关部门', '各县市区政府', '市商务局', '市财政局'],
    collectives: ['市级各有关部门', '各县市区政府'],
    deadlines: ['', '', ''],
    unit: '市商务局',
    unitTasks: [2],
    leads: 2,
  },
  {
    tasks: 3,
    units: ['市发改委', '市营商环境局', '市工信局', '市科技局', '税务局', '市市场监管局'],
    collectives: [],
    deadlines: ['2026年12月底前', '长期', '2026年底前'],
    // 明年 is no deadline the core can read: the office types the year in the pane.
    fixes: [{ row: 4, text: '3\t完善企业信用修复机制。\t税务局、市市场监管局。\t2026年底前' }],
    unit: '市工信局',
    unitTasks: [2],
    leads: 2,
  },
  {
    tasks: 3,
    units: [
      '魏武国控集团',
      '区政府各部门',
      '区住建局',
      '各乡镇人民政府、街道办事处',
      '各县（市、区）',
      '区应急局',
      '区直各有关部门',
    ],
    collectives: ['区政府各部门', '各乡镇人民政府、街道办事处', '各县（市、区）', '区直各有关部门'],
    deadlines: ['', '', ''],
    unit: '区住建局',
    unitTasks: [2],
    leads: 2,
  },
];

async function imported(index: number) {
  const fixture = FIXTURES[index];
  const expected = EXPECTED[index];
  const sim = new ExcelSim();
  let review: Review;
  if ('rows' in fixture) {
    const width = Math.max(...fixture.rows.map((r) => r.length));
    await sim.run(async (c) => {
      c.workbook.worksheets
        .getItem('Sheet1')
        .getRange(`A1:${String.fromCharCode(64 + width)}${fixture.rows.length}`).values = fixture.rows.map(
        (r) => Array.from({ length: width }, (_, i) => r[i] ?? ''),
      );
      await c.sync();
    });
    const read = await sim.runExcel((c) => readAnnexSheet(c, { year: 2025 }));
    review = reviewOf({ kind: 'table', rows: read.cells }, 2025, {
      sheet: read.sheet,
      cells: read.cells,
      firstRow: read.firstRow,
    });
  } else review = reviewText(fixture.text, 2025);
  for (const fix of expected.fixes ?? []) review = editRow(review, fix.row, fix.text);
  expect(review.annex.problems).toEqual([]);
  review = { ...review, title: review.title || `${fixture.name}测试方案` };
  const plan = planOfReview(review);
  await sim.runExcel((c) => importPlan(c, plan, { supports: ALL_SETS, from: review.from }));
  return { sim, plan, expected };
}

describe.each(FIXTURES.map((f, i) => [i + 1, f.name, i] as const))(
  'fixture %i (%s) through the 督办 loop',
  (_, __, index) => {
    it('imports the tasks, units, collectives and deadlines written down for it', async () => {
      const { sim, plan, expected } = await imported(index);
      expect(plan.tasks).toHaveLength(expected.tasks);
      expect(plan.directory.units.map((u) => u.name)).toEqual(expected.units);
      expect(plan.directory.units.filter((u) => u.kind === 'collective').map((u) => u.name)).toEqual(
        expected.collectives,
      );
      expect(plan.tasks.map((t) => taskCell(sim, t.no, '完成时限'))).toEqual(expected.deadlines);
    });

    it('validates, filters by a unit, summarizes, makes the 通报, and takes a return in', async () => {
      const { sim, plan, expected } = await imported(index);
      const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => sim.runExcel(batch);
      const report = await run((c) => readReport(c, { asOf, history: false }));
      const { model } = report;
      // Validate: nothing the import wrote is an error.
      const findings = validateLedger(report.read.ledger.ledger, readOptions(report.read.reference, asOf));
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(model.names.title).toBe(plan.title);
      expect(model.tasks).toHaveLength(expected.tasks);

      // Filter by a unit: its tasks, and only they, are shown.
      const read = (await run((c) => readLedger(c))) as LedgerRead;
      const refs = read.ledger.rows.map((r) => ({ no: r[0], units: r[2] }));
      const numbers = tasksForUnit(refs, expected.unit, { directory: plan.directory });
      expect(numbers).toEqual(expected.unitTasks);
      const filtered = await run((c) => applyUnitFilter(c, read, numbers));
      expect(filtered.shown).toBe(expected.unitTasks.length);

      // Summaries and the 通报, naming the plan.
      const summaries = await generateSummaries(run, {
        asOf,
        request: { overview: true, behind: true, units: [expected.unit] },
        supports: ALL_SETS,
      });
      expect(summaries.editedMeanwhile).toBe(false);
      const bulletin = bulletinText(bulletinOf(model, { issuer: '', date: asOf, nextSteps: [] }));
      expect(bulletin).toContain(plan.title);
      expect(bulletin).toContain(expected.unit);

      // A form out to the unit, filled and back in: the status of a task it leads lands on that row.
      const ledgerId = await run((c) => ensureLedgerId(c));
      const spec = returnFormSpec(model, expected.unit, {
        ledgerId,
        statuses: report.read.reference.statuses,
        directory: report.read.reference.directory,
        ledger: report.read.ledger.ledger,
      });
      const first = expected.leads;
      const rows = spec.rows.map((r) =>
        r.no === first ? { ...r, status: '序时推进', progressNote: '已部署' } : r,
      );
      const form = await readReturnForm(spec.fileName, await writeReturnForm({ ...spec, rows }, AS_OF_DATE));
      const checked = checkReturn(form, {
        ledgerId,
        statuses: report.read.reference.statuses,
        knowsUnit: (unit) => tasksForUnit(refs, unit, { directory: plan.directory }).length > 0,
      });
      expect(checked.problems).toEqual([]);
      const again = (await run((c) => readLedger(c))) as LedgerRead;
      const { changes } = reviewReturns({
        ledger: again.ledger,
        tasks: model.tasks,
        returns: [checked],
        directory: report.read.reference.directory,
      });
      const { ok } = changesToApply(changes);
      await run((c) => applyReturns(c, again, ok, newImportBatch('2026-11-28 09:00'), ALL_SETS));
      expect(taskCell(sim, first, '状态')).toBe('序时推进');
      expect(taskCell(sim, first, '进展情况')).toBe('已部署');
    });
  },
);

describe('导入 in round trips', () => {
  it('checks the sheet in one round trip, then makes the ledger as 新建 does', async () => {
    const fromText = new ExcelSim();
    const plan = planOfReview({ ...reviewText(FIXTURES[4].text, 2025), title: '立山区稳经济重点任务' });
    const made = await countSyncs(fromText, () =>
      fromText.runExcel((c) => importPlan(c, plan, { supports: ALL_SETS, from: null })),
    );
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('A1:C2').values = [
        ['序号', '工作任务', '责任单位'],
        ['1', '推行企业开办全程网办。', '县市场监管局'],
      ];
      await c.sync();
    });
    const read = await sim.runExcel((c) => readAnnexSheet(c));
    const review = reviewOf({ kind: 'table', rows: read.cells }, 2025, { ...read });
    const fromSheet = await countSyncs(sim, () =>
      sim.runExcel((c) =>
        importPlan(c, planOfReview({ ...review, title: '某县营商环境重点任务' }), {
          supports: ALL_SETS,
          from: review.from,
        }),
      ),
    );
    expect(made.syncs).toBe(MADE_SYNCS);
    expect(fromSheet.syncs).toBe(MADE_SYNCS + 1);
  });
});

describe('导入 refuses, writing nothing', () => {
  it('when the sheet read has changed since, naming it', async () => {
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('A1:C2').values = [
        ['序号', '工作任务', '责任单位'],
        ['1', '推行企业开办全程网办。', '县市场监管局'],
      ];
      await c.sync();
    });
    const read = await sim.runExcel((c) => readAnnexSheet(c));
    const review = reviewOf({ kind: 'table', rows: read.cells }, 2025, { ...read });
    const plan = planOfReview({ ...review, title: '某县营商环境重点任务' });
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('C2').values = [['县政数局']];
      await c.sync();
    });
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim
        .runExcel((c) => importPlan(c, plan, { supports: ALL_SETS, from: review.from }))
        .catch((e: unknown) => e),
    );
    expect(syncs).toBe(1);
    expect(result).toMatchObject({ text: { zh: expect.stringContaining('工作表“Sheet1”在读取后已更改') } });
    expect(sim.snapshot()).toEqual(before);
  });

  // 导入 on a workbook with a ledger makes a second one (tests/excel/twoPlans.test.ts); 新建 does not.
  it('新建 on a workbook that already has an imported ledger, naming it', async () => {
    const sim = new ExcelSim();
    const plan = planOfReview({
      ...reviewText('1.推行企业开办全程网办（县市场监管局牵头）', 2025),
      title: '某县营商环境重点任务',
    });
    await sim.runExcel((c) => importPlan(c, plan, { supports: ALL_SETS, from: null }));
    const before = sim.snapshot();
    await expect(sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }))).rejects.toMatchObject({
      text: { zh: expect.stringContaining('工作簿中已有任务台账') },
    });
    expect(sim.snapshot()).toEqual(before);
  });
});
