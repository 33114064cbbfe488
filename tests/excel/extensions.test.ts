// Issue 26, items 5–7: the 延期 and 办结依据 columns. A ledger adopted before them gets them on
// request, at the table's end, with nothing else moved; a whole-workbook cell diff allows only
// the new header cells and the new columns' cells.
import {
  addExtensionColumns,
  setOfficialColumnsProtected,
  adoptActiveSheet,
  applyReturns,
  createLedger,
  ensureLedgerId,
  readLedger,
  readReference,
  saveRequireEvidence,
  type LedgerRead,
} from '../../src/excel';
import { conditionalLook, ExcelSim } from '../../src/excel-sim';
import { readReturnForm, writeReturnForm } from '../../src/files';
import {
  changesToApply,
  checkReturn,
  describeFormProblem,
  describeReviewNotice,
  ledgerTasks,
  OFFICIAL_TASKS,
  OVERDUE,
  returnFormSpec,
  serialFromDay,
  reviewReturns,
  summarize,
  tasksForUnit,
  validateLedger,
  type FormValues,
} from '../../src/ledger';
import { ALL_SETS, changedCells, countSyncs, taskCell, UP_TO_1_7 } from './helpers';
import { AS_OF_DATE, asOf } from '../asOf';

/** A user's own sheet with a note column, adopted as the ledger (adoption does not add the new columns). */
async function adopted(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.run(async (c) => {
    const s = c.workbook.worksheets.getItem('Sheet1');
    s.getRange('A1:E4').values = [
      ['序号', '工作任务', '责任单位', '状态', '备注'],
      [1, OFFICIAL_TASKS[0].task, OFFICIAL_TASKS[0].units, '序时推进', '自有备注'],
      [2, OFFICIAL_TASKS[1].task, OFFICIAL_TASKS[1].units, '已完成', ''],
      [3, OFFICIAL_TASKS[2].task, OFFICIAL_TASKS[2].units, '滞后', '=1+1'],
    ];
    await c.sync();
  });
  await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS }));
  return sim;
}

async function read(sim: ExcelSim) {
  const result = await sim.runExcel((c) => readLedger(c));
  if (!result) throw new Error('no ledger');
  return result;
}

