// Issue 23, item 11: whose protection a sheet carries is marked on the sheet itself (a name scoped
// to it), so a co-author rewriting the workbook settings from an earlier read cannot make a sheet
// the add-in protected "someone else's". Each test diffs the whole workbook.
import {
  createLedger,
  generateSummaries,
  isSheetProtected,
  readLedger,
  setOfficialColumnsProtected,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { dayOf, type Day } from '../../src/ledger';
import { ALL_SETS, changedPaths } from './helpers';

const PROTECTION_SETTING = 'renwuTaizhang.protectedSheets';
const OCT_31 = dayOf(2026, 10, 31) as Day;

async function withLedger(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  return sim;
}

async function read(sim: ExcelSim) {
  const result = await sim.runExcel((c) => readLedger(c));
  if (!result) throw new Error('no ledger');
  return result;
}

/** A co-author's add-in writes the protection setting from its own read, made before ours. */
const coAuthorRewrites = (sim: ExcelSim, ids: string[]) => sim.state.settings.set(PROTECTION_SETTING, ids);

/** The parts of the workbook that changed (sheet.part), besides the cells' locked flags, which protecting the official columns sets. */
const touched = (paths: string[]) => [
  ...new Set(
    paths.filter((p) => !p.endsWith('.format.locked')).map((p) => p.split('.').slice(0, 3).join('.')),
  ),
];

const marks = (sim: ExcelSim, sheet: string) => sim.snapshot().sheets.find((s) => s.name === sheet)?.names;

describe('the add-in’s protection, marked on the sheet (issue 23, item 11)', () => {
  it('still knows the ledger’s protection as its own after a co-author rewrote the settings, and lifts it', async () => {
    const sim = await withLedger();
    const { ledger, location } = await read(sim);
    const before = sim.snapshot();
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, true));
    // Only the ledger's protection and its mark changed; the settings are not rewritten.
    expect(touched(changedPaths(before, sim.snapshot()))).toEqual([
      'sheets.任务台账.protection',
      'sheets.任务台账.names',
    ]);
    expect(marks(sim, '任务台账')).toEqual([
      { name: 'RenwuTaizhang_Protected', formula: '="任务台账|TaskLedger"' },
    ]);
    coAuthorRewrites(sim, ['{their-sheet}']);
    expect(await sim.runExcel((c) => isSheetProtected(c, location))).toEqual({
      protected: true,
      byAddIn: true,
    });
    const protectedNow = sim.snapshot();
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, false));
    expect(touched(changedPaths(protectedNow, sim.snapshot()))).toEqual([
      'sheets.任务台账.protection',
      'sheets.任务台账.names',
    ]);
    expect(marks(sim, '任务台账')).toEqual([]);
    expect(sim.state.settings.get(PROTECTION_SETTING)).toEqual(['{their-sheet}']);
  });

  // Docs review: the mark outlives a protection lifted by hand (审阅 › 撤销工作表保护); protecting
  // again from the pane must keep it, or the add-in could never lift its own protection again.
  it('keeps its mark when the pane protects a sheet whose protection was lifted by hand, and can lift it after', async () => {
    const sim = await withLedger();
    const { ledger, location } = await read(sim);
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, true));
    // The user lifts it by hand (审阅 › 撤销工作表保护): the mark stays.
    sim.sheet('任务台账').protection.protected = false;
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, true));
    expect(marks(sim, '任务台账')).toEqual([
      { name: 'RenwuTaizhang_Protected', formula: '="任务台账|TaskLedger"' },
    ]);
    expect(await sim.runExcel((c) => isSheetProtected(c, location))).toEqual({
      protected: true,
      byAddIn: true,
    });
    await sim.runExcel((c) => setOfficialColumnsProtected(c, location, ledger.header, false));
    expect(sim.sheet('任务台账').protection.protected).toBe(false);
  });

  it('lifts an older workbook’s protection recorded only in the settings, keeping a co-author’s ids recorded meanwhile', async () => {
    const sim = await withLedger();
    const { ledger, location } = await read(sim);
    const ledgerId = sim.state.sheets.find((s) => s.name === '任务台账')?.id as string;
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('任务台账').protection.protect({ allowAutoFilter: true });
      await c.sync();
    });
    coAuthorRewrites(sim, [ledgerId]);
    const before = sim.snapshot();
    await sim.runExcel((context) => {
      const sync = context.sync.bind(context);
      let syncs = 0;
      // The co-author records a sheet of theirs between the first read and the write.
      context.sync = async () => {
        if (++syncs === 2) coAuthorRewrites(sim, [ledgerId, '{their-sheet}']);
        return sync();
      };
      return setOfficialColumnsProtected(context, location, ledger.header, false);
    });
    expect(sim.state.settings.get(PROTECTION_SETTING)).toEqual(['{their-sheet}']);
    expect(touched(changedPaths(before, sim.snapshot()))).toEqual([
      'sheets.任务台账.protection',
      'settings.renwuTaizhang.protectedSheets',
    ]);
  });

  it('replaces the same date’s 进度快照 rows after a co-author rewrote the settings (the sheet stays the add-in’s)', async () => {
    const sim = await withLedger();
    const options = { asOf: OCT_31, request: { overview: true, behind: false }, supports: ALL_SETS };
    await generateSummaries((batch) => sim.runExcel(batch), options);
    expect(marks(sim, '进度快照')).toEqual([
      { name: 'RenwuTaizhang_Protected', formula: '="任务台账|ProgressSnapshots"' },
    ]);
    expect(sim.state.settings.has(PROTECTION_SETTING)).toBe(false);
    coAuthorRewrites(sim, ['{their-sheet}']);
    const rows = sim.values('进度快照').length;
    const again = await generateSummaries((batch) => sim.runExcel(batch), options);
    const rowsPerDate = rows - 1;
    expect(again.snapshot).toMatchObject({ kept: true, replaced: rowsPerDate, added: rowsPerDate });
    expect(sim.values('进度快照').length).toBe(rows);
    expect(sim.sheet('进度快照').protection.protected).toBe(true);
    expect(sim.state.settings.get(PROTECTION_SETTING)).toEqual(['{their-sheet}']);
  });
});
