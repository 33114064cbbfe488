// 导入分工表 › 分开: a full name the review took for a short form, and the user kept apart, is a
// unit of its own everywhere after the import — 单位名录, the ledger's cells, 筛选's list and
// results, the forms, the summaries and 催报 — even where the built-in directory (or the sheet's
// 单位名录) lists it as the short form's alias. A pair not kept apart stays one unit. Both on a
// workbook that holds the built-in plan's ledger and on a new one; every cell compared before/after.
import { applyUnitFilter, createLedger, importPlan, readReport, readWorkbook } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import {
  DEFAULT_DIRECTORY,
  indexFor,
  returnFormSpec,
  tasksReaching,
  unitsInLedger,
  unitsSplitOff,
  type UnitDirectory,
} from '../../src/ledger';
import { keepApart, planOfReview, reviewText } from '../../src/taskpane/importWorkflow';
import { draftReminders, readRound } from '../../src/taskpane/registerWorkflow';
import { asOf } from '../asOf';
import { ALL_SETS, changedCells, columnBelow } from './helpers';
import { formsDesk, issueTo } from './twoPlanFixture';

jest.setTimeout(60_000);

const FULL = '四平市人力资源和社会保障局';
const SHORT = '市人社局';
const ANNEX = [
  '四平市就业促进行动重点任务分工',
  '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
  `1\t开发城镇公益性岗位500个。\t${FULL}\t市财政局\t2027年12月底前`,
  `2\t组织专项招聘活动不少于20场。\t${SHORT}\t\t2027年12月底前`,
  `3\t开展职业技能培训1000人次。\t${SHORT}\t市教育局\t2027年12月底前`,
  '4\t改造老旧小区10个。\t四平市住房和城乡建设局\t\t2027年12月底前',
  '5\t新建保障性住房200套。\t市住建局\t市财政局\t2027年12月底前',
  '6\t争取中央预算内投资。\t四平市发展和改革委员会\t\t2027年12月底前',
  '7\t谋划储备重大项目。\t市发改委\t市财政局\t2027年12月底前',
].join('\n');

const review = () => {
  const read = { ...reviewText(ANNEX, 2027), shortName: '就业' };
  expect(read.annex.units.find((u) => u.name === SHORT)?.aliases).toEqual([FULL]);
  return keepApart(read, FULL);
};

/** The import of the annex, FULL kept apart; on the built-in plan's workbook, or on a new one. */
async function imported(withBuiltIn: boolean) {
  const sim = new ExcelSim();
  if (withBuiltIn) await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  // What the pane knows before the import: the workbook's 单位名录, or the built-in directory.
  const known: UnitDirectory = (await sim.runExcel((c) => readWorkbook(c))).reference.directory;
  const plan = planOfReview(review());
  const before = sim.snapshot();
  const made = await sim.runExcel((c) => importPlan(c, plan, { supports: ALL_SETS, from: null }));
  return { sim, plan, known, made, changed: changedCells(before, sim.snapshot()) };
}