describe('添加列: the 延期 and 办结依据 columns on an adopted ledger', () => {
  it('is offered by 校验 as one finding with its action, and adoption itself does not add them', async () => {
    const sim = await adopted();
    const { ledger } = await read(sim);
    expect(ledger.header.columns.extendTo).toBeUndefined();
    const finding = validateLedger(ledger, { asOf }).find((f) => f.rule === 'columns.extension');
    expect(finding).toMatchObject({ action: 'addColumns', severity: 'info', row: null });
    expect(finding?.message.zh).toContain('“申请延期至”“延期理由”“延期批准”“办结依据”');
    // Without the column, a completed task is not asked for evidence it has nowhere to put.
    expect(validateLedger(ledger, { asOf }).some((f) => f.rule === 'evidence.missing')).toBe(false);
  });

  it('appends the four columns at the end in two syncs, changing only their cells', async () => {
    const sim = await adopted();
    const { location } = await read(sim);
    // Adoption added 进度(%) … 联系人 after 备注: the table is A–L, and the new columns are M–P.
    expect(location.columnCount).toBe(12);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => addExtensionColumns(c, location, ALL_SETS)),
    );
    expect(syncs).toBe(2);
    expect(result).toEqual({ added: ['申请延期至', '延期理由', '延期批准', '办结依据'], dropdown: true });
    const letters = ['M', 'N', 'O', 'P'];
    const allowed = letters.flatMap((l) => [1, 2, 3, 4].map((r) => `Sheet1!${l}${r}`)).sort();
    expect(changedCells(before, sim.snapshot())).toEqual(allowed);
    const values = sim.values('Sheet1');
    expect(values[0].slice(0, 5)).toEqual(['序号', '工作任务', '责任单位', '状态', '备注']);
    expect(values[0].slice(12, 16)).toEqual(['申请延期至', '延期理由', '延期批准', '办结依据']);
    expect(values[1][4]).toBe('自有备注');
    expect(sim.dropdown('Sheet1', 1, 14)).toEqual(['是', '否']);
    expect(sim.userEdit('Sheet1', 'O2', [['也许']]).ok).toBe(false);
    expect(sim.userEdit('Sheet1', 'O2', [['是']]).ok).toBe(true);
    // A user's "=…" in 延期理由 stays text.
    expect(sim.userEdit('Sheet1', 'N3', [['=SUM(A:A)']]).ok).toBe(true);
    expect(sim.values('Sheet1')[2][13]).toBe('=SUM(A:A)');

    const after = await read(sim);
    expect(after.ledger.header.columns).toMatchObject({
      extendTo: 12,
      extendReason: 13,
      extendApproved: 14,
      evidence: 15,
    });
    const rules = validateLedger(after.ledger, { asOf }).map((f) => [f.rule, f.taskNo]);
    expect(rules).not.toContainEqual(['columns.extension', null]);
    expect(rules).toContainEqual(['evidence.missing', 2]);
    // Asked again, nothing is missing and nothing is written.
    const again = sim.snapshot();
    expect(await sim.runExcel((c) => addExtensionColumns(c, after.location, ALL_SETS))).toEqual({
      added: [],
      dropdown: false,
    });
    expect(changedCells(again, sim.snapshot())).toEqual([]);
  });

  it('refuses, naming the occupied cells (not the block), when something sits right of the table, and changes nothing', async () => {
    const sim = await adopted();
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('N3').values = [['旁注']];
      await c.sync();
    });
    const { location } = await read(sim);
    const before = sim.snapshot();
    const refusal = (await sim
      .runExcel((c) => addExtensionColumns(c, location, ALL_SETS))
      .catch((e) => e)) as {
      text: { zh: string; en: string };
    };
    expect(refusal.text.zh).toBe(
      '台账表格右侧的N3有内容，添加列会把它们挤开，未做任何更改。请先移走这些内容，再点“添加列”。',
    );
    expect(changedCells(before, sim.snapshot())).toEqual([]);
    // Five cells in the way: the first three, row by row, then how many in all.
    await sim.run(async (c) => {
      const s = c.workbook.worksheets.getItem('Sheet1');
      s.getRange('P1').values = [['注']];
      s.getRange('M2').values = [['注']];
      s.getRange('O4:P4').values = [['注', '注']];
      await c.sync();
    });
    const more = sim.snapshot();
    const five = (await sim.runExcel((c) => addExtensionColumns(c, location, ALL_SETS)).catch((e) => e)) as {
      text: { zh: string; en: string };
    };
    expect(five.text.zh).toContain('右侧的P1、M2、N3等5个单元格有内容');
    expect(five.text.en).toContain('P1, M2, N3 and others (5 cells)');
    expect(changedCells(more, sim.snapshot())).toEqual([]);
  });

  it('adds the columns without a dropdown below ExcelApi 1.8, and says so', async () => {
    const sim = await adopted();
    const { location } = await read(sim);
    const result = await sim.runExcel((c) => addExtensionColumns(c, location, UP_TO_1_7));
    expect(result).toEqual({ added: ['申请延期至', '延期理由', '延期批准', '办结依据'], dropdown: false });
    expect(sim.dropdown('Sheet1', 1, 14)).toBeNull();
  });

  // Review against the docs: cells a table column adds are locked, so under the add-in's own
  // protection the units' new fields could not be typed in. They are unlocked like the others.
  it('on a ledger the add-in protected: protected again after, the new cells editable, the official ones not', async () => {
    const sim = await adopted();
    const { location, ledger } = await read(sim);
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, true));
    expect(sim.userEdit('Sheet1', 'B2', [['改动']]).ok).toBe(false);
    await sim.runExcel((c) => addExtensionColumns(c, location, ALL_SETS));
    expect(sim.sheet('Sheet1').protection.protected).toBe(true);
    const header = sim.values('Sheet1')[0];
    const cell = (name: string) => `${String.fromCharCode(65 + header.indexOf(name))}2`;
    expect(header.indexOf('办结依据')).toBeGreaterThan(4);
    expect(sim.userEdit('Sheet1', cell('申请延期至'), [[46387]]).ok).toBe(true);
    expect(sim.userEdit('Sheet1', cell('办结依据'), [['四政办发〔2026〕3号']]).ok).toBe(true);
    expect(sim.userEdit('Sheet1', 'B2', [['改动']]).ok).toBe(false);
  });

  // A batch is not a transaction: a command failing after the add-in lifted its protection
  // leaves the sheet unprotected unless it is set again (review against the docs).
  it('sets its protection again when adding the columns fails part-way', async () => {
    const sim = await adopted();
    const { location, ledger } = await read(sim);
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, true));
    sim.refuseNext('TableColumnCollection.add', 'GeneralException');
    await expect(sim.runExcel((c) => addExtensionColumns(c, location, ALL_SETS))).rejects.toBeTruthy();
    expect(sim.sheet('Sheet1').protection.protected).toBe(true);
    expect(sim.userEdit('Sheet1', 'B2', [['改动']]).ok).toBe(false);
  });
});

