// The ledger table's look and behaviour: column widths and formats, the status dropdown,
// conditional formats and print setup. Shared by creating and adopting a ledger.
import {
  APPROVAL_CHOICES,
  LEDGER_COLUMNS,
  OVERDUE,
  printPages,
  STATUS_COLOURS,
  type ColumnKey,
  type HeaderMap,
} from '../ledger';
import { columnLetter } from './cells';
import { STATUS_NAME, STATUS_TABLE } from './names';
import type { ApiSupport } from './requirements';

/** Excel column widths are in points; a Chinese character is about 12 at 11 pt. */
export const POINTS_PER_CHARACTER = 12;

export interface LedgerArea {
  readonly sheet: Excel.Worksheet;
  readonly table: Excel.Table;
  /** 0-based sheet row of the header row. */
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly rowCount: number;
  readonly header: HeaderMap;
}

/** One number format for each cell of a one-column block: Excel wants the range's exact shape. */
export function formats(rows: number, format: string): string[][] {
  return Array.from({ length: rows }, () => [format]);
}

function columnRange(area: LedgerArea, key: ColumnKey): Excel.Range | null {
  const index = area.header.columns[key];
  if (index === undefined) return null;
  const letter = columnLetter(area.firstColumn + index);
  return area.sheet.getRange(`${letter}${area.headerRow + 2}:${letter}${area.headerRow + 1 + area.rowCount}`);
}

/**
 * The ledger's look beyond what its table spec sets (number formats, widths): text columns
 * wrap, 序号 is centred, rows align to the top so a long task reads from its first line.
 */
export function ledgerLook(area: LedgerArea): void {
  for (const column of LEDGER_COLUMNS) {
    const range = column.format === '@' ? columnRange(area, column.key) : null;
    if (range) range.format.wrapText = true;
  }
  const no = columnRange(area, 'no');
  if (no) no.format.horizontalAlignment = 'Center';
  area.table.getDataBodyRange().format.verticalAlignment = 'Top';
}

/** Where the dropdown takes its list from: a defined name on a status table's column (TaskStatusChoices unless named), or the list itself. */
export type StatusSource = { readonly name?: string } | 'inline';

/** The status list kept in 单位名录. */
export const DIRECTORY_STATUS_SOURCE: StatusSource = {};

/**
 * The status column through a defined name: a list validation cannot name a table column
 * directly, a fixed address would miss a status the user appends, and the name follows the
 * table when it or its header is renamed (issue 23, item 16).
 */
export function statusListFormula(name: string = STATUS_NAME): string {
  return `=${name}`;
}

/**
 * An in-cell list with a Stop alert on the given cells. Data validation is ExcelApi 1.8: below
 * it (volume-licensed Excel 2019) there is no dropdown, and the pane's status dropdowns and the
 * 校验 tab cover status entry. Returns whether the dropdown was set.
 */
export function setStatusValidation(
  range: Excel.Range,
  statuses: readonly string[],
  source: StatusSource,
  supports: ApiSupport,
): boolean {
  if (!supports('1.8')) return false;
  range.dataValidation.clear();
  range.dataValidation.rule = {
    list: {
      inCellDropDown: true,
      // The list lives in a table the user can edit; inline only when that table is absent.
      source: source === 'inline' ? statuses.join(',') : statusListFormula(source.name),
    },
  };
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: 'Stop',
    title: '状态',
    // Excel shows this to whoever types, whatever the pane's language: both languages, short.
    message:
      source === 'inline'
        ? `请从下拉列表中选择：${statuses.join('、')}。Choose a status from the list.`
        : // Names no sheet and no statuses: the list's sheet may be renamed or deleted and the list edited later.
          `请从下拉列表中选择状态。列表取自表格 ${STATUS_TABLE}；该表缺失时，请在任务台账面板的“校验”页重建。Choose a status from the list (table ${STATUS_TABLE}; if it is gone, rebuild it on the pane's 校验 tab).`,
  };
  return true;
}

/** The status dropdown on the ledger's 状态 column; false when the host cannot show one. */
export function statusDropdown(
  area: LedgerArea,
  statuses: readonly string[],
  source: StatusSource,
  supports: ApiSupport,
): boolean {
  const range = columnRange(area, 'status');
  return range ? setStatusValidation(range, statuses, source, supports) : false;
}

/**
 * 是/否 as an in-cell list on 延期批准 (empty stays allowed: not yet decided). Like the status
 * dropdown it needs ExcelApi 1.8; below it the 校验 tab reports any other value.
 */
export function approvalDropdown(area: LedgerArea, supports: ApiSupport): boolean {
  if (!supports('1.8')) return false;
  const range = columnRange(area, 'extendApproved');
  if (!range) return false;
  range.dataValidation.clear();
  range.dataValidation.rule = {
    list: { inCellDropDown: true, source: APPROVAL_CHOICES.join(',') },
  };
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: 'Stop',
    title: '延期批准',
    message: '请选择“是”或“否”，未决定时留空。Choose 是 (yes) or 否 (no), or leave it empty.',
  };
  return true;
}

