// Creates the ledger: sheets 任务台账 and 单位名录, the plan's tasks (the built-in plan's, or an
// imported one's, whose plan is then stored in the workbook) as a table with a title above it, status dropdown, conditional formats, frozen header, widths and print setup.
// Two syncs: one to look, one to write. It refuses when a ledger exists and never overwrites
// a sheet: a name already taken gets a numbered free one.
import {
  DEFAULT_STATUSES,
  LEDGER_COLUMNS,
  LEDGER_SPEC,
  mapHeaders,
  printPages,
  NOTE_FONT,
  OFFICIAL_TASKS,
  placeRecord,
  planLedgerRecords,
  planLedgerSpec,
  headersOf,
  seedsForTasks,
  specLayout,
  builtInPlan,
  ledgerSheetTitle,
  directoryOfRows,
  DIRECTORY_SPEC,
  indicatorNamesFor,
  ledgerNamesFor,
  readDirectoryTable,
  unitsToAdd,
  type CellValue,
  type ColumnKey,
  type Plan,
} from '../ledger';
import { columnLetter } from './cells';
import { pointStatusName, writeDirectoryTable, writeStatusTable } from './directorySheet';
import { writeIndicatorSheet } from './indicatorSheet';
import { appendSpecRows, createSpecTable, queueSpecTableRead } from './specTable';
import { LedgerError, workbookProtectedError } from './errors';
import {
  approvalDropdown,
  conditionalFormats,
  DIRECTORY_STATUS_SOURCE,
  ledgerLook,
  pageNumberFooter,
  printSetup,
  statusDropdown,
} from './ledgerFormat';
import { loadOutline } from './outline';
import {
  DIRECTORY_SHEET,
  DIRECTORY_TABLE,
  freeSheetName,
  LEDGER_SHEET,
  LEDGER_TABLE,
  STATUS_TABLE,
} from './names';
import { queueLedgerId } from './ledgerId';
import { areasOn, type AfterWrite } from './ownWrites';
import { queueLedgerRead, type LedgerRead } from './readLedger';
import { planWritten, queuePlanParts, queuePlanWrite, refuseOversizedPlan } from './planPart';
import { queueTableIds } from './workbookRead';
import { queueReferenceRead, type Reference } from './reference';
import type { ApiSupport } from './requirements';

export interface CreateOptions {
  readonly supports: ApiSupport;
  readonly sheetName?: string;
  readonly tableName?: string;
  /** Also create 单位名录 with the unit directory and status list (default true). */
  readonly withDirectory?: boolean;
  /** Also create 指标 with the targets the tasks' text sets, when it sets any (default true). */
  readonly withIndicators?: boolean;
  /**
   * Give the workbook a new ledger id (default true). The self-test's temporary ledger does not:
   * the workbook's own ledger keeps its id, and the return forms sent out with it still match.
   */
  readonly withLedgerId?: boolean;
  readonly rows?: readonly (readonly CellValue[])[];
  /**
   * An imported plan: its tasks become the rows (unless rows are given), its title the sheet's,
   * its units 单位名录's, and the plan is stored in the workbook. Without it, the built-in plan.
   */
  readonly plan?: Plan;
}

export interface CreateResult extends AfterWrite {
  readonly read: LedgerRead;
  /** The unit directory and status list as the workbook now has them. */
  readonly reference: Reference;
  readonly sheetName: string;
  readonly tableName: string;
  readonly taskCount: number;
  readonly directorySheet: string | null;
  /** Units another plan's import added to the shared 单位名录 (those it did not know yet). */
  readonly unitsAdded: number;
  /** The 指标 sheet made with the ledger, and how many indicators it holds. */
  readonly indicatorSheet: { readonly name: string; readonly rows: number } | null;
  /**
   * Sheets of the user's that already had the names 单位名录 and 指标 without the add-in's
   * tables: left as they are and not read, while ours took free names.
   */
  readonly usersSheets: { readonly directory: string | null; readonly indicators: string | null };
  readonly printSetup: boolean;
  /** False below ExcelApi 1.8, where cells cannot carry a dropdown. */
  readonly statusDropdown: boolean;
}

