// 导入分工表: a 责任单位 cell naming two leads by （牵头） (市人社局（牵头）、市财政局（牵头）、人民银行四平市分行)
// imports with both as leads: the ledger's cell keeps the markers, and a fresh read counts the
// second lead as a lead in 筛选, its form and the summaries, as the annex wrote it. Both on a
// workbook holding the built-in plan's ledger and on a new one; every cell compared before/after.
import { applyUnitFilter, createLedger, importPlan, readReport } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { returnFormSpec, tasksReaching, unitsInLedger, type RoleFilter } from '../../src/ledger';
import { planOfReview, reviewText } from '../../src/taskpane/importWorkflow';
import { asOf } from '../asOf';
import { ALL_SETS, changedCells, columnBelow } from './helpers';

jest.setTimeout(60_000);

const BANK = '人民银行四平市分行';
const JOINT = `市人社局（牵头）、市财政局（牵头）、${BANK}`;
const ANNEX = [
  '四平市稳就业重点任务分工',
  '序号\t重点任务\t责任单位\t完成时限',
  `1\t落实创业担保贷款政策。\t${JOINT}\t2027年12月底前`,
  // 市财政局 as a partner elsewhere: its counts tell the two roles apart.
  '2\t开发城镇公益性岗位500个。\t市人社局、市财政局\t2027年12月底前',
].join('\n');

async function imported(withBuiltIn: boolean) {
  const sim = new ExcelSim();
  if (withBuiltIn) await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  const review = { ...reviewText(ANNEX, 2027), shortName: '稳就业' };
  expect(review.annex.problems).toEqual([]);
  const plan = planOfReview(review);
  const before = sim.snapshot();
  const made = await sim.runExcel((c) => importPlan(c, plan, { supports: ALL_SETS, from: null }));
  return { sim, plan, made, before, after: sim.snapshot() };
}

describe.each([
  ['on the built-in plan’s workbook', true],
  ['on a new workbook', false],
])('two leads marked （牵头） %s', (_, withBuiltIn) => {
  it('are both leads in the plan, and the ledger cell keeps both markers; nothing else changes', async () => {
    const { sim, plan, made, before, after } = await imported(withBuiltIn);
    expect(plan.tasks.map((t) => [t.lead, t.partners])).toEqual([
      [['市人社局', '市财政局'], [BANK]],
      [['市人社局'], ['市财政局']],
    ]);
    expect(columnBelow(sim, made.sheetName, '责任单位')).toEqual([JOINT, '市人社局、市财政局']);
    // Cells change only on the sheets the import added, and on 单位名录 only where it held nothing.
    const added = after.sheets.filter((s) => !before.sheets.some((b) => b.id === s.id)).map((s) => s.name);
    expect(added).toContain(made.sheetName);
    expect(
      changedCells(before, after).filter(
        (c) => !added.includes(c.split('!')[0]) && !c.startsWith('单位名录!'),
      ),
    ).toEqual([]);
    const directory = (s: typeof before) => s.sheets.find((x) => x.name === '单位名录')?.cells ?? {};
    const kept = directory(before);
    expect(
      Object.keys(kept).filter((key) => JSON.stringify(kept[key]) !== JSON.stringify(directory(after)[key])),
    ).toEqual([]);
  });

  it('counts the second lead as a lead in a fresh read: 筛选, its form, the summaries', async () => {
    const { sim, made } = await imported(withBuiltIn);
    const table = made.tableName;
    const report = await sim.runExcel((c) => readReport(c, { asOf, history: false, ledgerTable: table }));
    const { model } = report;
    const { directory, statuses } = report.read.reference;

    // 筛选: 市财政局 牵头1·配合1 (the bug read 牵头0·配合2), the bank a partner only.
    const counts = Object.fromEntries(
      unitsInLedger(model.tasks, directory).map((c) => [c.name, [c.lead.direct, c.partner.direct]]),
    );
    expect(counts).toMatchObject({ 市人社局: [2, 0], 市财政局: [1, 1], [BANK]: [0, 1] });
    const numbers = (unit: string, role: RoleFilter) =>
      tasksReaching(model.tasks, [unit], { directory, role }).map((t) => t.no as number);
    expect(numbers('市财政局', 'lead')).toEqual([1]);
    expect(numbers('市财政局', 'partner')).toEqual([2]);
    const ledger = report.read.ledger;
    expect((await sim.runExcel((c) => applyUnitFilter(c, ledger, numbers('市财政局', 'lead')))).shown).toBe(
      1,
    );

    // 反馈表: task 1 is 市财政局's to report (状态/进度 open), task 2 a partner's (locked).
    const form = returnFormSpec(model, '市财政局', {
      ledgerId: 'x',
      statuses,
      directory,
      ledger: ledger.ledger,
    });
    expect(form.meta.rows.map((r) => [r.no, r.role])).toEqual([
      [1, 'lead'],
      [2, 'partner'],
    ]);
    expect(form.rows.map((r) => [r.no, r.role])).toEqual([
      [1, '牵头'],
      [2, '配合'],
    ]);

    // 汇总: a lead's row.
    const row = model.units.find((u) => u.name === '市财政局');
    expect([row?.led, row?.joined]).toEqual([1, 1]);
  });
});
