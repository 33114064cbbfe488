// Every gallery sheet through adopt → validate → fix all → summaries → regenerate, as a
// suspicious user would check it: a snapshot of every cell of every sheet before each command,
// a diff after, and only the cells the command names may differ.
import {
  adoptActiveSheet,
  applyFixes,
  cellAddress,
  describeError,
  generateSummaries,
  readLedger,
  readReference,
  SUMMARY_SETTING,
  type AdoptResult,
} from '../../src/excel';
import { ExcelSim, parseRef, type WorkbookSnapshot } from '../../src/excel-sim';
import {
  fixesFor,
  summarize,
  officialTextIndex,
  OFFICIAL_TASKS,
  validateLedger,
  type CellValue,
} from '../../src/ledger';
import { ALL_SETS } from '../excel/helpers';
import { GALLERY, type GalleryCase } from './sheets';
import { asOf } from '../asOf';

const USER_SHEET = 'Sheet1';

async function lay(sim: ExcelSim, c: GalleryCase): Promise<void> {
  await sim.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(USER_SHEET);
    for (const [at, values] of Object.entries(c.cells)) {
      const width = Math.max(...values.map((r) => r.length));
      const start = parseRef(at)!;
      const padded = values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
      const text = padded.some((r) => r.some((v) => typeof v === 'string' && v.startsWith('=')));
      const block = sheet.getRangeByIndexes(start.row, start.column, padded.length, width);
      if (text) block.formulas = padded;
      else block.values = padded;
    }
    for (const m of c.merges ?? []) sheet.getRange(m).merge();
    if (c.table) sheet.tables.add(c.table, true);
    if (c.protect) sheet.protection.protect();
    sheet.activate();
    await context.sync();
  });
}

type CellMap = Record<string, { value: unknown; formula: unknown; numberFormat: string }>;
const cellsOf = (snapshot: WorkbookSnapshot, name: string): CellMap =>
  (snapshot.sheets.find((s) => s.name === name)?.cells ?? {}) as CellMap;
const address = (key: string) => {
  const [r, c] = key.split(',').map(Number);
  return cellAddress(r, c);
};

/** Cells of a sheet whose value or formula differs, by address. */
function changedValues(before: WorkbookSnapshot, after: WorkbookSnapshot, name: string): string[] {
  const a = cellsOf(before, name);
  const b = cellsOf(after, name);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const blank = { value: '', formula: null };
  return [...keys]
    .filter((k) => {
      const x = a[k] ?? blank;
      const y = b[k] ?? blank;
      return x.value !== y.value || (x.formula ?? null) !== (y.formula ?? null);
    })
    .map(address)
    .sort();
}

async function analysis(sim: ExcelSim) {
  const reference = await sim.runExcel((c) => readReference(c));
  const read = (await sim.runExcel((c) => readLedger(c)))!;
  const findings = validateLedger(read.ledger, {
    asOf,
    statuses: reference.statuses,
    directory: reference.directory,
    place: read.location,
    reference: reference.health,
  });
  return { read, findings };
}

const summariesOf = (sim: ExcelSim) =>
  generateSummaries((batch) => sim.runExcel(batch), {
    asOf,
    request: { overview: true, behind: true, units: ['市教育局', '双辽市人民政府'] },
    supports: ALL_SETS,
  });

