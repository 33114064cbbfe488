// Writes the core's sheet specs as summary sheets. The add-in's own summary sheets are
// remembered in workbook settings by sheet id, name and a fingerprint of their values, and
// replaced only while they are untouched: a sheet the user renamed, edited or put a table on
// is the user's now and is never deleted. A sheet whose name collides is left alone and the
// new sheet takes a free name. Values are written as values (text cells typed as text, so
// user text never becomes a formula).
import {
  CELL_STYLES,
  FIRST_LEDGER_TABLE,
  footerCodes,
  type CellStyle,
  type SheetSpec,
  type SpecCell,
} from '../ledger';
import { blocksOf, columnLetter, rowBytes } from './cells';
import { describeError, LedgerError, workbookProtectedError } from './errors';
import { fingerprintValues } from './fingerprint';
import { POINTS_PER_CHARACTER, type FitKept } from './ledgerFormat';
import { freeSheetName, SUMMARY_SETTING } from './names';
import type { ApiSupport } from './requirements';

export interface SummarySheetRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: SheetSpec['kind'];
  readonly unit?: string;
  /** Of the values written; a sheet whose values no longer match was edited by the user. */
  readonly fingerprint?: string;
  /** The ledger table whose plan the sheet summarizes; absent for the first ledger's (as records always were). */
  readonly ledger?: string;
}

/** Whether a record is of the given ledger's summaries: one plan's sheets never replace another's. */
const ofLedger = (record: SummarySheetRecord, ledger: string | undefined) =>
  sameLedger(record.ledger ?? FIRST_LEDGER_TABLE, ledger ?? FIRST_LEDGER_TABLE);

const sameLedger = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Why an earlier summary sheet was kept rather than replaced. */
export type KeptReason = 'renamed' | 'edited' | 'table';

/** What to tell the user when earlier summary sheets were kept (the pane and the ribbon say it). */
export function keptSheetsNotice(names: readonly string[]): { zh: string; en: string } {
  return {
    zh: `以下工作表是以前生成、后经您改名或修改过的汇总表，已原样保留，新表另起名称：${names.join('、')}。`,
    en: `Earlier summary sheets you renamed or edited were kept as they are; the new sheets have other names: ${names.join(', ')}.`,
  };
}

/** The sheets whose fit to page width Excel did not keep (office-js #1860): to be set by hand. */
export function fitIgnoredNotice(names: readonly string[]): { zh: string; en: string } {
  return {
    zh: `Excel 未接受${names.join('、')}的“调整为 1 页宽”（未选中“页面布局”选项卡时可能如此）：请在“页面布局 > 调整为合适大小”中设置。`,
    en: `Excel did not keep “fit to 1 page wide” on ${names.join(', ')} (it may not while the Page Layout tab is not selected): set it under Page Layout > Scale to Fit.`,
  };
}

export interface SummaryWriteResult {
  readonly sheets: readonly SummarySheetRecord[];
  readonly replaced: number;
  /** Earlier summary sheets that are the user's now: left as they are. */
  readonly kept: readonly { readonly name: string; readonly reason: KeptReason }[];
  readonly printSetup: boolean;
  /** Sheets whose fit to pages wide Excel did not keep (office-js #1860), read back, not assumed. */
  readonly fitIgnored: readonly string[];
}

/** Bytes one request may carry: well under 5 MB, leaving room for the batch's other commands. */
const REQUEST_BUDGET = 2_000_000;

/** A row costs its values, a number format per cell and a few format commands. */
const rowCost = (row: readonly SpecCell[]) => rowBytes(row.map((c) => c.value)) + row.length * 12 + 400;

function isRecord(value: unknown): value is SummarySheetRecord {
  const r = value as Partial<SummarySheetRecord> | null;
  return typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.name === 'string';
}

function padded(spec: SheetSpec): SpecCell[][] {
  const width = spec.widths.length;
  return spec.rows.map((r) =>
    Array.from({ length: width }, (_, c) => r.cells[c] ?? { value: '', style: 'text' as const }),
  );
}

/** Runs of equal style along a row, so a row costs a few format commands, not one per cell. */
function runs(row: readonly SpecCell[]): { start: number; end: number; style: CellStyle }[] {
  const out: { start: number; end: number; style: CellStyle }[] = [];
  row.forEach((cell, c) => {
    const last = out[out.length - 1];
    if (last && last.style === cell.style && last.end === c - 1) last.end = c;
    else out.push({ start: c, end: c, style: cell.style });
  });
  return out;
}