/** A new ledger row in the spec's column order: 序号, wording, 责任单位, 未启动, the rest empty. */
const newRow = (record: Partial<Record<ColumnKey, CellValue>>): CellValue[] =>
  placeRecord(specLayout(LEDGER_SPEC), { status: '未启动', ...record });

export function officialLedgerRows(): CellValue[][] {
  return OFFICIAL_TASKS.map((t) => newRow({ no: t.no, task: t.task, units: t.units }));
}

export async function createLedger(
  context: Excel.RequestContext,
  options: CreateOptions,
): Promise<CreateResult> {
  const wantedTable = options.tableName ?? LEDGER_TABLE;
  const withDirectory = options.withDirectory ?? true;
  // A plan too big for Excel on the web is refused before anything is asked of Excel.
  if (options.plan) refuseOversizedPlan(options.plan, wantedTable);
  const { sheets, tables, structure, statusName } = loadOutline(context);
  // The first ledger's plan part, which an imported plan replaces on a workbook without a ledger.
  const planPart = queuePlanParts(context, wantedTable);
  await context.sync();
  if (structure.protected) throw workbookProtectedError();

  const tableNames = tables.items.map((t) => t.name);
  const taken = tableNames.some((n) => n.toLowerCase() === wantedTable.toLowerCase());
  // An imported plan on a workbook that has a ledger becomes another ledger beside it, its names
  // from the plan's short name; 新建 and 采用 (no plan) still make only the first.
  const second = taken && options.plan !== undefined;
  const sheetNames = sheets.items.map((s) => s.name);
  const others = second && options.plan ? ledgerNamesFor(options.plan, tableNames) : null;
  const tableName = others?.table ?? wantedTable;
  if (taken && !second) {
    throw new LedgerError(
      {
        zh: `工作簿中已有任务台账（表格 ${tableName}），未做任何更改。如需重建，请先删除或改名原台账表格。`,
        en: `The workbook already has a ledger (table ${tableName}); nothing was changed.`,
      },
      'LedgerExists',
    );
  }
  const ledgerName = freeSheetName(others?.sheet ?? options.sheetName ?? LEDGER_SHEET, sheetNames);
  // An imported plan's units join a 单位名录 the workbook has, read in a request of its own (only this path needs it).
  const listedUnits =
    options.plan && withDirectory && tableNames.includes(DIRECTORY_TABLE)
      ? await readListedUnits(context)
      : null;
  const named = (name: string) => sheetNames.find((n) => n.toLowerCase() === name.toLowerCase()) ?? null;
  // A directory table the workbook has is read as it is; without one, ours is made, and a sheet
  // of the user's that is already called 单位名录 is left alone while ours takes a free name.
  const makeDirectory = withDirectory && !tableNames.includes(DIRECTORY_TABLE);
  const directoryName = makeDirectory ? freeSheetName(DIRECTORY_SHEET, [...sheetNames, ledgerName]) : null;

  // An imported plan's ledger keeps the annex's numbers and leaders in columns after the ledger's own.
  const spec = options.plan && !options.rows ? planLedgerSpec(options.plan) : LEDGER_SPEC;
  const header = headersOf(spec);
  const rows = (options.rows ?? (options.plan ? planLedgerRecords(options.plan) : officialLedgerRows())).map(
    (r) => [...r],
  );
  const at = (key: string) => LEDGER_COLUMNS.findIndex((c) => c.key === key);
  // An imported plan's indicators are owned as 单位名录 will read them (the members of 每个县（市）区).
  const seeds = seedsForTasks(
    rows.map((r) => ({
      no: typeof r[at('no')] === 'number' ? (r[at('no')] as number) : null,
      task: String(r[at('task')] ?? ''),
      unitsText: String(r[at('units')] ?? ''),
    })),
    options.plan ? directoryOfRows(listedUnits?.rows ?? [], options.plan) : undefined,
  );
  // Every unit the plan names, reaches through a 统称 or gives an indicator gets a row in 单位名录.
  const planRows = options.plan
    ? unitsToAdd(
        listedUnits?.rows ?? [],
        options.plan,
        seeds.map((s) => s.owner),
      )
    : null;
  // Each plan's ledger has its own 指标 (indicatorNamesFor says why): another plan's import makes
  // its own beside the first's. An existing table of that name is left as it is; a sheet already
  // so named keeps its name and ours takes a free one.
  const indicatorNames = indicatorNamesFor(tableName, options.plan ?? builtInPlan());
  const hasIndicators = tableNames.some((n) => n.toLowerCase() === indicatorNames.table.toLowerCase());
  const makeIndicators = (options.withIndicators ?? true) && seeds.length > 0 && !hasIndicators;
  const headerRow = 2;
  const widths = spec.columns.map((c) => c.width);
  // The title and the note span the first printed page's columns from B, so they print whole on
  // it, and column A (the 序号, repeated at the left of every printed page) is empty above the header.
  const spanned = printPages(widths).breaks[0] ?? header.length;
  const firstPage = columnLetter(spanned - 1);
  const blanks = Array.from({ length: spanned - 2 }, () => '');
  const sheet = sheets.add(ledgerName);
  const title = sheet.getRange(`B1:${firstPage}1`);
  title.merge();
  const ledgerTitle = ledgerSheetTitle((options.plan ?? builtInPlan()).title);
  title.values = [[ledgerTitle, ...blanks]];
  title.format.font.bold = true;
  title.format.font.size = 16;
  title.format.horizontalAlignment = 'Center';
  title.format.rowHeight = 30;
  const note = sheet.getRange(`B2:${firstPage}2`);
  note.merge();
  note.values = [
    [
      '说明：责任单位中标注（牵头）的单位为牵头单位，未标注时列第一位的单位视为牵头单位，其余为配合单位；状态请从下拉列表选择，进度填0–100的数字。',
      ...blanks,
    ],
  ];
  note.format.font.color = NOTE_FONT;
  note.format.wrapText = true;
  note.format.rowHeight = 30;

  // The table, its formats (before values: official wording and user text stay text) and widths
  // from the ledger's spec, as every table the add-in makes.
  const made = createSpecTable(
    sheet,
    spec,
    { rows },
    { style: 'TableStyleMedium2', row: headerRow, name: tableName },
  );
  const ledgerArea = {
    sheet,
    table: made.table,
    headerRow,
    firstColumn: 0,
    rowCount: rows.length,
    header: mapHeaders(header),
  };
  ledgerLook(ledgerArea);

  const statuses = DEFAULT_STATUSES;
  // The status list must exist before the dropdown that refers to it.
  const directorySheet = directoryName ? sheets.add(directoryName) : null;
  const directoryBlocks = directorySheet
    ? [
        ...writeDirectoryTable(directorySheet, 0, planRows ?? undefined),
        ...writeStatusTable(directorySheet, statuses),
      ]
    : [];
  if (directorySheet) pointStatusName(context, statusName);
  const sharedList = directoryName !== null || (second && tableNames.includes(STATUS_TABLE));
  const dropdown = statusDropdown(
    ledgerArea,
    statuses,
    sharedList ? DIRECTORY_STATUS_SOURCE : 'inline',
    options.supports,
  );
  const directoryAdded =
    listedUnits && planRows?.length ? listedUnits.append(planRows, options.supports) : null;
  approvalDropdown(ledgerArea, options.supports);
  conditionalFormats(ledgerArea);
  const indicatorName = makeIndicators
    ? freeSheetName(indicatorNames.sheet, [...sheetNames, ledgerName, directoryName ?? DIRECTORY_SHEET])
    : null;
  const indicatorSheet = indicatorName ? sheets.add(indicatorName) : null;
  const indicatorBlocks = indicatorSheet
    ? writeIndicatorSheet(indicatorSheet, seeds, options.supports, indicatorNames.table)
    : [];
  sheet.freezePanes.freezeRows(headerRow + 1);
  const printed = printSetup(sheet, headerRow, options.supports, { widths, firstColumn: 0 });
  pageNumberFooter(sheet, options.supports);
  sheet.activate();
  sheet.getRange(`A${headerRow + 2}`).select();
  if (options.withLedgerId ?? true) queueLedgerId(context, undefined, tableName);
  // What the pane shows next is read in the same request as the writes.
  sheet.load('id');
  directorySheet?.load('id');
  indicatorSheet?.load('id');
  const part = options.plan
    ? queuePlanWrite(context, options.plan, second ? null : planPart(), tableName)
    : null;
  const readBack = queueLedgerRead(context, tableName);
  const tableIds = queueTableIds(context, tableName);
  const reference = queueReferenceRead(context, {
    directory: makeDirectory || tableNames.includes(DIRECTORY_TABLE),
    statuses: makeDirectory || tableNames.includes(STATUS_TABLE),
    indicators: makeIndicators || hasIndicators,
    planPart: part ? null : planPart(),
    ledgerTable: tableName,
  });
  await context.sync();
  return {
    read: readBack(),
    // The plan was written in this request; the reference read queued beside it could not name its part yet.
    reference:
      part && options.plan ? { ...reference(), plan: planWritten(options.plan, part.id) } : reference(),
    tables: tableIds(),
    // The title, the note, the table block's formats, values and the table made over it.
    written: [
      ...areasOn(sheet.id, [`B1:${firstPage}1`, `B2:${firstPage}2`, ...made.written]),
      ...(directorySheet ? areasOn(directorySheet.id, directoryBlocks) : []),
      ...(indicatorSheet ? areasOn(indicatorSheet.id, indicatorBlocks) : []),
      ...(directoryAdded ? areasOn(directoryAdded.sheetId, [directoryAdded.rows.address()]) : []),
    ],
    selectionMoves: 2,
    tablesAdded: 1 + (makeDirectory ? 2 : 0) + (indicatorSheet ? 1 : 0),
    sheetName: ledgerName,
    tableName,
    taskCount: rows.length,
    directorySheet: directoryName,
    unitsAdded: directoryAdded && planRows ? planRows.length : 0,
    indicatorSheet: indicatorName ? { name: indicatorName, rows: seeds.length } : null,
    usersSheets: {
      directory: directoryName !== null && directoryName !== DIRECTORY_SHEET ? named(DIRECTORY_SHEET) : null,
      indicators:
        indicatorName !== null && indicatorName !== indicatorNames.sheet ? named(indicatorNames.sheet) : null,
    },
    printSetup: printed !== null,
    statusDropdown: dropdown,
  };
}