describe('延期 and 办结依据 through a return', () => {
  it('proposes a lead unit’s extension and evidence like any field, and applying them changes only those cells and the log', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const ledgerId = await sim.runExcel((c) => ensureLedgerId(c));
    const reference = await sim.runExcel((c) => readReference(c));
    const read = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const model = summarize(read.ledger, {
      asOf,
      statuses: reference.statuses,
      directory: reference.directory,
    });
    const options = {
      ledgerId,
      statuses: reference.statuses,
      directory: reference.directory,
      ledger: read.ledger,
    };
    const fill = async (unit: string, edit: (rows: FormValues[], partner: number) => void) => {
      const spec = returnFormSpec(model, unit, options);
      const partner = spec.meta.rows.find((r) => r.role === 'partner')?.no ?? -1;
      expect(spec.meta.rows[0].values).toMatchObject({
        extendTo: '',
        extendReason: '',
        extendApproved: '',
        evidence: '',
      });
      const rows = spec.rows.map((r) => ({ ...r }));
      edit(rows, partner);
      return readReturnForm(spec.fileName, await writeReturnForm({ ...spec, rows }, AS_OF_DATE));
    };
    const set = (rows: FormValues[], no: number, values: Partial<FormValues>) => {
      const at = rows.findIndex((r) => r.no === no);
      rows[at] = { ...rows[at], ...values };
    };
    // 双辽 leads task 19 and asks for more time, writing 同意 into 延期批准 (the office's to decide:
    // named with its reading, not taken), and 是 into that of a task it is only a partner of;
    // 市总工会 closes task 24 with its evidence and writes 待定 there.
    const shuangliao = await fill('双辽市人民政府', (rows, partner) => {
      expect(partner).toBeGreaterThan(0);
      set(rows, 19, { extendTo: '2027年3月底', extendReason: '=用地审批未完成', extendApproved: '同意' });
      set(rows, partner, { extendApproved: '是' });
    });
    const union = await fill('市总工会', (rows) =>
      set(rows, 24, {
        status: '已完成',
        progress: 100,
        evidence: '四工发〔2026〕8号',
        extendApproved: '待定',
      }),
    );
    const context = {
      ledgerId,
      statuses: reference.statuses,
      knowsUnit: (unit: string) =>
        tasksForUnit(
          read.ledger.rows.map((r) => ({ no: r[0], units: r[2] })),
          unit,
        ).length > 0,
    };
    const checked = [shuangliao, union].map((f) => checkReturn(f, context));
    expect(checked.flatMap((c) => c.problems).map(describeFormProblem)).toEqual([]);
    const review = reviewReturns({
      ledger: read.ledger,
      tasks: summarize(read.ledger, { asOf }).tasks,
      returns: checked,
      directory: reference.directory,
    });
    expect(review.changes.map((c) => [c.no, c.header, c.to, c.accepted])).toEqual([
      [19, '申请延期至', '2027-03-31', true],
      [19, '延期理由', '=用地审批未完成', true],
      [24, '状态', '已完成', true],
      [24, '进度(%)', 100, true],
      [24, '办结依据', '四工发〔2026〕8号', true],
    ]);
    // Every field the unit filled is proposed or named: each 延期批准, with how it reads.
    const named = (no: number) =>
      review.notices.filter((n) => n.no === no).map((n) => describeReviewNotice(n).zh);
    const partner = review.notices.find((n) => n.unit === '双辽市人民政府' && n.no !== 19)?.no ?? -1;
    expect(review.notices).toHaveLength(3);
    expect(named(19)).toEqual([
      '第19项：延期批准由督办单位决定，双辽市人民政府填写的延期批准“同意”（按“是”理解）未导入；如已批准，请在台账中填写。',
    ]);
    expect(named(partner)).toEqual([expect.stringContaining('填写的延期批准“是”（按“是”理解）未导入')]);
    expect(named(24)).toEqual([
      expect.stringContaining('市总工会填写的延期批准“待定”（无法读作“是”或“否”）未导入'),
    ]);

    const before = sim.snapshot();
    const { syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) =>
        applyReturns(
          c,
          read,
          changesToApply(review.changes).ok,
          {
            time: '2026-11-28 09:00',
            batch: '2026-11-28 09:00 导入',
          },
          ALL_SETS,
        ),
      ),
    );
    expect(syncs).toBe(2);
    const changed = changedCells(before, sim.snapshot());
    // Task 19 is sheet row 22, task 24 row 27; 申请延期至 is M, 延期理由 N, 办结依据 P.
    expect(changed.filter((a) => a.startsWith('任务台账!'))).toEqual([
      '任务台账!D27',
      '任务台账!E27',
      '任务台账!M22',
      '任务台账!N22',
      '任务台账!P27',
    ]);
    expect(changed.every((a) => a.startsWith('任务台账!') || a.startsWith('变更记录!'))).toBe(true);
    expect(taskCell(sim, 19, '延期理由')).toBe('=用地审批未完成');

    // The request is pending until the office approves it in the ledger; the deadline then moves.
    const after = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const task19 = () => ledgerTasks(after.ledger, { asOf }).find((t) => t.no === 19);
    expect(task19()?.extension).toMatchObject({ approval: 'pending', reason: '=用地审批未完成' });
    expect(
      validateLedger(after.ledger, { asOf })
        .filter((f) => f.taskNo === 24)
        .map((f) => f.rule),
    ).not.toContain('evidence.missing');
  }, 30_000);
});