function writeSheet(
  sheet: Excel.Worksheet,
  spec: SheetSpec,
  supports: ApiSupport,
  rowsFrom: number,
  cells: SpecCell[][],
): FitKept | null {
  const width = spec.widths.length;
  const last = columnLetter(width - 1);
  const top = rowsFrom + 1;
  const range = sheet.getRange(`A${top}:${last}${top + cells.length - 1}`);
  // Number formats before values: a text-typed cell keeps "=…" as text.
  range.numberFormat = cells.map((r) => r.map((c) => CELL_STYLES[c.style].format));
  range.values = cells.map((r) => r.map((c) => c.value));
  cells.forEach((row, i) => {
    const r = top + i;
    const specRow = spec.rows[rowsFrom + i];
    if (row.every((c) => c.value === '')) return;
    for (const run of runs(row)) {
      const s = CELL_STYLES[run.style];
      if (run.style === 'text' && !specRow.merge) continue;
      const part = sheet.getRange(`${columnLetter(run.start)}${r}:${columnLetter(run.end)}${r}`);
      if (s.bold) part.format.font.bold = true;
      if (s.size) part.format.font.size = s.size;
      if (s.fill) part.format.fill.color = s.fill;
      if (s.font) part.format.font.color = s.font;
      if (s.wrap) part.format.wrapText = true;
      if (s.align) part.format.horizontalAlignment = s.align;
    }
    if (specRow.merge) {
      const merged = sheet.getRange(`A${r}:${last}${r}`);
      merged.merge();
      merged.format.rowHeight = specRow.cells[0]?.style === 'title' ? 30 : 36;
    }
  });
  if (rowsFrom === 0) {
    spec.widths.forEach((w, c) => {
      sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = w * POINTS_PER_CHARACTER;
    });
    if (spec.freeze && spec.headerRows.length) sheet.freezePanes.freezeRows(spec.headerRows[0] + 1);
    if (supports('1.9')) {
      sheet.pageLayout.orientation = spec.print.orientation;
      sheet.pageLayout.paperSize = 'A4';
      sheet.pageLayout.zoom = { horizontalFitToPages: spec.print.fitToPagesWide, verticalFitToPages: 0 };
      if (spec.headerRows.length)
        sheet.pageLayout.setPrintTitleRows(`$${spec.headerRows[0] + 1}:$${spec.headerRows[0] + 1}`);
      // 制表单位, 第 N 页 共 M 页 and the 截至 date at every page's foot.
      const footer = footerCodes(spec.print.footer);
      const pages = sheet.pageLayout.headersFooters.defaultForAllPages;
      pages.leftFooter = footer.left;
      pages.centerFooter = footer.center;
      pages.rightFooter = footer.right;
      for (const row of spec.pageBreaks) sheet.horizontalPageBreaks.add(`A${row + 1}`);
      // Read back in the same request: the zoom as Excel kept it.
      const layout = sheet.pageLayout.load('zoom');
      return () => layout.zoom.horizontalFitToPages === spec.print.fitToPagesWide;
    }
  }
  return null;
}

function addCharts(sheet: Excel.Worksheet, spec: SheetSpec): void {
  for (const chart of spec.charts) {
    const d = chart.data;
    const source = sheet.getRange(
      `${columnLetter(d.column)}${d.row + 1}:${columnLetter(d.column + d.columnCount - 1)}${d.row + d.rowCount}`,
    );
    const made = sheet.charts.add(chart.type, source, 'Columns');
    made.title.text = chart.title;
    made.legend.position = 'Bottom';
    // A bar chart draws its first category at the bottom: reversed, units read top-down as in the table.
    if (chart.type === 'BarStacked') made.axes.categoryAxis.reversePlotOrder = true;
    made.setPosition(`${columnLetter(chart.anchor.column)}${chart.anchor.row + 1}`);
    made.width = chart.size.width;
    made.height = chart.size.height;
  }
}

/** What a summary write needs to know first: the sheets, the add-in's record of its summary sheets, the structure lock. */
export interface SummaryLook {
  readonly sheets: readonly { readonly id: string; readonly name: string }[];
  readonly previous: readonly SummarySheetRecord[];
  readonly structureProtected: boolean;
}

/** Queues the look into the caller's request (a report reads it with the ledger); readable after the sync. */
export function queueSummaryLook(context: Excel.RequestContext): () => SummaryLook {
  const sheets = context.workbook.worksheets.load('items/name, items/id');
  const setting = context.workbook.settings.getItemOrNullObject(SUMMARY_SETTING).load('value');
  const structure = context.workbook.protection.load('protected');
  return () => ({
    sheets: sheets.items.map((s) => ({ id: s.id, name: s.name })),
    previous: !setting.isNullObject && Array.isArray(setting.value) ? setting.value.filter(isRecord) : [],
    structureProtected: structure.protected,
  });
}

/** The look in a request of its own, for a caller that has not read it. */
async function lookNow(context: Excel.RequestContext): Promise<SummaryLook> {
  const queued = queueSummaryLook(context);
  await context.sync();
  return queued();
}