/**
 * Reads 单位名录's rows; append() then queues rows under the table (inserted rows: anything below
 * moves down, nothing is written over). One sync. Null for a 单位名录 without its 单位 column, which
 * names no unit: nothing is added to it, as nothing is read from it.
 */
async function readListedUnits(context: Excel.RequestContext) {
  const table = context.workbook.tables.getItem(DIRECTORY_TABLE);
  const read = queueSpecTableRead(table, DIRECTORY_SPEC);
  const sheet = context.workbook.tables.getItem(DIRECTORY_TABLE).worksheet;
  sheet.load('id');
  await context.sync();
  const { header, rows, layout } = read();
  const listed = readDirectoryTable(header, rows);
  if (!listed) return null;
  const keys = DIRECTORY_SPEC.columns.map((c) => c.key);
  return {
    rows: listed,
    append: (adds: readonly string[][], supports: ApiSupport) => {
      const placed = adds.map((row) =>
        placeRecord(layout, Object.fromEntries(keys.map((k, i) => [k, row[i]]))),
      );
      return {
        sheetId: sheet.id,
        // Inserted rows (clearBelow false) are the table's whatever AutoCorrect says: none to fit.
        rows: appendSpecRows(table, DIRECTORY_SPEC, layout, placed, { clearBelow: false, supports }),
      };
    },
  };
}
