// 报送登记 on excel-sim: a round issued to five units, two returns imported (one late, one of
// them twice), 催报 drafted for the three missing. Each action is checked with a whole-workbook
// diff (only the cells it names change) and its round trips counted; the drafts are read by
// mailparser and their forms by openpyxl.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import {
  applyReturns,
  createLedger,
  generateSummaries,
  readReport,
  readRegisterSheet,
  showUnitChanges,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { readReturnForm, returnFormFile, returnFormsZip } from '../../src/files';
import { bulletinOf, bulletinText, leaderMail, roundStatus, reportingSentence } from '../../src/ledger';
import { draftReminders, issueForms, readRound } from '../../src/taskpane/registerWorkflow';
import { readForForms } from '../../src/taskpane/returnsWorkflow';
import { missingTools, PYTHON } from '../files/formTools';
import { ALL_SETS, changedCells, changedPaths, countSyncs } from './helpers';
import { day, formReturned, hostAt as hostOf, ISSUED, paneGuess, setReturnBy } from './roundFixture';

jest.setTimeout(60_000);

const UNITS = ['市教育局', '市财政局', '市人社局', '市总工会', '双辽市人民政府'];
const MAIL: Record<string, string> = {
  市教育局: 'jyj@example.gov.cn',
  市财政局: 'czj@example.gov.cn',
  市人社局: 'rsj@example.gov.cn',
  市总工会: 'zgh@example.gov.cn',
  双辽市人民政府: 'sl@example.gov.cn',
};
// Issued on Monday 2026-11-30 (ISSUED), asked back by Friday 2026-12-04.
const at = (iso: string) => new Date(`${iso}T10:00:00`);
const pane = paneGuess();

/** A ledger with each unit's mailbox typed into 单位名录's 邮箱 column. */
async function setUp(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.run(async (c) => {
    const table = c.workbook.tables.getItem('UnitDirectory');
    const header = table.getHeaderRowRange().load('values');
    const body = table.getDataBodyRange().load('values');
    await c.sync();
    const names = header.values[0].indexOf('单位');
    const mail = header.values[0].indexOf('邮箱');
    body.values.forEach((row, i) => {
      const address = MAIL[String(row[names])];
      if (address) body.getCell(i, mail).values = [[address]];
    });
    await c.sync();
  });
  // The 报送截止 date set in the 反馈 tab; the pane has read the workbook once.
  await setReturnBy(sim, pane, '2026-12-04');
  return sim;
}

/** A unit's form of the round filled in and imported on `on`: only the ledger cell, 变更记录 and 报送登记 change. */
async function importReturn(sim: ExcelSim, unit: string, on: string, problem: string) {
  const { read, changes, receipt, no } = await formReturned(sim, pane, unit, problem);
  const before = sim.snapshot();
  const { result, syncs } = await countSyncs(sim, () =>
    sim.runExcel((c) =>
      applyReturns(c, read, changes, { time: `${on} 10:00`, batch: `b-${unit}-${on}` }, ALL_SETS, {
        returns: [receipt],
        on: day(on),
        expected: true,
      }),
    ),
  );
  return { result, syncs, changed: changedCells(before, sim.snapshot()), no };
}

const registerRows = async (sim: ExcelSim) => (await sim.runExcel((c) => readRegisterSheet(c)))!;