/** Queues a look at each earlier summary sheet still there: its values and whether it holds a table. */
function queueProbes(context: Excel.RequestContext, earlier: readonly SummarySheetRecord[]) {
  return earlier.map((record) => {
    const sheet = context.workbook.worksheets.getItem(record.id);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('values, rowIndex, columnIndex');
    const tables = sheet.tables.getCount();
    return { record, used, tables };
  });
}

/**
 * Sorts the earlier summary sheets, once probed, into those the add-in may replace (same name,
 * same values, no table) and those that are the user's now.
 */
function sortEarlierSheets(
  probes: ReturnType<typeof queueProbes>,
  names: ReadonlyMap<string, string>,
): { ours: SummarySheetRecord[]; kept: { name: string; reason: KeptReason }[] } {
  const ours: SummarySheetRecord[] = [];
  const kept: { name: string; reason: KeptReason }[] = [];
  for (const { record, used, tables } of probes) {
    const name = names.get(record.id) ?? record.name;
    const fingerprint = used.isNullObject
      ? fingerprintValues([])
      : fingerprintValues(used.values, used.rowIndex, used.columnIndex);
    if (tables.value > 0) kept.push({ name, reason: 'table' });
    else if (name !== record.name) kept.push({ name, reason: 'renamed' });
    else if (record.fingerprint !== fingerprint) kept.push({ name, reason: 'edited' });
    else ours.push(record);
  }
  return { ours, kept };
}

interface Made {
  readonly spec: SheetSpec;
  /** The name the sheet was added under (temporary, with earlier sheets to replace). */
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  readonly cells: SpecCell[][];
  readonly fingerprint: string;
}

/** After a failed run: the sheets it added, found by the names they were added under or given since. */
async function removeSheets(context: Excel.RequestContext, made: readonly Made[]): Promise<void> {
  const found = made
    .flatMap((m) => [m.name, m.spec.name])
    .map((name) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load('id');
      return sheet;
    });
  await context.sync();
  const ours = new Set<string>();
  for (const m of made) {
    try {
      ours.add(m.sheet.id);
    } catch {
      // Its id was never read back: the request that added it failed, and no such sheet exists.
    }
  }
  for (const sheet of found) if (!sheet.isNullObject && ours.has(sheet.id)) sheet.delete();
  await context.sync();
}

function summariesFailed(error: unknown): LedgerError {
  const { zh, en } = describeError(error);
  return new LedgerError(
    {
      zh: `汇总表未能生成：${zh.replace(/(数据未被更改|此前的步骤可能已生效)。$/u, '')}本次新建的汇总表已删除，原有汇总表保持原样。修正后再次生成即可（同一截至日期的进度快照会被替换）。`,
      en: `The summaries were not made: ${en.replace(/ ?(Nothing was changed|Steps before it may have taken effect)\.$/u, '')} The sheets added for them were removed and the earlier ones left as they were. Make them again once fixed (the same date's snapshot is replaced).`,
    },
    'SummariesFailed',
  );
}

/**
 * Writes the given specs as new sheets and removes the add-in's earlier ones that are still
 * untouched. Syncs after the look (given by the caller, read in its own first request, or taken
 * here in one more): one to write (checking the earlier sheets in the same request), one to
 * remove the earlier sheets, name the new ones and remember them; more only when a sheet's rows
 * must be split to stay under 5 MB. New sheets go before a sheet kept last (进度快照).
 */