describe('the gallery of sheets as people keep them', () => {
  it('holds at least 30 cases with distinct names', () => {
    expect(GALLERY.length).toBeGreaterThanOrEqual(30);
    expect(new Set(GALLERY.map((c) => c.name)).size).toBe(GALLERY.length);
  });

  it.each(GALLERY.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const sim = new ExcelSim();
    await lay(sim, c);
    const start = sim.snapshot();

    // 1. Adopt: refused with its sentence and nothing changed, or adopted as written down.
    const adopted = await sim
      .runExcel((context) => adoptActiveSheet(context, { supports: ALL_SETS }))
      .catch((error: unknown) => error);
    if ('refused' in c.outcome) {
      expect((adopted as { code?: string }).code).toBe(c.outcome.refused);
      expect(describeError(adopted).zh).toContain(c.outcome.says);
      expect(sim.snapshot()).toEqual(start);
      return;
    }
    if (!(adopted && typeof adopted === 'object' && 'tableAddress' in adopted)) throw adopted;
    const result = adopted as AdoptResult;
    const outcome = c.outcome;
    expect({
      table: result.tableAddress,
      tasks: result.taskCount,
      added: result.addedColumns.length,
      renamed: result.renamedHeaders.map((h) => h.address),
      rowsLeftOut: result.rowsLeftOut,
    }).toEqual({
      table: outcome.table,
      tasks: outcome.tasks,
      added: outcome.added,
      renamed: outcome.renamed ?? [],
      rowsLeftOut: outcome.rowsLeftOut ?? [],
    });
    const afterAdopt = sim.snapshot();
    // Only the added header cells and the headers Excel renamed hold other values.
    const table = parseRef(outcome.table)!;
    const addedHeaders = Array.from({ length: outcome.added }, (_, i) =>
      cellAddress(table.row, table.column + table.columnCount - outcome.added + i),
    );
    expect(changedValues(start, afterAdopt, USER_SHEET)).toEqual(
      [...addedHeaders, ...(outcome.renamed ?? [])].sort(),
    );
    expect(afterAdopt.sheets.map((s) => s.name)).toEqual(start.sheets.map((s) => s.name));

    // 2. Validate and fix all: exactly the cells written down change, and a task's text only
    // ever becomes the official text of the task its own text is.
    const { read, findings } = await analysis(sim);
    expect(findings.filter((f) => f.severity === 'error' && f.rule === 'cell.error')).toEqual([]);
    for (const rule of outcome.finds ?? []) expect(findings.map((f) => f.rule)).toContain(rule);
    const fixes = fixesFor(read.ledger, findings);
    const fixed = await sim.runExcel((context) => applyFixes(context, read.location, fixes));
    const afterFix = sim.snapshot();
    expect(changedValues(afterAdopt, afterFix, USER_SHEET)).toEqual([...outcome.fixes].sort());
    expect(fixed.skippedFormulas).toEqual([]);
    const find = officialTextIndex(OFFICIAL_TASKS);
    const taskColumn = read.ledger.header.columns.task!;
    for (const fix of fixes.filter((f) => f.column === taskColumn && f.row >= 0)) {
      const was = String(fix.expected ?? '');
      if (was) expect(fix.value).toBe(find(was)?.official.task);
    }
    const again = await analysis(sim);
    const left = new Set(again.findings.map((f) => f.id));
    for (const f of findings.filter((x) => x.fix)) expect(left.has(f.id)).toBe(false);

    // 3. Summaries: new sheets only; the user's sheet exactly as it was.
    const first = await summariesOf(sim);
    const afterSummary = sim.snapshot();
    expect(afterSummary.sheets.find((s) => s.name === USER_SHEET)).toEqual(
      afterFix.sheets.find((s) => s.name === USER_SHEET),
    );
    // The one table added is the progress snapshot: a header and one row per counted task.
    const snapshots = afterSummary.tables.filter((t) => t.name === 'ProgressSnapshots');
    expect(afterSummary.tables.filter((t) => t.name !== 'ProgressSnapshots')).toEqual(afterFix.tables);
    expect(snapshots.map((t) => (t.rect as { rowCount: number }).rowCount)).toEqual([
      summarize(again.read.ledger, { asOf }).tasks.length + 1,
    ]);
    expect(afterSummary.sheets.map((s) => s.name)).toEqual([
      ...afterFix.sheets.map((s) => s.name),
      ...first.sheets.map((s) => s.name),
      '进度快照',
    ]);
    // No date is ever shown as its serial number: a serial is a date cell in the Chinese format.
    const serials = new Set(
      again.read.ledger.rows
        .map((r) => r[again.read.ledger.header.columns.deadline ?? -1])
        .filter((v): v is number => typeof v === 'number' && v > 3000),
    );
    for (const sheet of first.sheets)
      for (const cell of Object.values(cellsOf(afterSummary, sheet.name)))
        if (serials.has(cell.value as number)) expect(cell.numberFormat).toBe('yyyy"年"m"月"d"日"');
    // The overview's total is the sum of its status rows.
    const overview = sim.values('汇总-总体');
    const total = overview.find((r) => r[0] === '合计')?.[1];
    const top = overview.findIndex((r) => r[0] === '状态');
    const statusRows = overview.slice(
      top + 1,
      overview.findIndex((r) => r[0] === '合计'),
    );
    expect(statusRows.reduce((a, r) => a + Number(r[1]), 0)).toBe(total);

    // 4. Regenerate: the untouched summary sheets are replaced, nothing else is deleted or changed.
    const second = await summariesOf(sim);
    const afterRegenerate = sim.snapshot();
    expect(second.replaced).toBe(first.sheets.length);
    expect(second.kept).toEqual([]);
    expect(afterRegenerate.sheets.find((s) => s.name === USER_SHEET)).toEqual(
      afterFix.sheets.find((s) => s.name === USER_SHEET),
    );
    const gone = afterSummary.sheets
      .filter((s) => !afterRegenerate.sheets.some((x) => x.id === s.id))
      .map((s) => s.id);
    expect(gone.sort()).toEqual(first.sheets.map((s) => s.id).sort());
    expect((afterRegenerate.settings[SUMMARY_SETTING] as unknown[]).length).toBe(second.sheets.length);
    // Cells the user typed are all still there, where they were, at the end.
    const everything = (cells: CellMap) =>
      Object.fromEntries(
        Object.entries(cells).map(([k, v]) => [address(k), v.formula ?? v.value] as [string, CellValue]),
      );
    const kept = everything(cellsOf(afterRegenerate, USER_SHEET));
    const allowed = new Set([...outcome.fixes, ...(outcome.renamed ?? [])]);
    for (const [at, value] of Object.entries(everything(cellsOf(start, USER_SHEET)))) {
      if (!allowed.has(at)) expect([at, kept[at] ?? '']).toEqual([at, value]);
    }
  });
});
