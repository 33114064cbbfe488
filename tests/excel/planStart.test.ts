// A plan's 起始日期 on excel-sim: a plan for next year, imported in November, is not behind before it
// begins (its tasks were lit red 45–52 points behind 序时进度), while a task already past its
// deadline stays red; the start travels in the plan's part and is edited in 设置 › 方案.
import { importPlan, readReport, savePlanNames } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { bulletinOf, bulletinText, guessPlanStart, leaderMail, type Plan } from '../../src/ledger';
import { planOfReview, reviewText } from '../../src/taskpane/importWorkflow';
import { asOf } from '../asOf';
import { ALL_SETS, changedCells } from './helpers';

const ANNEX = [
  '四平市2027年稳经济促增长重点任务分工',
  '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
  '1\t推进城市更新，改造老旧小区30个。\t市住建局\t各县（市）区政府\t2027年6月底前',
  '2\t落实助企纾困政策，确保惠企资金直达快享。\t市财政局\t市税务局\t2027年9月底前',
  '3\t举办促消费活动50场以上。\t市商务局\t市财政局\t2027年12月31日',
  // Carried over from this year's work: due before the plan begins, and already past.
  '4\t完成上年度项目清算。\t市发改委\t市财政局\t2026年10月底前',
  // No year: the plan's first half, not this year's (which has passed).
  '5\t出台支持民营经济发展若干措施。\t市工信局\t市财政局\t上半年',
].join('\n');

const TITLE = '四平市2027年稳经济促增长重点任务分工';
const review = { ...reviewText(ANNEX, 2026), title: TITLE, shortName: '稳经济' };

async function imported(plan: Plan) {
  const sim = new ExcelSim();
  await sim.runExcel((c) => importPlan(c, plan, { supports: ALL_SETS, from: null }));
  return sim;
}

const report = (sim: ExcelSim) => sim.runExcel((c) => readReport(c, { asOf, history: false }));

function lightsOf(model: Awaited<ReturnType<typeof report>>['model']) {
  return model.tasks.map((t) => [t.no, t.health.light, t.health.overdue]);
}

describe('a plan that begins next year', () => {
  it('is guessed to start on 1 January of the year in its title', () => {
    expect(guessPlanStart(TITLE, asOf)).toMatchObject({ start: '2027-01-01', from: 'title' });
  });

  it('lights none of its tasks for lag before it starts; an overdue one stays red, in the summaries, the mail and the 通报', async () => {
    const sim = await imported(planOfReview(review, guessPlanStart(TITLE, asOf).start));
    const { model } = await report(sim);
    expect(lightsOf(model)).toEqual([
      [1, 'green', false],
      [2, 'green', false],
      [3, 'green', false],
      [4, 'red', true],
      [5, 'green', false],
    ]);
    expect(model.tasks[4].current).toMatchObject({ kind: 'date', precision: 'half' });
    expect(model.lights).toMatchObject({ red: 1, yellow: 0, green: 4 });
    expect(model.behind.map((b) => b.no)).toEqual([4]);
    const mail = leaderMail(model, '稳经济汇总.xlsx').text;
    expect(mail).toContain('预警红灯1项、黄灯0项');
    expect(mail).toContain('二、滞后及逾期任务（1项）');
    const bulletin = bulletinText(bulletinOf(model, { issuer: '', date: asOf, nextSteps: [] }));
    expect(bulletin).toContain('预警红灯1项、黄灯0项');
  });

  it('was lit red 45–52 points behind without a start (what the stranger saw; old parts still read so)', async () => {
    const sim = await imported(planOfReview(review));
    const { model } = await report(sim);
    expect(lightsOf(model).slice(0, 3)).toEqual([
      [1, 'red', false],
      [2, 'red', false],
      [3, 'red', false],
    ]);
    expect(model.tasks.slice(0, 3).map((t) => Math.round(t.health.behind ?? 0))).toEqual([61, 52, 45]);
  });

  it('keeps its start in the workbook; 设置 › 方案 changes or clears it, and no cell moves', async () => {
    const sim = await imported(planOfReview(review, '2027-01-01'));
    const first = await report(sim);
    expect(first.read.reference.plan.plan.start).toBe('2027-01-01');
    const { partId } = first.read.reference.plan;
    const before = sim.snapshot();
    const edits = { title: TITLE, shortName: '稳经济', region: '四平市' };
    const cleared = await sim.runExcel((c) => savePlanNames(c, { ...edits, start: '' }, partId));
    expect(cleared.plan.start).toBeUndefined();
    // Without a start, 上半年 is this year's and long past.
    expect((await report(sim)).model.lights.red).toBe(5);
    const set = await sim.runExcel((c) =>
      savePlanNames(c, { ...edits, start: '2026-12-01' }, cleared.partId),
    );
    expect(set.plan.start).toBe('2026-12-01');
    // Tasks 1–3 not behind yet; 4 overdue, and 上半年 is now 2026's, the start's year: overdue too.
    expect((await report(sim)).model.lights).toMatchObject({ red: 2, yellow: 0, green: 3 });
    // A name edit that does not mention the start keeps it.
    const renamed = await sim.runExcel((c) =>
      savePlanNames(c, { ...edits, title: `${TITLE}（修订）` }, set.partId),
    );
    expect(renamed.plan.start).toBe('2026-12-01');
    await expect(
      sim.runExcel((c) => savePlanNames(c, { ...edits, start: '2027-02-30' }, renamed.partId)),
    ).rejects.toMatchObject({ text: { zh: expect.stringContaining('起始日期不是有效日期') } });
    // The （修订） rename took the ledger's generated title with it; no other cell moved.
    expect(changedCells(before, sim.snapshot())).toEqual(['任务台账!B1']);
  });
});
