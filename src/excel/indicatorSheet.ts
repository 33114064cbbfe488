// The 指标 sheet: an Excel table of the quantitative indicators (序号, 指标, 目标值, 计量单位,
// 责任单位, 完成值, 完成率, 更新日期, 说明), 完成率 a live formula. Made with the ledger, or on
// request for a ledger adopted or a sheet deleted; rows 重新识别 finds are appended, never
// written over; a 完成值 typed in the pane goes to exactly its cell, after checking that the
// cell still holds what the pane showed.
import {
  cellText,
  completionFormula,
  indicatorNamesFor,
  INDICATOR_COLUMNS,
  INDICATOR_SPEC,
  indicatorKey,
  indicatorSheetRows,
  placeRecord,
  seedRecord,
  specLayout,
  serialFromDay,
  structuredRateFormula,
  type CellValue,
  type IndicatorColumn,
  type TableLayout,
  type Day,
  type Indicator,
  type IndicatorSeed,
  type IndicatorTable,
} from '../ledger';
import { columnLetter, plainAddress } from './cells';
import { LedgerError, workbookProtectedError } from './errors';
import { loadIndicatorTable } from './indicatorRead';
import { pageNumberFooter, printSetup } from './ledgerFormat';
import type { ApiSupport } from './requirements';
import { freeSheetName } from './names';
import { loadOutline } from './outline';
import { areasOn, localAddress, type AfterWrite } from './ownWrites';
import {
  appendSpecRows,
  createSpecTable,
  fitAppended,
  occupiedBelow,
  queueRoomBelow,
  type Appended,
} from './specTable';
import { queueReadBack, type LedgerRead } from './readLedger';
import { queueReferenceRead, type Reference } from './reference';
import { queueTableIds } from './workbookRead';
import { checkGuard, queueGuard } from './writeGuard';

const AT_A1 = { headerRow: 0, firstColumn: 0 };
const columnOf = (key: IndicatorColumn) => INDICATOR_COLUMNS.findIndex((c) => c.key === key);

/**
 * 完成值 accepts 0 or more when typed (a cell's rule needs ExcelApi 1.8; 校验 checks it anyway).
 * Excel shows the alert to whoever types, whatever the pane's language: both, short.
 */
function actualRule(cells: Excel.Range, supports: ApiSupport): void {
  if (!supports('1.8')) return;
  // Cleared first, as the dropdowns are: the column's cells may carry the rule already.
  cells.dataValidation.clear();
  cells.dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
  cells.dataValidation.errorAlert = {
    showAlert: true,
    style: 'Stop',
    title: '完成值',
    message: '请填写0或正数；留空表示未填报。Enter 0 or a positive number.',
  };
}

/**
 * Writes the table `name` (the plan's: indicatorNamesFor) at A1 of a new sheet: the header and one
 * row per seed (one empty row when there are none, as an Excel table needs a data row). Queued;
 * synced by the caller. Returns the blocks whose data it changed, one per command.
 */
export function writeIndicatorSheet(
  sheet: Excel.Worksheet,
  seeds: readonly IndicatorSeed[],
  supports: ApiSupport,
  name: string,
): string[] {
  const rows: CellValue[][] = seeds.length
    ? indicatorSheetRows(seeds, AT_A1)
    : [placeRecord(specLayout(INDICATOR_SPEC), { rate: completionFormula(AT_A1, 0) })];
  // The share's formulas go in with the values: "=…" in a number column is a formula.
  const { table, written } = createSpecTable(
    sheet,
    INDICATOR_SPEC,
    { rows },
    { style: 'TableStyleMedium9', name },
  );
  table.getDataBodyRange().format.verticalAlignment = 'Top';
  for (const key of ['name', 'owner', 'note'] as const) {
    const letter = columnLetter(columnOf(key));
    sheet.getRange(`${letter}2:${letter}${rows.length + 1}`).format.wrapText = true;
  }
  const actualLetter = columnLetter(columnOf('actual'));
  actualRule(sheet.getRange(`${actualLetter}2:${actualLetter}${rows.length + 1}`), supports);
  sheet.freezePanes.freezeRows(1);
  // Printed as the ledger is: A4 landscape, 9 pt or more, the header on every page.
  printSetup(sheet, 0, supports, { widths: INDICATOR_SPEC.columns.map((c) => c.width), firstColumn: 0 });
  pageNumberFooter(sheet, supports);
  return [...written];
}

/** Which reference tables there are after a write that leaves (or makes) the plan's 指标 table. */
function tablesAfter(reference: Reference, ledgerTable: string) {
  return {
    directory: reference.health.directory !== 'missing',
    statuses: reference.health.statuses !== 'missing',
    indicators: true,
    planPart: reference.plan.partId,
    ledgerTable,
  };
}

/** The 指标 sheet and table of the plan whose ledger was read: each plan has its own. */
const namesOf = (from: { readonly read: LedgerRead; readonly reference: Reference }) =>
  indicatorNamesFor(from.read.location.tableName, from.reference.plan.plan);

/**
 * Queues what an indicator write reads back in its own request: the reference data (the 指标
 * table with it) and the ledger. Readable after the write's sync.
 */