describe.each([
  ['on the built-in plan’s workbook', true],
  ['on a new workbook', false],
])('分开 %s', (_, withBuiltIn) => {
  it('is said before the import, where the directory took the name for the short form’s alias', async () => {
    const { plan, known } = await imported(withBuiltIn);
    expect(unitsSplitOff(known, plan)).toEqual([{ name: FULL, of: SHORT }]);
    // The pairs not kept apart contradict nothing.
    const paired = planOfReview({ ...reviewText(ANNEX, 2027), shortName: '就业' });
    expect(unitsSplitOff(known, paired)).toEqual([]);
  });

  it('writes the two as two units, cells as the annex wrote them, nothing else of the workbook changed', async () => {
    const { sim, made, changed } = await imported(withBuiltIn);
    const sheet = made.sheetName;
    expect(
      changed.filter((c) => !/^(单位名录|指标|就业指标)!/u.test(c) && !c.startsWith(`${sheet}!`)),
    ).toEqual([]);
    const names = columnBelow(sim, '单位名录', '单位');
    expect(names.filter((n) => n === FULL)).toHaveLength(1);
    expect(names.filter((n) => n === SHORT)).toHaveLength(1);
    // The pairs not kept apart: one row each, under the short form.
    expect(names).not.toContain('四平市住房和城乡建设局');
    expect(names).not.toContain('四平市发展和改革委员会');
    if (withBuiltIn) {
      // 单位名录's own rows are as they were (the 市人社局 row still lists FULL as its alias): only rows below were added.
      const lastBefore = 1 + DEFAULT_DIRECTORY.units.length;
      expect(
        changed.filter((c) => c.startsWith('单位名录!') && Number(/\d+$/u.exec(c)![0]) <= lastBefore),
      ).toEqual([]);
      expect(made.unitsAdded).toBeGreaterThan(0);
    }
    expect(columnBelow(sim, sheet, '责任单位').slice(0, 3)).toEqual([
      `${FULL}、市财政局`,
      SHORT,
      `${SHORT}、市教育局`,
    ]);
  });

  it('keeps them apart in a fresh read: directory, 筛选, summaries, forms and 催报', async () => {
    const { sim, made, plan } = await imported(withBuiltIn);
    const table = made.tableName;
    const report = await sim.runExcel((c) => readReport(c, { asOf, history: false, ledgerTable: table }));
    const { model } = report;
    const { directory, statuses } = report.read.reference;
    const index = indexFor(directory);
    expect(index.resolve(FULL)?.name).toBe(FULL);
    expect(index.resolve(SHORT)?.name).toBe(SHORT);
    // Paired: one unit, found by either name.
    expect(index.resolve('四平市住房和城乡建设局')?.name).toBe('市住建局');
    expect(index.resolve('四平市发展和改革委员会')?.name).toBe('市发改委');

    // 筛选: the list, and each unit's own tasks only.
    const listed = unitsInLedger(model.tasks, directory).map((c) => c.name);
    expect(listed).toEqual(expect.arrayContaining([FULL, SHORT, '市住建局', '市发改委']));
    expect(listed).not.toContain('四平市住房和城乡建设局');
    expect(listed).not.toContain('四平市发展和改革委员会');
    const numbers = (unit: string) =>
      tasksReaching(model.tasks, [unit], { directory }).map((t) => t.no as number);
    expect(numbers(FULL)).toEqual([1]);
    expect(numbers(SHORT)).toEqual([2, 3]);
    expect(numbers('四平市住房和城乡建设局')).toEqual([4, 5]);
    const ledger = report.read.ledger;
    expect((await sim.runExcel((c) => applyUnitFilter(c, ledger, numbers(FULL)))).shown).toBe(1);
    expect((await sim.runExcel((c) => applyUnitFilter(c, ledger, numbers(SHORT)))).shown).toBe(2);

    // Summaries: a row each.
    const unitRow = (name: string) => model.units.find((u) => u.name === name);
    expect(unitRow(FULL)?.total).toBe(1);
    expect(unitRow(SHORT)?.total).toBe(2);
    expect(unitRow('四平市住房和城乡建设局')).toBeUndefined();

    // Forms: one each, each with its own tasks.
    const form = (unit: string) =>
      returnFormSpec(model, unit, { ledgerId: 'x', statuses, directory, ledger: ledger.ledger }).rows.map(
        (r) => r.no,
      );
    expect(form(FULL)).toEqual([1]);
    expect(form(SHORT)).toEqual([2, 3]);

    // A round to both, then 催报: one draft each, each unit's own form.
    await issueTo(sim, table, [FULL, SHORT]);
    const { host, pane } = formsDesk(sim, table);
    expect((await readRound(host, table))?.units.map((u) => u.unit)).toEqual([FULL, SHORT]);
    const reminders = await draftReminders(host, pane);
    expect(reminders.drafts.map((d) => d.unit)).toEqual([FULL, SHORT]);

    // The same annex imported again: 单位名录 already holds both, so nothing is said or added.
    expect(unitsSplitOff(directory, plan)).toEqual([]);
    const again = await sim.runExcel((c) => importPlan(c, plan, { supports: ALL_SETS, from: null }));
    expect(again.unitsAdded).toBe(0);
  });
});