describe('报送登记 (issue 26 items 1–3)', () => {
  let sim: ExcelSim;
  beforeAll(async () => {
    sim = await setUp();
  });

  it('issuing forms to five units records the round on a new protected sheet, nothing else changed', async () => {
    const before = sim.snapshot();
    const issued = await countSyncs(sim, () =>
      issueForms(hostOf(sim, ISSUED), pane, UNITS, (model, options) => returnFormsZip(model, UNITS, options)),
    );
    expect(issued.result.register).toEqual({ kept: true, sheetName: '报送登记', updated: 0, added: 5 });
    const after = sim.snapshot();
    // The new sheet's seven columns by six rows, its protection marked on it: nothing else.
    const cells = changedCells(before, after);
    expect(cells.every((c) => c.startsWith('报送登记!'))).toBe(true);
    expect(cells).toHaveLength(8 * 6);
    expect(
      changedPaths(before, after).filter((p) => !p.startsWith('sheets.报送登记') && !p.startsWith('tables')),
    ).toEqual([]);
    expect(sim.values('报送登记')[0]).toEqual([
      '截至日期',
      '报送截止',
      '单位',
      '下发日期',
      '报送日期',
      '报送次数',
      '最近报送文件',
      '方案',
    ]);
    const sheet = await registerRows(sim);
    expect(sheet.protection).toBe('ours');
    expect(sheet.register.entries.map((e) => e.unit)).toEqual(UNITS);
    expect(sheet.register.entries.every((e) => e.returnBy === day('2026-12-04'))).toBe(true);
    // A register made the first time: read, then the write that marks its sheet as the add-in's.
    expect(issued.syncs).toBe(2);
    expect(sim.snapshot().sheets.find((s) => s.name === '报送登记')?.names).toEqual([
      { name: 'RenwuTaizhang_Protected', formula: '="任务台账|ReportRegister"' },
    ]);
  });

  // Issue 23, item 11: a co-author's add-in rewriting the settings from an older read cannot make
  // 报送登记 someone else's (it would then never be written again).
  it('still writes 报送登记 after a co-author rewrote the protection settings', async () => {
    await readForForms(hostOf(sim, ISSUED), pane);
    sim.state.settings.set('renwuTaizhang.protectedSheets', ['{their-sheet}']);
    const again = await issueForms(hostOf(sim, ISSUED), pane, ['市教育局'], (model, options) =>
      returnFormFile(model, '市教育局', options),
    );
    expect(again.register).toMatchObject({ kept: true, updated: 1, added: 0 });
    expect(sim.sheet('报送登记').protection.protected).toBe(true);
    expect(sim.state.settings.get('renwuTaizhang.protectedSheets')).toEqual(['{their-sheet}']);
  });

  it('issuing the same round again keeps one row per unit, in the same two round trips as a read and a write', async () => {
    // A table was added: the pane reads the workbook again, and so knows 报送登记 is there.
    await readForForms(hostOf(sim, ISSUED), pane);
    const before = sim.snapshot();
    const again = await countSyncs(sim, () =>
      issueForms(hostOf(sim, ISSUED), pane, ['市教育局'], (model, options) =>
        returnFormFile(model, '市教育局', options),
      ),
    );
    expect(again.result.register).toMatchObject({ kept: true, updated: 1, added: 0 });
    expect(again.syncs).toBe(2);
    // The row is written again with the same values: no cell differs.
    expect(changedCells(before, sim.snapshot())).toEqual([]);
    expect((await registerRows(sim)).register.entries).toHaveLength(5);
  });

  it('imports two returns, one late: each records its unit’s row only, in the import’s own two round trips', async () => {
    const onTime = await importReturn(sim, '市教育局', '2026-12-02', '场地不足');
    expect(onTime.syncs).toBe(2);
    expect(onTime.result.register).toMatchObject({ kept: true, updated: 1, added: 0 });
    const ledgerCells = onTime.changed.filter((c) => c.startsWith('任务台账!'));
    expect(ledgerCells).toHaveLength(1);
    // 报送日期, 报送次数, 最近报送文件 of 市教育局's row (the second data row... its row is the first).
    expect(onTime.changed.filter((c) => c.startsWith('报送登记!'))).toEqual([
      '报送登记!E2',
      '报送登记!F2',
      '报送登记!G2',
    ]);
    expect(
      onTime.changed.filter(
        (c) => !c.startsWith('任务台账!') && !c.startsWith('报送登记!') && !c.startsWith('变更记录!'),
      ),
    ).toEqual([]);

    const late = await importReturn(sim, '市人社局', '2026-12-07', '资金未到位');
    expect(late.syncs).toBe(2);
    expect(late.changed.filter((c) => c.startsWith('报送登记!'))).toEqual([
      '报送登记!E4',
      '报送登记!F4',
      '报送登记!G4',
    ]);

    const round = roundStatus((await registerRows(sim)).register.entries, day('2026-12-07'))!;
    expect(round.counts).toEqual({ 'on-time': 1, late: 1, waiting: 0, overdue: 3 });
    expect(reportingSentence(round)).toBe(
      '本期应报5个单位，已报2个（其中逾期报送1个），逾期未报：市财政局、市总工会、双辽市人民政府。',
    );
  });

  it('a second return of the same round is counted as such; the first day stands', async () => {
    const second = await importReturn(sim, '市教育局', '2026-12-08', '场地已落实');
    // 报送次数 only: the file is named as the first was.
    expect(second.changed.filter((c) => c.startsWith('报送登记!'))).toEqual(['报送登记!F2']);
    const entry = (await registerRows(sim)).register.entries[0];
    expect(entry).toMatchObject({ unit: '市教育局', returns: 2, receivedOn: day('2026-12-02') });
    expect((await readRound(hostOf(sim, at('2026-12-08'))))!.units[0].state).toBe('on-time');
  });

  it('a unit’s name jumps to its imported changes on 变更记录: the sheet shown, its rows selected', async () => {
    const before = sim.snapshot();
    expect(await sim.runExcel((c) => showUnitChanges(c, '市教育局'))).toBe(true);
    expect(sim.state.activeSheet().name).toBe('变更记录');
    const log = sim.values('变更记录');
    const rows = log.flatMap((r, i) => (r[2] === '市教育局' ? [i] : []));
    expect(rows).toHaveLength(2);
    expect(sim.state.selection?.rect).toMatchObject({ row: rows[0], rowCount: rows[1] - rows[0] + 1 });
    // A unit with no imported change: nothing selected, the pane says so.
    expect(await sim.runExcel((c) => showUnitChanges(c, '市财政局'))).toBe(false);
    expect(changedCells(before, sim.snapshot())).toEqual([]);
  });

  it('the overview, the leaders’ mail and the 通报 carry 本期应报…, from the register read in their own request', async () => {
    const generated = await generateSummaries((batch) => sim.runExcel(batch), {
      asOf: day('2026-12-08'),
      request: { overview: true, behind: false },
      supports: ALL_SETS,
      expect: pane.tablesSeen,
    });
    const sentence =
      '本期应报5个单位，已报2个（其中逾期报送1个），逾期未报：市财政局、市总工会、双辽市人民政府。';
    expect(sim.values(generated.sheets[0].name).flat()).toContain(sentence);
    const report = await sim.runExcel((c) =>
      readReport(c, { asOf: day('2026-12-08'), expect: pane.tablesSeen, register: true }),
    );
    expect(report.reporting).toBe(sentence);
    const mail = leaderMail(report.model, '汇总.xlsx', { reporting: report.reporting });
    expect(mail.text).toContain(sentence);
    const bulletin = bulletinOf(report.model, {
      issuer: '市政府督查室',
      date: day('2026-12-08'),
      nextSteps: [],
      reporting: report.reporting,
    });
    expect(bulletinText(bulletin)).toContain(sentence);
    // A report dated before the round was issued says nothing of returns.
    const earlier = await sim.runExcel((c) =>
      readReport(c, { asOf: day('2026-11-20'), expect: pane.tablesSeen, register: true }),
    );
    expect(earlier.reporting).toBeUndefined();
    expect(leaderMail(earlier.model, '汇总.xlsx', {}).text).not.toContain('本期应报');
  });

  const missing = missingTools('催报 draft checks with openpyxl', ['openpyxl']);
  (missing.length ? it.skip : it)(
    '催报 drafts one mail to each of the three missing units, To its mailbox, its form attached again; nothing in the workbook changes',
    async () => {
      const before = sim.snapshot();
      const { result, syncs } = await countSyncs(sim, () =>
        draftReminders(hostOf(sim, at('2026-12-08')), pane),
      );
      expect(syncs).toBe(1);
      expect(changedCells(before, sim.snapshot())).toEqual([]);
      expect(result.drafts.map((d) => d.unit)).toEqual(['市财政局', '市总工会', '双辽市人民政府']);
      const dir = mkdtempSync(join(tmpdir(), 'reminders-'));
      for (const draft of result.drafts) {
        const mail = await simpleParser(Buffer.from(draft.bytes));
        expect(mail.headers.get('x-unsent')).toBe('1');
        const to = mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : [];
        expect(to).toEqual([MAIL[draft.unit]]);
        expect(mail.text).toContain('报送时限（2026年12月4日）已过4天，请尽快报送');
        expect(mail.attachments).toHaveLength(1);
        const form = mail.attachments[0];
        expect(form.filename).toBe(`${draft.unit}_四平市职教重点任务反馈表_20261130.xlsx`);
        // The form answers the round: its 截至 date is the round's, so its return is recorded there.
        const reread = await readReturnForm(form.filename!, new Uint8Array(form.content));
        expect(reread.meta).toMatchObject({ unit: draft.unit, asOf: '2026-11-30', returnBy: '2026-12-04' });
        const path = join(dir, `${draft.unit}.xlsx`);
        writeFileSync(path, form.content);
        const rows = execFileSync(
          PYTHON,
          [
            '-c',
            'import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])["反馈表"]; print(ws.max_row)',
            path,
          ],
          { encoding: 'utf8' },
        );
        expect(Number(rows)).toBeGreaterThan(2);
      }
      const zip = await JSZip.loadAsync(result.zip.bytes);
      expect(result.zip.name).toBe('四平市职教重点任务催报邮件草稿_3个单位_20261130.zip');
      expect(Object.keys(zip.files).sort()).toEqual(result.drafts.map((d) => d.name).sort());
    },
  );
});