function queueReadBackAfter(
  context: Excel.RequestContext,
  from: { readonly read: LedgerRead; readonly reference: Reference },
): () => { reference: Reference; read: LedgerRead | null } {
  const reference = queueReferenceRead(context, tablesAfter(from.reference, from.read.location.tableName));
  const readBack = queueReadBack(context, from.read.location);
  return () => ({ reference: reference(), read: readBack ? readBack() : null });
}

export interface IndicatorsWritten extends AfterWrite {
  readonly reference: Reference;
  readonly sheetName: string;
  readonly rows: number;
  /** A sheet of the user's already called 指标, without the table: left as it is, and not read. */
  readonly usersSheet?: string;
}

/**
 * Makes the 指标 sheet for a ledger that has none (adopted, or the user deleted it): two syncs,
 * one to look and one to write and read back. Refuses when the table exists; a sheet named 指标
 * that is not the table's is the user's, and the new sheet takes a free name.
 */
export async function createIndicatorSheet(
  context: Excel.RequestContext,
  from: { readonly read: LedgerRead; readonly reference: Reference },
  seeds: readonly IndicatorSeed[],
  supports: ApiSupport,
): Promise<IndicatorsWritten> {
  const { sheets, tables, structure } = loadOutline(context);
  await context.sync();
  if (structure.protected) throw workbookProtectedError();
  const wanted = namesOf(from);
  if (tables.items.some((t) => t.name.toLowerCase() === wanted.table.toLowerCase()))
    throw new LedgerError(
      {
        zh: `工作簿中已有本方案的指标表（表格 ${wanted.table}），未做更改。请刷新面板。`,
        en: `The workbook already has this plan's indicator table (${wanted.table}); nothing was changed.`,
      },
      'IndicatorsExist',
    );
  const name = freeSheetName(
    wanted.sheet,
    sheets.items.map((s) => s.name),
  );
  const usersSheet = sheets.items.find((s) => s.name.toLowerCase() === wanted.sheet.toLowerCase())?.name;
  const sheet = sheets.add(name);
  const blocks = writeIndicatorSheet(sheet, seeds, supports, wanted.table);
  sheet.activate();
  sheet.load('id');
  const after = queueReadBackAfter(context, from);
  const tableIds = queueTableIds(context, from.read.location.tableName);
  await context.sync();
  return {
    ...after(),
    tables: tableIds(),
    written: areasOn(sheet.id, blocks),
    selectionMoves: 1,
    tablesAdded: 1,
    sheetName: name,
    rows: seeds.length,
    ...(usersSheet ? { usersSheet } : {}),
  };
}

const same = (a: CellValue, b: CellValue) => (a ?? '') === (b ?? '');

export interface ActualWritten extends AfterWrite {
  readonly reference: Reference;
  /** The 完成值 cell, as 指标!F7. */
  readonly address: string;
}

function movedIndicator(address: string, name: string): LedgerError {
  return new LedgerError(
    {
      zh: `${address} 所在行已不是“${name}”（指标表可能刚被排序或修改），为避免写到别的指标，未做更改。请刷新后再试。`,
      en: `The row of ${address} is no longer "${name}" (the indicator table was just sorted or edited); nothing was changed. Refresh and try again.`,
    },
    'StaleIndicator',
  );
}

function staleActual(address: string, now: CellValue): LedgerError {
  return new LedgerError(
    {
      zh: `${address} 的完成值已被改为“${String(now ?? '')}”（可能是他人同时编辑），为避免覆盖，未做更改。请刷新后再试。`,
      en: `${address} now holds "${String(now ?? '')}"; nothing was overwritten. Refresh and try again.`,
    },
    'StaleIndicator',
  );
}

/**
 * Writes one indicator's 完成值 (and today's 更新日期) in two syncs: find its row by 序号,
 * name and owner in the table as it is now, check the cell still holds what the pane showed,
 * then write and read the table and the ledger back.
 */
