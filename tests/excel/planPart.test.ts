// The plan travels in the workbook as a custom XML part: written when a ledger is made from an
// imported annex, read in each action's own request, the built-in plan where there is none.
import {
  createLedger,
  readOptions,
  readReference,
  readWorkbook,
  savePlanNames,
  tablesSeen,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import {
  analyzeLedger,
  builtInPlan,
  dayFromLocalDate,
  importAnnexTable,
  leaderMail,
  planFromAnnex,
  planToXml,
  summaryFileName,
} from '../../src/ledger';
import { ALL_SETS, changedCells, changedPaths, countSyncs, taskCell } from './helpers';

const ANNEX = [
  ['梨川县优化营商环境重点任务分工'],
  ['序号', '工作任务', '责任单位', '完成时限'],
  ['一、提升政务服务效能', '', '', ''],
  ['1', '推行企业开办全程网办。', '县市场监管局、县政数局', '2025年6月底前'],
  ['2', '建设“一窗通办”综合窗口。', '县政数局，各乡镇人民政府', '2025年底前'],
];
const imported = () =>
  planFromAnnex(importAnnexTable(ANNEX, { year: 2025 }), {
    title: '梨川县优化营商环境重点任务',
    shortName: '梨川营商环境',
  });

describe('the plan in the workbook', () => {
  it('is the built-in plan where the workbook has no part, in the one read of the action', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    expect(sim.state.customXmlParts).toEqual([]);
    const { result, syncs } = await countSyncs(sim, () => sim.runExcel((c) => readWorkbook(c)));
    expect(syncs).toBe(1);
    expect(result.reference.plan).toMatchObject({ partId: null, problem: null });
    expect(result.reference.plan.plan.title).toBe(builtInPlan().title);
  });

  it('is written with a ledger made from an imported annex, touching only the new sheets and the part', async () => {
    const sim = new ExcelSim();
    sim.state.sheets[0].name = '我的表';
    await sim.runExcel(async (c) => {
      c.workbook.worksheets.getItem('我的表').getRange('A1').values = [['自己的数据']];
    });
    const before = sim.snapshot();
    const plan = imported();
    const made = await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS, plan }));
    expect(made.taskCount).toBe(2);
    expect(made.reference.plan.plan).toEqual(plan);
    const after = sim.snapshot();
    expect(changedCells(before, after).filter((a) => a.startsWith('我的表!'))).toEqual([]);
    expect(changedPaths(before, after).filter((p) => p.startsWith('customXmlParts'))).toEqual([
      'customXmlParts',
    ]);
    expect(sim.state.customXmlParts).toHaveLength(1);
    expect(sim.values('任务台账')[0][1]).toBe('梨川县优化营商环境重点任务台账');
    expect(sim.values('单位名录').map((r) => r[0])).toEqual(
      expect.arrayContaining(['县市场监管局', '县政数局', '各乡镇人民政府']),
    );
    expect(sim.values('单位名录').map((r) => r[0])).not.toContain('四平市教育局');
    expect([1, 2].map((no) => taskCell(sim, no, '完成时限'))).toEqual(['2025年6月底前', '2025年底前']);
    expect(taskCell(sim, 2, '责任单位')).toBe('县政数局、各乡镇人民政府');

    // A caller that knows the part reads it in one request; one that does not, in two.
    const partId = made.reference.plan.partId;
    const seen = tablesSeen({ tables: made.tables ?? {} });
    const known = await countSyncs(sim, () =>
      sim.runExcel((c) => readWorkbook(c, { planPart: partId, expect: seen })),
    );
    expect(known.syncs).toBe(1);
    expect(known.result.reference.plan.plan).toEqual(plan);
    const unknown = await countSyncs(sim, () => sim.runExcel((c) => readWorkbook(c, { expect: seen })));
    expect(unknown.syncs).toBe(2);
    expect(unknown.result.reference.plan.plan).toEqual(plan);
    expect((await sim.runExcel((c) => readReference(c))).plan.plan).toEqual(plan);
  });

  it('is the plan the read’s consumers take: official wording, units, names of files and mails', async () => {
    const sim = new ExcelSim();
    const plan = imported();
    const made = await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS, plan }));
    const read = await sim.runExcel((c) =>
      readWorkbook(c, {
        planPart: made.reference.plan.partId,
        expect: tablesSeen({ tables: made.tables ?? {} }),
      }),
    );
    const ledger = read.ledger;
    if (!ledger) throw new Error('no ledger read');
    const day = dayFromLocalDate(new Date(2025, 2, 1));
    const options = readOptions(read.reference, day, ledger.location);
    expect(options.directory?.region).toBe('梨川县');
    const { findings, summary, tasks } = analyzeLedger(ledger.ledger, options);
    // The plan's own tasks are the official wording: rows match, no unit is unknown.
    expect(findings.map((f) => f.rule)).not.toContain('units.unknown');
    expect(findings.map((f) => f.rule).filter((c) => /official|changed/u.test(c))).toEqual([]);
    expect(tasks.map((t) => t.lead)).toEqual(['县市场监管局', '县政数局']);
    expect(summary.names).toEqual({
      title: plan.title,
      subject: plan.title,
      fileStem: '梨川营商环境汇总',
      shortName: plan.shortName,
      recipients: '各乡镇人民政府，县直有关部门：',
    });
    expect(summaryFileName(day, undefined, summary.names)).toBe('梨川营商环境汇总_截至20250301.xlsx');
    expect(leaderMail(summary, 'x.xlsx').subject).toBe(
      '梨川县优化营商环境重点任务推进情况（截至2025年3月1日）',
    );
    // A row rewritten away from the plan's wording no longer holds its task, and that is told.
    await sim.runExcel(async (c) => {
      c.workbook.worksheets.getItem('任务台账').getRange('B4').values = [['推行企业开办网办。']];
    });
    const edited = await sim.runExcel((c) => readWorkbook(c, { planPart: made.reference.plan.partId }));
    const again = analyzeLedger(
      edited.ledger!.ledger,
      readOptions(edited.reference, day, edited.ledger!.location),
    );
    expect(again.findings.map((f) => f.rule)).toContain('official.missingTask');
  });

  it('falls back to the built-in plan when the part the caller saw is gone (one more request)', async () => {
    const sim = new ExcelSim();
    const made = await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS, plan: imported() }));
    sim.state.customXmlParts = [];
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => readWorkbook(c, { planPart: made.reference.plan.partId })),
    );
    expect(syncs).toBe(3);
    expect(result.reference.plan).toMatchObject({ partId: null, problem: null });
  });

  it('names a damaged part of ours and uses the built-in plan, never half a plan', async () => {
    const sim = new ExcelSim();
    const whole = planToXml(imported());
    sim.state.customXmlParts.push({ id: '{xml-9}', xml: whole.replace('"tasks":[', '"tasks":[7,') });
    sim.state.customXmlParts.push({ id: '{xml-10}', xml: '<other xmlns="urn:someone-else"/>' });
    const read = await sim.runExcel((c) => readWorkbook(c, { planPart: '{xml-9}' }));
    expect(read.reference.plan).toMatchObject({ partId: '{xml-9}', problem: 'unreadable' });
    expect(read.reference.plan.plan.title).toBe(builtInPlan().title);
  });

  it('saves names edited in 设置 into the workbook, the built-in plan becoming its own part', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const before = sim.snapshot();
    const edits = { title: '梨川测试方案', shortName: '测试', region: '梨川县' };
    const { result, syncs } = await countSyncs(sim, () => sim.runExcel((c) => savePlanNames(c, edits, null)));
    // A third sync reads the ledger's title cell, which the renamed title rewrites (planTitleCell.test.ts).
    expect(syncs).toBe(3);
    expect(changedCells(before, sim.snapshot())).toEqual(['任务台账!B1']);
    expect(changedPaths(before, sim.snapshot()).filter((p) => !p.startsWith('sheets.'))).toEqual([
      'customXmlParts',
    ]);
    expect(result.plan).toMatchObject(edits);
    expect(result.plan.tasks).toHaveLength(builtInPlan().tasks.length);
    const read = await sim.runExcel((c) => readWorkbook(c, { planPart: result.partId }));
    expect(read.reference.plan.plan).toEqual(result.plan);
    expect(read.reference.directory.region).toBe('梨川县');
    // Saved again: the part replaced by one new part (setXml may change a part's id: #3564).
    const again = await sim.runExcel((c) =>
      savePlanNames(c, { ...edits, shortName: '测试二' }, result.partId),
    );
    expect(again.partId).not.toBe(result.partId);
    expect(sim.state.customXmlParts.map((p) => p.id)).toEqual([again.partId]);
    // A pane that still holds the old id saves again: the part is found by namespace, one request more.
    const third = await sim.runExcel((c) =>
      savePlanNames(c, { ...edits, shortName: '测试三' }, result.partId),
    );
    expect(third.plan.shortName).toBe('测试三');
    expect(sim.state.customXmlParts.map((p) => p.id)).toEqual([third.partId]);
  });

  it('refuses an empty title, and leaves a damaged part as it is', async () => {
    const sim = new ExcelSim();
    await expect(
      sim.runExcel((c) => savePlanNames(c, { title: ' ', shortName: 'x', region: '' }, null)),
    ).rejects.toMatchObject({ text: { zh: '方案名称不能为空，未做更改。' } });
    expect(sim.state.customXmlParts).toEqual([]);
    const damaged = planToXml(imported()).replace('"tasks":[', '"tasks":[7,');
    sim.state.customXmlParts.push({ id: '{xml-9}', xml: damaged });
    await expect(
      sim.runExcel((c) => savePlanNames(c, { title: 'a', shortName: 'b', region: '' }, null)),
    ).rejects.toMatchObject({ text: { zh: expect.stringContaining('无法读取，未做更改') } });
    expect(sim.state.customXmlParts).toEqual([{ id: '{xml-9}', xml: damaged }]);
  });
});
