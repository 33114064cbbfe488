// The return round trip on excel-sim: forms out of the ledger, filled as units would, read back,
// checked, reviewed, applied in one batch with a change log, and undone; a whole-workbook
// snapshot diff shows nothing else changed.
import {
  applyReturns,
  createLedger,
  newImportBatch,
  ensureLedgerId,
  readLedger,
  readReference,
  undoLastImport,
  type LedgerRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { readReturnForm, writeReturnForm } from '../../src/files';
import {
  changesToApply,
  checkReturn,
  describeReviewNotice,
  makeLedger,
  returnFormSpec,
  reviewReturns,
  summarize,
  tasksForUnit,
  type FormValues,
  type ReturnFormSpec,
} from '../../src/ledger';
import { AS_OF_DATE, asOf } from '../asOf';
import { ALL_SETS, changedCells, countSyncs, taskCell } from './helpers';

const BATCH = { time: '2026-11-28 09:00', batch: '2026-11-28 09:00 导入' };

async function setUp() {
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
  const form = (unit: string) =>
    returnFormSpec(model, unit, {
      ledgerId,
      statuses: reference.statuses,
      directory: reference.directory,
      ledger: read.ledger,
    });
  return { sim, ledgerId, reference, read, model, form };
}

/** A form as a unit fills it: some rows changed, then through the file and back. */
async function returned(spec: ReturnFormSpec, fill: (rows: FormValues[]) => void) {
  const rows = spec.rows.map((r) => ({ ...r }));
  fill(rows);
  const bytes = await writeReturnForm({ ...spec, rows }, AS_OF_DATE);
  return readReturnForm(spec.fileName, bytes);
}

function set(rows: FormValues[], no: number, values: Partial<FormValues>) {
  const at = rows.findIndex((r) => r.no === no);
  rows[at] = { ...rows[at], ...values };
}

describe('returns: forms in, review, apply, undo', () => {
  it('writes exactly the reviewed cells and logs them; undo puts them back and leaves a later edit alone', async () => {
    const { sim, ledgerId, reference, read, form } = await setUp();
    const union = await returned(form('市总工会'), (rows) =>
      set(rows, 24, { status: '已完成', progress: 100, progressNote: '职工技能大赛已举办', contact: '李四' }),
    );
    const shuangliao = await returned(form('双辽市人民政府'), (rows) =>
      set(rows, 19, { status: '序时推进', progressNote: '已完成方案论证', problems: '=资金缺口' }),
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
    const checked = [union, shuangliao].map((f) => checkReturn(f, context));
    expect(checked.flatMap((c) => c.problems)).toEqual([]);
    const tasks = summarize(read.ledger, { asOf }).tasks;
    const { changes: review, notices } = reviewReturns({
      ledger: read.ledger,
      tasks,
      returns: checked,
      directory: reference.directory,
    });
    // The ledger has a 联系电话 column, so nothing needs saying about the contact.
    expect(notices).toEqual([]);
    expect(review.map((c) => [c.no, c.header, c.to, c.kind, c.accepted])).toEqual([
      [19, '状态', '序时推进', 'lead', true],
      [19, '进展情况', '已完成方案论证', 'lead', true],
      [19, '存在问题', '=资金缺口', 'lead', true],
      [24, '状态', '已完成', 'lead', true],
      [24, '进度(%)', 100, 'lead', true],
      [24, '进展情况', '职工技能大赛已举办', 'lead', true],
      [24, '联系人', '李四', 'lead', true],
    ]);
    const { ok } = changesToApply(review);
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => applyReturns(c, read, ok, BATCH, ALL_SETS)),
    );
    expect(syncs).toBe(2);
    expect(result.applied).toBe(7);
    expect(taskCell(sim, 24, '状态')).toBe('已完成');
    expect(taskCell(sim, 24, '进度(%)')).toBe(100);
    // Text stays text: a leading = is not a formula.
    expect(taskCell(sim, 19, '存在问题')).toBe('=资金缺口');
    expect(sim.sheet('任务台账').cells.get('21,7')?.formula ?? null).toBeNull();
    const ledgerCells = changedCells(before, sim.snapshot()).filter((a) => a.startsWith('任务台账!'));
    expect(ledgerCells).toEqual([
      '任务台账!D22',
      '任务台账!D27',
      '任务台账!E27',
      '任务台账!G22',
      '任务台账!G27',
      '任务台账!H22',
      '任务台账!K27',
    ]);
    const logValues = sim.values('变更记录');
    expect(logValues[0]).toEqual(['时间', '文件', '单位', '序号', '列', '原值', '新值', '批次']);
    expect(logValues.slice(1)).toHaveLength(7);
    expect(logValues[1]).toEqual([
      BATCH.time,
      shuangliao.fileName,
      '双辽市人民政府',
      19,
      '状态',
      '未启动',
      '序时推进',
      BATCH.batch,
    ]);
    expect(
      changedCells(before, sim.snapshot()).filter(
        (a) => !a.startsWith('任务台账!') && !a.startsWith('变更记录!'),
      ),
    ).toEqual([]);

    // A co-worker edits one imported cell afterwards; undo leaves it and restores the rest.
    sim.userEdit('任务台账', 'G27', [['大赛延期']]);
    const now = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const { result: undone, syncs: undoSyncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => undoLastImport(c, now, '2026-11-28 10:00', ALL_SETS)),
    );
    expect(undoSyncs).toBe(2);
    expect(undone.restored).toBe(6);
    expect(undone.leftAlone).toEqual([{ cell: '任务台账!G27', reason: 'changed' }]);
    expect(undone.files).toEqual([union.fileName, shuangliao.fileName].sort());
    // The undo names each cell it wrote, with what it wrote: the pane proves its echoes by them.
    expect(undone.written.map((w) => [w.address, w.values])).toEqual([
      ['D22', [['未启动']]],
      ['G22', [['']]],
      ['H22', [['']]],
      ['D27', [['未启动']]],
      ['E27', [['']]],
      ['K27', [['']]],
    ]);
    expect(taskCell(sim, 24, '状态')).toBe('未启动');
    expect(taskCell(sim, 24, '进度(%)')).toBe('');
    expect(taskCell(sim, 24, '进展情况')).toBe('大赛延期');
    expect(taskCell(sim, 19, '存在问题')).toBe('');
    expect(
      sim
        .values('变更记录')
        .slice(8)
        .map((r) => r[7]),
    ).toEqual(Array(6).fill(`${BATCH.batch}·撤销`));
    // The same import is not undone twice.
    const again = await sim
      .runExcel((c) => undoLastImport(c, now, 'later', ALL_SETS))
      .catch((e: { code?: string }) => e.code);
    expect(again).toBe('NothingToUndo');
  });

  it('appends to the change log there is, in two syncs, keeping text that starts with = as text', async () => {
    const { sim, ledgerId, reference, read } = await setUp();
    const context = { ledgerId, statuses: reference.statuses, knowsUnit: () => true };
    // Each round's form is issued from the ledger as it is then, as the office does every month.
    const importOnce = async (unit: string, no: number, problems: string, ledgerRead: LedgerRead) => {
      const issued = returnFormSpec(summarize(ledgerRead.ledger, { asOf }), unit, {
        ledgerId,
        statuses: reference.statuses,
        directory: reference.directory,
        ledger: ledgerRead.ledger,
      });
      const filled = await returned(issued, (rows) => set(rows, no, { problems }));
      const { changes: review } = reviewReturns({
        ledger: ledgerRead.ledger,
        tasks: summarize(ledgerRead.ledger, { asOf }).tasks,
        returns: [checkReturn(filled, context)],
        directory: reference.directory,
      });
      return countSyncs(sim, () =>
        sim.runExcel((c) =>
          applyReturns(c, ledgerRead, changesToApply(review).ok, { ...BATCH, batch: problems }, ALL_SETS),
        ),
      );
    };
    const first = await importOnce('市总工会', 24, '场地不足', read);
    expect(first.syncs).toBe(2);
    const again = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const second = await importOnce('市总工会', 24, '=场地不足+资金', again);
    expect(second.syncs).toBe(2);
    const log = sim.values('变更记录');
    expect(log.map((r) => [r[5], r[6], r[7]]).slice(1)).toEqual([
      ['', '场地不足', '场地不足'],
      ['场地不足', '=场地不足+资金', '=场地不足+资金'],
    ]);
    expect(sim.sheet('变更记录').cells.get('2,6')?.formula ?? null).toBeNull();
    expect(taskCell(sim, 24, '存在问题')).toBe('=场地不足+资金');
  });

  it('refuses the whole import, changing nothing, when a target cell moved on since the review', async () => {
    const { sim, ledgerId, reference, read, form } = await setUp();
    const union = await returned(form('市总工会'), (rows) => set(rows, 24, { status: '已完成' }));
    const checked = checkReturn(union, { ledgerId, statuses: reference.statuses, knowsUnit: () => true });
    const { changes: review } = reviewReturns({
      ledger: read.ledger,
      tasks: summarize(read.ledger, { asOf }).tasks,
      returns: [checked],
    });
    sim.userEdit('任务台账', 'D27', [['滞后']]);
    const before = sim.snapshot();
    const error = await sim
      .runExcel((c) => applyReturns(c, read, changesToApply(review).ok, BATCH, ALL_SETS))
      .catch((e) => e);
    expect(error.code).toBe('StaleImport');
    expect(error.text.zh).toContain('D27');
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });

  it('puts back a co-author’s edit that lands between the check and the write, and logs nothing', async () => {
    const { sim, ledgerId, reference, read, form } = await setUp();
    const review = async () => {
      const union = await returned(form('市总工会'), (rows) => set(rows, 24, { status: '已完成' }));
      const checked = checkReturn(union, { ledgerId, statuses: reference.statuses, knowsUnit: () => true });
      return reviewReturns({
        ledger: read.ledger,
        tasks: summarize(read.ledger, { asOf }).tasks,
        returns: [checked],
      }).changes;
    };
    /** The import, with the co-author's edit arriving just before its second request. */
    const applyWithEditBetween = async (changes: ReturnType<typeof changesToApply>['ok']) =>
      sim.runExcel((context) => {
        const sync = context.sync.bind(context);
        let syncs = 0;
        context.sync = async () => {
          if (++syncs === 2) sim.remoteEdit('任务台账', 'D27', [['滞后']]);
          return sync();
        };
        return applyReturns(context, read, changes, BATCH, ALL_SETS);
      });
    // Once with no log yet (the log sheet made in the same request goes again), once with a log.
    for (const round of [1, 2]) {
      const reset = () =>
        sim.run(async (c) => {
          c.workbook.worksheets.getItem('任务台账').getRange('D27').values = [['未启动']];
          await c.sync();
        });
      await reset();
      // The second time, the log is there already: an earlier import made it.
      if (round === 2) {
        await sim.runExcel(async (c) =>
          applyReturns(c, read, changesToApply(await review()).ok, BATCH, ALL_SETS),
        );
        await reset();
      }
      const before = sim.snapshot();
      const error = await applyWithEditBetween(changesToApply(await review()).ok).catch((e) => e);
      expect(error.code).toBe('StaleImport');
      expect(error.text.zh).toContain('D27');
      expect(taskCell(sim, 24, '状态')).toBe('滞后');
      expect([round, ...changedCells(before, sim.snapshot())]).toEqual([round, '任务台账!D27']);
    }
  });

  it('holds for a choice when two leads disagree, a unit sent two files, or the ledger moved on since issue', async () => {
    const { read, reference, ledgerId, form, sim } = await setUp();
    // Task 2 belongs to 各县（市）人民政府: each county leads it.
    const lishu = await returned(form('梨树县人民政府'), (rows) => set(rows, 2, { status: '已完成' }));
    const yitong = await returned(form('伊通满族自治县人民政府'), (rows) => set(rows, 2, { status: '滞后' }));
    const union1 = await returned(form('市总工会'), (rows) => set(rows, 24, { progress: 50 }));
    const union2 = await returned({ ...form('市总工会'), fileName: '市总工会_第二份.xlsx' }, (rows) =>
      set(rows, 24, { progress: 60 }),
    );
    sim.userEdit('任务台账', 'D27', [['滞后']]);
    const later = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const union3 = await returned(form('市总工会'), (rows) => set(rows, 24, { status: '已完成' }));
    const ctx = { ledgerId, statuses: reference.statuses, knowsUnit: () => true };
    const { changes: review } = reviewReturns({
      ledger: later.ledger,
      tasks: summarize(later.ledger, { asOf }).tasks,
      returns: [lishu, yitong].map((f) => checkReturn(f, ctx)),
      directory: reference.directory,
    });
    expect(review.map((c) => [c.unit, c.to, c.conflict, c.accepted])).toEqual([
      ['梨树县人民政府', '已完成', 'two-returns', false],
      ['伊通满族自治县人民政府', '滞后', 'two-returns', false],
    ]);
    const { changes: twice } = reviewReturns({
      ledger: later.ledger,
      tasks: summarize(later.ledger, { asOf }).tasks,
      returns: [union1, union2].map((f) => checkReturn(f, ctx)),
    });
    expect(twice.map((c) => c.conflict)).toEqual(['same-unit-twice', 'same-unit-twice']);
    const { changes: moved } = reviewReturns({
      ledger: later.ledger,
      tasks: summarize(later.ledger, { asOf }).tasks,
      returns: [checkReturn(union3, ctx)],
    });
    expect(moved.map((c) => [c.from, c.to, c.conflict, c.accepted])).toEqual([
      ['滞后', '已完成', 'changed-since-issue', false],
    ]);
    // Ticking both sides of a conflict is refused rather than one silently winning.
    expect(changesToApply(review.map((c) => ({ ...c, accepted: true }))).clashes).toEqual(['第2项（状态）']);
    expect(read.ledger.rows.length).toBe(40);
  });

  it('offers a partner’s words as 【单位】 lines, not accepted until chosen', async () => {
    const { read, reference, ledgerId, form } = await setUp();
    const partner = await returned(form('市财政局'), (rows) => set(rows, 1, { progressNote: '资金已拨付' }));
    const { changes: review } = reviewReturns({
      ledger: read.ledger,
      tasks: summarize(read.ledger, { asOf }).tasks,
      returns: [checkReturn(partner, { ledgerId, statuses: reference.statuses, knowsUnit: () => true })],
      directory: reference.directory,
    });
    expect(review.map((c) => [c.no, c.header, c.to, c.kind, c.accepted])).toEqual([
      [1, '进展情况', '【市财政局】资金已拨付', 'note', false],
    ]);
  });

  it('gives each apply its own batch: undo reverts exactly the last, names its file, then the one before', async () => {
    const { sim, ledgerId, reference, read, form } = await setUp();
    const ctx = { ledgerId, statuses: reference.statuses, knowsUnit: () => true };
    const apply = async (unit: string, no: number, values: Partial<FormValues>, ledgerRead: LedgerRead) => {
      const filled = await returned(
        returnFormSpec(summarize(ledgerRead.ledger, { asOf }), unit, {
          ledgerId,
          statuses: reference.statuses,
          directory: reference.directory,
          ledger: ledgerRead.ledger,
        }),
        (rows) => set(rows, no, values),
      );
      const { changes } = reviewReturns({
        ledger: ledgerRead.ledger,
        tasks: summarize(ledgerRead.ledger, { asOf }).tasks,
        returns: [checkReturn(filled, ctx)],
        directory: reference.directory,
      });
      // Both in the same minute, as two files applied one after the other are.
      return sim.runExcel((c) =>
        applyReturns(c, ledgerRead, changesToApply(changes).ok, newImportBatch('2026-12-02 16:57'), ALL_SETS),
      );
    };
    expect(form('市总工会').rows).toHaveLength(1);
    await apply('市总工会', 24, { status: '已完成', progress: 100 }, read);
    const after = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    await apply('市委组织部', 39, { problems: '编制紧张', progressNote: '已对接' }, after);
    const log = sim.values('变更记录').slice(1);
    expect(new Set(log.map((r) => r[7])).size).toBe(2);
    expect(log.every((r) => /^导入-[0-9a-f]{8}$/.test(String(r[7])))).toBe(true);

    const now = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const first = await sim.runExcel((c) => undoLastImport(c, now, '2026-12-02 17:00', ALL_SETS));
    expect([first.restored, first.files]).toEqual([2, ['市委组织部_四平市职教重点任务反馈表_20261128.xlsx']]);
    expect(taskCell(sim, 39, '存在问题')).toBe('');
    expect(taskCell(sim, 24, '状态')).toBe('已完成');
    const second = await sim.runExcel((c) => undoLastImport(c, now, '2026-12-02 17:01', ALL_SETS));
    expect([second.restored, second.files]).toEqual([2, ['市总工会_四平市职教重点任务反馈表_20261128.xlsx']]);
    expect(taskCell(sim, 24, '状态')).toBe('未启动');
  });

  it('says a row was deleted, not modified, when undo cannot find the task an import wrote', async () => {
    const { sim, ledgerId, reference, read, form } = await setUp();
    const union = await returned(form('市总工会'), (rows) => set(rows, 24, { status: '已完成' }));
    const { changes } = reviewReturns({
      ledger: read.ledger,
      tasks: summarize(read.ledger, { asOf }).tasks,
      returns: [checkReturn(union, { ledgerId, statuses: reference.statuses, knowsUnit: () => true })],
      directory: reference.directory,
    });
    await sim.runExcel((c) => applyReturns(c, read, changesToApply(changes).ok, BATCH, ALL_SETS));
    await sim.run(async (c) => {
      c.workbook.tables.getItem('TaskLedger').rows.getItemAt(23).delete();
      await c.sync();
    });
    const now = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const before = sim.snapshot();
    const undone = await sim.runExcel((c) => undoLastImport(c, now, 'later', ALL_SETS));
    expect(undone.leftAlone).toEqual([{ cell: '第24项（状态）', reason: 'row-gone' }]);
    expect(changedCells(before, sim.snapshot()).filter((a) => !a.startsWith('变更记录!'))).toEqual([]);
  });

  it('puts a returned 联系电话 in its own column, or with the 联系人 where the ledger has none, and says so', async () => {
    const { read, reference, ledgerId, form } = await setUp();
    const ctx = { ledgerId, statuses: reference.statuses, knowsUnit: () => true };
    const union = await returned(form('市总工会'), (rows) =>
      set(rows, 24, { contact: '李四', phone: '0434-3270000' }),
    );
    const tasks = summarize(read.ledger, { asOf }).tasks;
    const own = reviewReturns({ ledger: read.ledger, tasks, returns: [checkReturn(union, ctx)] });
    expect(own.changes.map((c) => [c.header, c.to])).toEqual([
      ['联系人', '李四'],
      ['联系电话', '0434-3270000'],
    ]);
    // A ledger adopted without the column: one cell, and a sentence that says why.
    const phone = read.ledger.header.columns.phone as number;
    const without = makeLedger({
      header: read.ledger.headerRow.filter((_, i) => i !== phone),
      rows: read.ledger.rows.map((r) => r.filter((_, i) => i !== phone)),
    });
    const joined = reviewReturns({ ledger: without, tasks, returns: [checkReturn(union, ctx)] });
    expect(joined.changes.map((c) => [c.header, c.to, c.sources])).toEqual([
      ['联系人', '李四 0434-3270000', ['contact', 'phone']],
    ]);
    expect(joined.notices.map(describeReviewNotice).map((s) => s.zh)).toEqual([
      '第24项：台账没有“联系电话”列，联系电话与联系人写在“联系人”同一格。',
    ]);
  });
});