describe('the 办结依据 switch in 设置', () => {
  it('is kept in the workbook, read with the reference data, and turns the warning off and on', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    sim.userEdit('任务台账', 'D5', [['已完成']]);
    const warned = async () => {
      const reference = await sim.runExcel((c) => readReference(c));
      const { ledger } = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
      return validateLedger(ledger, { asOf, requireEvidence: reference.requireEvidence })
        .filter((f) => f.rule === 'evidence.missing')
        .map((f) => f.taskNo);
    };
    expect(await warned()).toEqual([2]);
    const before = sim.snapshot();
    const { syncs } = await countSyncs(sim, () => sim.runExcel((c) => saveRequireEvidence(c, false)));
    expect(syncs).toBe(1);
    // A setting, not a cell: no sheet changes.
    expect(changedCells(before, sim.snapshot())).toEqual([]);
    expect(await warned()).toEqual([]);
    await sim.runExcel((c) => saveRequireEvidence(c, true));
    expect(await warned()).toEqual([2]);
  });
});

describe('the 完成时限 cell’s overdue colour', () => {
  it('leaves a deadline whose approved extension is not yet past uncoloured, as the light does', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    // Task 1 (row 4) and task 2 (row 5) are past 完成时限; only task 1's extension is approved.
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('任务台账');
      sheet.getRange('F4:F5').values = [[serialFromDay(asOf - 30)], [serialFromDay(asOf - 30)]];
      sheet.getRange('M4:M5').values = [[serialFromDay(asOf + 90)], [serialFromDay(asOf + 90)]];
      sheet.getRange('O4').values = [['是']];
      await c.sync();
    });
    const fill = (row: number) => conditionalLook(sim.sheet('任务台账'), row, 5, serialFromDay(asOf)).fill;
    expect(fill(3)).toBeUndefined();
    expect(fill(4)).toBe(OVERDUE.fill);
  });
});