export function conditionalFormats(area: LedgerArea): void {
  const status = columnRange(area, 'status');
  if (status) {
    for (const [text, colour] of Object.entries(STATUS_COLOURS)) {
      const cf = status.conditionalFormats.add('ContainsText');
      cf.textComparison.format.fill.color = colour.fill;
      cf.textComparison.format.font.color = colour.font;
      cf.textComparison.rule = { operator: 'Contains', text };
    }
  }
  const deadline = columnRange(area, 'deadline');
  const statusIndex = area.header.columns.status;
  if (deadline && statusIndex !== undefined) {
    const first = area.headerRow + 2;
    const d = columnLetter(area.firstColumn + (area.header.columns.deadline as number));
    const s = columnLetter(area.firstColumn + statusIndex);
    const cf = deadline.conditionalFormats.add('Custom');
    // An approved extension not yet past keeps 完成时限 from showing overdue, as the light does.
    const to = area.header.columns.extendTo;
    const approved = area.header.columns.extendApproved;
    const extended =
      to !== undefined && approved !== undefined
        ? `,NOT(AND($${columnLetter(area.firstColumn + approved)}${first}="是",ISNUMBER($${columnLetter(area.firstColumn + to)}${first}),$${columnLetter(area.firstColumn + to)}${first}>=TODAY()))`
        : '';
    cf.custom.rule.formula = `=AND(ISNUMBER($${d}${first}),$${d}${first}<TODAY(),$${s}${first}<>"已完成"${extended})`;
    cf.custom.format.font.color = OVERDUE.font;
    cf.custom.format.fill.color = OVERDUE.fill;
  }
  const progress = columnRange(area, 'progress');
  if (progress) {
    const bar = progress.conditionalFormats.add('DataBar');
    bar.dataBar.positiveFormat.fillColor = '#5B9BD5';
  }
}

/**
 * A sheet's columns as they print: their widths (Chinese characters) from the sheet's left-most
 * table column. Known for the sheets the add-in makes; an adopted sheet keeps the user's widths.
 */
export interface PrintedColumns {
  readonly widths: readonly number[];
  readonly firstColumn: number;
}

/**
 * After the sync, whether Excel kept the fit to pages asked for: Excel on Windows may ignore it
 * while the Page Layout tab is not selected (office-js #1860), so it is read back, not assumed.
 */
export type FitKept = () => boolean;

/**
 * A4 landscape, the header row repeated. With the columns known, they go onto page-wide groups
 * with the 序号 repeated at the left, printed over then down, at a zoom that keeps 11 pt type at
 * 9 pt or more; otherwise (an adopted sheet, the user's widths) one page wide. Needs ExcelApi 1.9:
 * null without it.
 */
export function printSetup(
  sheet: Excel.Worksheet,
  headerRow: number,
  supports: ApiSupport,
  columns?: PrintedColumns,
): FitKept | null {
  if (!supports('1.9')) return null;
  const layout = sheet.pageLayout;
  layout.orientation = 'Landscape';
  layout.paperSize = 'A4';
  layout.centerHorizontally = true;
  layout.setPrintTitleRows(`$${headerRow + 1}:$${headerRow + 1}`);
  if (!columns) {
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    // Read back in the same request: the zoom as Excel kept it.
    layout.load('zoom');
    return () => layout.zoom.horizontalFitToPages === 1;
  }
  // A scale is set whichever tab is selected (office-js #1860 concerns fit to pages only).
  const scaled = () => true;
  const pages = printPages(columns.widths);
  layout.zoom = { scale: pages.scale };
  if (pages.breaks.length === 0) return scaled;
  const first = columnLetter(columns.firstColumn);
  const titles = columnLetter(columns.firstColumn + pages.titleColumns - 1);
  layout.setPrintTitleColumns(`$${first}:$${titles}`);
  layout.printOrder = 'OverThenDown';
  // The cell right of each break ("the range immediately after the page break",
  // PageBreakCollection.add), in the header row, within the printed area.
  for (const at of pages.breaks)
    sheet.verticalPageBreaks.add(`${columnLetter(columns.firstColumn + at)}${headerRow + 1}`);
  return scaled;
}

/**
 * 第 N 页 共 M 页 at the foot of a sheet the add-in made (ExcelApi 1.9). Never on an adopted sheet:
 * a footer its owner wrote stays theirs.
 */
export function pageNumberFooter(sheet: Excel.Worksheet, supports: ApiSupport): void {
  if (supports('1.9')) sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = '第 &P 页 共 &N 页';
}