export async function writeSummarySheets<Also extends { remember: () => void }>(
  context: Excel.RequestContext,
  specs: readonly SheetSpec[],
  options: {
    supports: ApiSupport;
    remember?: boolean;
    /** The look, from the caller's read request; taken here when not given. */
    look?: SummaryLook;
    /** A sheet that stays the workbook's last (the progress snapshots), by id. */
    keepLast?: string;
    /** The ledger table summarized, when not the first: its records are kept apart. */
    ledger?: string;
    /**
     * More writes for the same request (the progress snapshot), queued after the sheets and given
     * the sheet names taken. Its remember() runs in the last request.
     */
    alsoWrite?: (
      context: Excel.RequestContext,
      taken: ReadonlySet<string>,
      spend: (bytes: number) => Promise<boolean>,
    ) => Promise<Also>;
  },
): Promise<SummaryWriteResult & { readonly also?: Also }> {
  const remember = options.remember ?? true;
  const look = options.look ?? (await lookNow(context));
  if (look.structureProtected) throw workbookProtectedError();
  const sheets = context.workbook.worksheets;
  const names = new Map(look.sheets.map((s) => [s.id, s.name]));
  const mine = look.previous.filter((p) => ofLedger(p, options.ledger));
  const earlier = remember ? mine.filter((p) => names.has(p.id)) : [];
  // With earlier sheets the new ones are written under temporary names: which names are free is
  // known only once the earlier sheets have been checked, in this same request.
  const probes = queueProbes(context, earlier);
  const temporary = earlier.length > 0;
  const taken = new Set(look.sheets.map((s) => s.name.toLowerCase()));

  const made: Made[] = [];
  try {
    return await writeSheets();
  } catch (error) {
    // Excel refused a command part-way: the sheets added for this run go again, so no half-made
    // summary is left behind; the earlier ones were not touched before the last request.
    await removeSheets(context, made).catch(() => undefined);
    throw summariesFailed(error);
  }

  async function writeSheets(): Promise<SummaryWriteResult & { readonly also?: Also }> {
    // Add the new sheets before deleting the old ones: a workbook always keeps a visible sheet,
    // and a failure part-way leaves the old summaries in place.
    for (const spec of specs) {
      const name = freeSheetName(temporary ? `~${spec.name}` : spec.name, taken);
      taken.add(name.toLowerCase());
      const sheet = sheets.add(name);
      sheet.load('id');
      const cells = padded(spec);
      made.push({
        spec,
        name,
        sheet,
        cells,
        fingerprint: fingerprintValues(cells.map((r) => r.map((c) => c.value))),
      });
    }
    // Every sheet's rows in blocks, and the blocks in requests, with a running byte total across
    // sheets: several sheets' first blocks together must stay under Excel on the web's 5 MB too.
    const parts = made.flatMap((m) =>
      blocksOf(m.cells, REQUEST_BUDGET, rowCost).map((b) => ({
        ...b,
        m,
        bytes: b.rows.reduce((sum, r) => sum + rowCost(r), 0),
      })),
    );
    let queued = 0;
    // Room for `bytes` more: the queued blocks go as one request before these would pass the budget.
    // True when they went (what was queued before is now in the workbook).
    const spend = async (bytes: number) => {
      const flush = queued > 0 && queued + bytes > REQUEST_BUDGET;
      if (flush) {
        await context.sync();
        queued = 0;
      }
      queued += bytes;
      return flush;
    };
    const fits: { readonly m: Made; readonly kept: FitKept }[] = [];
    for (const part of parts) {
      await spend(part.bytes);
      const kept = writeSheet(part.m.sheet, part.m.spec, options.supports, part.start, part.rows);
      if (kept) fits.push({ m: part.m, kept });
      if (part.start === 0) addCharts(part.m.sheet, part.m.spec);
    }
    // The snapshot's rows count in the same budget (issue 23: they were written outside it).
    const also = await options.alsoWrite?.(context, taken, spend);
    if (options.keepLast && look.sheets[look.sheets.length - 1]?.id === options.keepLast)
      sheets.getItem(options.keepLast).position = look.sheets.length + made.length - 1;
    if (made.length) made[0].sheet.activate();
    // The record of summary sheets once more, in the write's own request: a co-author's summaries
    // recorded since the look are kept in it, not overwritten (issue 23, item 11).
    const recorded = context.workbook.settings.getItemOrNullObject(SUMMARY_SETTING);
    recorded.load('value');
    await context.sync();

    const { ours, kept } = sortEarlierSheets(probes, names);
    for (const old of ours) sheets.getItem(old.id).delete();
    const final = new Set(
      look.sheets.filter((s) => !ours.some((o) => o.id === s.id)).map((s) => s.name.toLowerCase()),
    );
    const records: SummarySheetRecord[] = made.map((m) => {
      const name = temporary ? freeSheetName(m.spec.name, final) : m.name;
      final.add(name.toLowerCase());
      if (name !== m.name) m.sheet.name = name;
      return {
        id: m.sheet.id,
        name,
        kind: m.spec.kind,
        ...(m.spec.unit ? { unit: m.spec.unit } : {}),
        fingerprint: m.fingerprint,
        ...(options.ledger === undefined || sameLedger(options.ledger, FIRST_LEDGER_TABLE)
          ? {}
          : { ledger: options.ledger }),
      };
    });
    also?.remember();
    const since =
      !recorded.isNullObject && Array.isArray(recorded.value)
        ? recorded.value
            .filter(isRecord)
            // Another plan's records stay as they are.
            .filter((r) => !mine.some((p) => p.id === r.id) && !records.some((n) => n.id === r.id))
        : [];
    if (remember) context.workbook.settings.add(SUMMARY_SETTING, [...records, ...since]);
    if (remember || also || ours.length || temporary) await context.sync();
    // Read in the request that set it (or an earlier one of this action): never assumed.
    const fitIgnored = fits.filter((f) => !f.kept()).map((f) => records[made.indexOf(f.m)]?.name ?? f.m.name);
    return {
      sheets: records,
      replaced: ours.length,
      kept,
      printSetup: options.supports('1.9'),
      fitIgnored,
      also,
    };
  }
}