export async function setIndicatorActual(
  context: Excel.RequestContext,
  from: { readonly read: LedgerRead; readonly reference: Reference },
  indicator: Pick<Indicator, 'no' | 'name' | 'owner' | 'actualCell'>,
  value: number | null,
  today: Day,
): Promise<ActualWritten> {
  const loaded = loadIndicatorTable(context, namesOf(from).table);
  await context.sync();
  const table = loaded.now();
  const key = indicatorKey(indicator);
  const matches = table.indicators.filter((i) => indicatorKey(i) === key);
  const actualColumn = table.columns.actual;
  if (matches.length !== 1 || actualColumn === undefined)
    throw new LedgerError(
      {
        zh: `指标表中${matches.length ? '有多行' : '找不到'}第${indicator.no ?? ''}项的“${indicator.name}”${matches.length ? '，无法确定要写哪一行' : '（可能已被删除或改名）'}，未做更改。请刷新面板。`,
        en: `The indicator "${indicator.name}" of task ${indicator.no ?? ''} is ${matches.length ? 'listed more than once' : 'no longer in the table'}; nothing was changed.`,
      },
      'IndicatorNotFound',
    );
  const row = matches[0].row;
  const cell = loaded.table.getDataBodyRange().getCell(row, actualColumn);
  if (!same(matches[0].actualCell, indicator.actualCell)) {
    cell.load('address');
    await context.sync();
    throw staleActual(plainAddress(cell.address), matches[0].actualCell);
  }
  const body = () => loaded.table.getDataBodyRange();
  // The cells once more, just before they are written: a co-author's edit since the check is put back.
  // And the row is still that indicator: its 序号, 指标 and 责任单位 as found (rows sorted between
  // the two requests would send the value to another indicator).
  const identity = (['no', 'name', 'owner'] as const).flatMap((key) => {
    const column = table.columns[key];
    return column === undefined
      ? []
      : [{ cell: body().getCell(row, column), expected: loaded.body.values[row][column] as CellValue }];
  });
  const guard = queueGuard([
    { cell: body().getCell(row, actualColumn), expected: matches[0].actualCell },
    ...identity,
    ...(table.columns.updated !== undefined ? [{ cell: body().getCell(row, table.columns.updated) }] : []),
  ]);
  cell.values = [[value ?? '']];
  cell.load('address');
  /** Each command: the value it left, unknown for a format. */
  const cells: { cell: Excel.Range; value?: CellValue }[] = [{ cell, value: value ?? '' }];
  if (table.columns.updated !== undefined) {
    const updated = loaded.table.getDataBodyRange().getCell(row, table.columns.updated);
    updated.numberFormat = [['yyyy-mm-dd']];
    updated.values = [[serialFromDay(today, from.reference.dateSystem)]];
    updated.load('address');
    // Its format and its value: two commands.
    cells.push({ cell: updated }, { cell: updated, value: serialFromDay(today, from.reference.dateSystem) });
  }
  const after = queueReadBackAfter(context, from);
  await context.sync();
  await checkGuard(context, guard, (moved) =>
    moved.index === 0 ? staleActual(moved.address, moved.now) : movedIndicator(moved.address, indicator.name),
  );
  return {
    address: plainAddress(cell.address),
    ...after(),
    written: cells.map((c) => ({
      worksheetId: loaded.sheet.id,
      address: localAddress(c.cell.address),
      ...(c.value === undefined ? {} : { values: [[c.value]] }),
    })),
    selectionMoves: 0,
  };
}

/**
 * Appends the seeds 重新识别 proposed, in two syncs: seeds the table has meanwhile gained are
 * skipped, and no existing row is touched.
 */
export async function addIndicatorRows(
  context: Excel.RequestContext,
  from: { readonly read: LedgerRead; readonly reference: Reference },
  seeds: readonly IndicatorSeed[],
  supports: ApiSupport,
): Promise<IndicatorsWritten> {
  const names = namesOf(from);
  const loaded = loadIndicatorTable(context, names.table);
  const room = queueRoomBelow(loaded.table);
  await context.sync();
  const table: IndicatorTable = loaded.now();
  if (table.missing.length)
    throw new LedgerError(
      {
        zh: '指标表缺少“序号”“指标”“目标值”或“完成值”列，未添加。请恢复列标题后再试。',
        en: 'The indicator table lacks a required column; nothing was added.',
      },
      'ColumnMissing',
    );
  const have = new Set(table.indicators.map(indicatorKey));
  const fresh = seeds.filter((s) => !have.has(indicatorKey(s)));
  const header = loaded.header.values[0] as CellValue[];
  const layout: TableLayout<IndicatorColumn> = {
    columns: table.columns,
    width: header.length,
    missing: table.missing,
  };
  // 完成率 by this-row references to the table's own headers: the user's column order and
  // header spelling hold, and Excel's calculated column cannot spread a wrong formula.
  const rate = structuredRateFormula(
    names.table,
    cellText(header[table.columns.actual ?? -1]),
    cellText(header[table.columns.target ?? -1]),
  );
  // The new rows keep the table's own column order, whatever the user made it.
  const rows = fresh.map((seed) => placeRecord(layout, { ...seedRecord(seed), rate }));
  let appended: Appended | null = null;
  if (rows.length) {
    appended = appendSpecRows(loaded.table, INDICATOR_SPEC, layout, rows, {
      clearBelow: room.clear(),
      supports,
      columnRules: (body) => {
        const actual = table.columns.actual;
        if (actual !== undefined) actualRule(body.getColumn(actual), supports);
      },
    });
  }
  const after = queueReadBackAfter(context, from);
  await context.sync();
  const cell = appended?.occupied() ?? null;
  if (appended && cell !== null) {
    appended.restore();
    await context.sync();
    throw occupiedBelow(loaded.sheet.name, cell);
  }
  await fitAppended(context, loaded.table, [appended], supports);
  // Two commands change the new rows' cells: their formats, their values.
  const block = appended ? appended.address() : null;
  return {
    ...after(),
    written: areasOn(loaded.sheet.id, block ? [block, block] : []),
    selectionMoves: 0,
    sheetName: loaded.sheet.name,
    rows: rows.length,
  };
}
