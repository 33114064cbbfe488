// Summary sheets as neutral specs: rows of cells with semantic styles, widths, merges, print
// hints and charts. The Excel layer writes a spec one to one; every layout decision is here.
import { chineseDate, serialFromDay, type Day } from './dates';
import { indicatorLabel } from './indicators';
import { lightWord } from './lightWords';
import type { CellStyle } from './cellStyles';
import { BODY_PT, LANDSCAPE_CHARACTERS, MIN_PRINTED_PT } from './printPages';
import { LINE_HEIGHT, MAX_ROW_HEIGHT, neededHeight } from './printRows';
import {
  CHANGE_LABELS,
  changeText,
  completionTrend,
  reportDateLabel,
  type ReportHistory,
  type TrendPoint,
} from './snapshots';
import {
  behindDeadline,
  taskDeadline,
  taskExtension,
  exactDay,
  indicatorTotalLabel,
  unitIndicatorLines,
  unitTasks,
  type IndicatorLine,
  type SummaryModel,
} from './summary';
import { tasksForUnit } from './unitSelection';
import { roleLabel, UNIT_KIND_LABELS, type UnitDirectory } from './units';

export interface SpecCell {
  readonly value: string | number;
  readonly style: CellStyle;
}

export interface SpecRow {
  readonly cells: readonly SpecCell[];
  /** Merge the row across the sheet's width (titles). */
  readonly merge?: boolean;
}

export interface ChartSpec {
  readonly title: string;
  readonly type: 'ColumnClustered' | 'BarStacked' | 'Pie' | 'Line';
  /** Data block, header row and label column included, in sheet coordinates (0-based). */
  readonly data: {
    readonly row: number;
    readonly column: number;
    readonly rowCount: number;
    readonly columnCount: number;
  };
  /** Where the chart's top-left corner goes. */
  readonly anchor: { readonly row: number; readonly column: number };
  readonly size: { readonly width: number; readonly height: number };
}

export type SheetKind = 'overview' | 'behind' | 'unit';

/** What every printed page says at its foot: 制表单位 (left), 第 N 页 共 M 页, the 截至 date (right). */
export interface PrintFooter {
  /** The 制表单位 set in 设置; '' when not set. */
  readonly unit: string;
  readonly asOf: Day;
}

/**
 * The footer in the codes Excel and the .xlsx format share (&P page, &N pages), each part on its
 * own side. A '&' in the unit's name is doubled, so it prints as itself.
 */
export function footerCodes(footer: PrintFooter): { left: string; center: string; right: string } {
  const unit = footer.unit.trim().replace(/&/gu, '&&');
  return {
    left: unit ? `制表单位：${unit}` : '',
    center: '第 &P 页 共 &N 页',
    right: `截至${chineseDate(footer.asOf)}`,
  };
}

export interface SheetSpec {
  readonly kind: SheetKind;
  /** The preferred sheet name (valid for Excel); the Excel layer finds a free one if taken. */
  readonly name: string;
  readonly unit?: string;
  readonly title: string;
  readonly widths: readonly number[];
  readonly rows: readonly SpecRow[];
  /** 0-based rows to repeat at the top of each printed page (from the page they first print on). */
  readonly headerRows: readonly number[];
  /**
   * Freeze the rows down to the header: only when just the title stands above it, as a frozen
   * block taller than the window would not scroll.
   */
  readonly freeze: boolean;
  /**
   * 0-based rows that start a printed page: a sheet of several tables (the overview) starts each
   * with its heading at a page's top, so none begins on a page's last lines or runs on headless.
   */
  readonly pageBreaks: readonly number[];
  readonly print: {
    readonly orientation: 'Landscape' | 'Portrait';
    readonly fitToPagesWide: 1;
    readonly footer: PrintFooter;
  };
  readonly charts: readonly ChartSpec[];
}

const textCell = (value: string | number): SpecCell => ({ value, style: 'text' });
const numberCell = (value: number): SpecCell => ({ value, style: 'number' });
const percentCell = (value: number): SpecCell => ({ value, style: 'percent' });
const headerCell = (value: string): SpecCell => ({ value, style: 'header' });
const wrappedCell = (value: string): SpecCell => ({ value, style: 'wrap' });
/** A 完成时限 that is a day is a date cell; a month, a year or 长期 stays as the user wrote it. */
const deadlineCell = (text: string, day: Day | null): SpecCell =>
  day === null ? textCell(text) : { value: serialFromDay(day), style: 'date' };

const INVALID_SHEET_CHARS = /[:\\/?*[\]]/gu;

/** A name Excel accepts: no : \ / ? * [ ], not blank, at most 31 characters. */
/** Excel's limit on a sheet name's length. */
const SHEET_NAME_MAX = 31;

export function safeSheetName(name: string): string {
  const cleaned =
    name
      .replace(INVALID_SHEET_CHARS, '_')
      .replace(/^'+|'+$/gu, '')
      .trim() || '汇总';
  return Array.from(cleaned).slice(0, SHEET_NAME_MAX).join('');
}

/**
 * A sheet name not yet taken (Excel compares names without case): the wanted name, or it with
 * (2), (3)… shortened to fit 31 characters. Every sheet the add-in makes is named this way, in
 * the workbook and in the files.
 */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((name) => name.toLowerCase()));
  // Whatever it is made from ('~' + a 31-character name, say), a name never passes Excel's limit.
  let name = Array.from(wanted).slice(0, SHEET_NAME_MAX).join('');
  for (let n = 2; lower.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = `${Array.from(wanted)
      .slice(0, SHEET_NAME_MAX - suffix.length)
      .join('')}${suffix}`;
  }
  return name;
}

function asOfTitle(subject: string, asOf: Day): string {
  return `${subject}（截至${chineseDate(asOf)}）`;
}

function titleRows(title: string, subtitle: string, width: number): SpecRow[] {
  const pad = (cell: SpecCell) => [cell, ...Array.from({ length: width - 1 }, () => textCell(''))];
  return [
    { cells: pad({ value: title, style: 'title' }), merge: true },
    { cells: pad({ value: subtitle, style: 'subtitle' }), merge: true },
    { cells: [] },
  ];
}

const LEFT_OUT_REASON = {
  'no-number': '序号为空或不是正整数',
  'repeated-number': '序号与上面的行重复',
} as const;

/** The rows no summary counts, listed so nothing is dropped without a word. */
function leftOutRows(model: SummaryModel): SpecRow[] {
  if (model.leftOut.length === 0) return [];
  const listed = model.leftOut
    .slice(0, 20)
    .map((r) => {
      const number = r.no === null ? '' : `序号${r.no}，`;
      return `第${r.sheetRow}行（${number}${LEFT_OUT_REASON[r.reason]}）`;
    })
    .join('、');
  const more = model.leftOut.length > 20 ? `等${model.leftOut.length}行` : '';
  return [
    { cells: [] },
    {
      cells: [{ value: `未计入统计：台账${listed}${more}。请在“校验”中修正序号后重新生成。`, style: 'note' }],
      merge: true,
    },
  ];
}

/** The official tasks the ledger lacks, and where a lost one's text stands outside the table. */
function absentRows(model: SummaryModel): SpecRow[] {
  if (model.absent.length === 0) return [];
  const listed = model.absent.slice(0, 20).map((t) => t.no);
  const more = model.absent.length > listed.length ? `等${model.absent.length}项` : '';
  const outside = model.absent
    .filter((t) => t.outside !== null)
    .map((t) => `第${t.no}项的文本在表格下方的${t.outside}，不在台账表格内，未计入统计`);
  return [
    { cells: [] },
    {
      cells: [
        {
          value: `台账缺少正式任务：第${listed.join('、')}项${more}。${outside.length ? `${outside.join('；')}。` : ''}`,
          style: 'note',
        },
      ],
      merge: true,
    },
  ];
}

/** Amounts to two decimals: 0.1 + 0.2 added up shows as 0.3. */
const cents = (value: number) => Math.round(value * 100) / 100;
const amountCell = (value: number | null): SpecCell =>
  value === null ? textCell('') : { value: cents(value), style: 'number' };
const shareCell = (value: number | null): SpecCell => (value === null ? textCell('—') : percentCell(value));

function indicatorHeading(lines: readonly IndicatorLine[]): SpecRow {
  const reported = lines.filter((l) => l.actual !== null).length;
  const met = lines.filter((l) => l.share !== null && l.share >= 1).length;
  return {
    cells: [
      {
        value: `量化指标完成情况：共${lines.length}项，已填报${reported}项，已达目标${met}项。`,
        style: 'subtitle',
      },
    ],
    merge: true,
  };
}

/**
 * The overview's block: each indicator, its target, actual and share, and under an indicator
 * carried in parts (by each county) its total. Different indicators are never added up.
 */
function overviewIndicatorRows(model: SummaryModel): SpecRow[] {
  const { lines, totals } = model.indicators;
  if (lines.length === 0) return [];
  const rows: SpecRow[] = [{ cells: [] }, indicatorHeading(lines)];
  rows.push({
    cells: ['指标', '序号', '目标值', '完成值', '完成率', '计量单位'].map(headerCell),
  });
  lines.forEach((line, i) => {
    rows.push({
      cells: [
        wrappedCell(indicatorLabel(line, line.taskUnits)),
        numberCell(line.no),
        amountCell(line.target),
        amountCell(line.actual),
        shareCell(line.share),
        textCell(line.measure),
      ],
    });
    for (const total of totals.filter((t) => t.after === i))
      rows.push({
        cells: [
          { value: indicatorTotalLabel(total), style: 'totalLabel' },
          { value: '', style: 'total' },
          { value: cents(total.target), style: 'total' },
          { value: total.actual === null ? '' : cents(total.actual), style: 'total' },
          total.share === null
            ? { value: '—', style: 'total' }
            : { value: total.share, style: 'totalPercent' },
          { value: total.measure, style: 'totalLabel' },
        ],
      });
  });
  return rows;
}

function unitIndicatorRows(lines: readonly IndicatorLine[]): SpecRow[] {
  if (lines.length === 0) return [];
  return [
    { cells: [] },
    indicatorHeading(lines),
    { cells: ['序号', '指标', '责任单位', '目标值', '完成值', '完成率', '计量单位'].map(headerCell) },
    ...lines.map((line) => ({
      cells: [
        numberCell(line.no),
        wrappedCell(line.name),
        wrappedCell(line.owner),
        amountCell(line.target),
        amountCell(line.actual),
        shareCell(line.share),
        textCell(line.measure),
      ],
    })),
  ];
}

export interface SpecOptions {
  readonly planTitle?: string;
  readonly directory?: UnitDirectory;
  /** The earlier reports, when the workbook keeps them: the overview then says what changed. */
  readonly history?: ReportHistory;
  /** The 制表单位 for the printed footer (the sender set in 设置). */
  readonly maker?: string;
  /** 本期应报…已报…逾期未报… from 报送登记; absent when no round was issued. */
  readonly reporting?: string;
}

/**
 * A4 landscape, one page wide. The columns add up to at most PRINT_WIDTH characters, so fitting
 * the width keeps 11 pt type at 9 pt or more as printed (about 61 characters fill the width at 100%).
 */
const landscape = (model: SummaryModel, options: SpecOptions) =>
  ({
    orientation: 'Landscape',
    fitToPagesWide: 1,
    footer: { unit: options.maker ?? '', asOf: model.asOf },
  }) as const;

/** Characters of column width a landscape A4 page takes with type printed at 9 pt or more. */
export const PRINT_WIDTH = Math.floor((LANDSCAPE_CHARACTERS * BODY_PT) / MIN_PRINTED_PT);

const clip = (text: string, n: number) =>
  Array.from(text).length > n ? `${Array.from(text).slice(0, n).join('')}…` : text;

/**
 * A note naming the tasks whose text is longer than Excel's tallest row holds: the row prints cut
 * at 409 pt (its 序号, 工作任务 and 牵头单位 still print), so the clerk knows where the rest is.
 */
function cutRows(rows: readonly SpecRow[], widths: readonly number[], numbers: readonly number[]): SpecRow[] {
  const cut = numbers.filter((_, i) => (neededHeight(rows[i].cells, widths) ?? 0) > MAX_ROW_HEIGHT);
  if (cut.length === 0) return [];
  return [
    {
      cells: [
        {
          value: `注：第${cut.join('、')}项的文字超过一行所能打印的长度（409磅），打印时只显示前一部分，全文见任务台账。`,
          style: 'note',
        },
      ],
      merge: true,
    },
  ];
}

/** 本期变化 at the overview's top: one sentence (the tables follow at the sheet's end). */
const changeSentenceRows = (history: ReportHistory): SpecRow[] => [
  { cells: [{ value: `本期变化：${history.changes.sentence}`, style: 'subtitle' }], merge: true },
  { cells: [] },
];

/**
 * 本期变化's tables, last on the overview: the units whose completion share moved, then each task
 * that moved once with all its changes on one line and every label the sentence counts. The task
 * list can run over pages, so it comes last and its header is the one the sheet repeats (a
 * repeated header stands over every page from its first, and nothing but changes follows it).
 */
function changeTableRows(history: ReportHistory): { rows: SpecRow[]; header: number | null } {
  const { changes } = history;
  if (changes.previous === null) return { rows: [], header: null };
  const rows: SpecRow[] = [{ cells: [{ value: '本期变化（与上期相比）', style: 'subtitle' }], merge: true }];
  const moved = changes.units.filter((u) => u.before !== null && u.before !== u.now);
  if (moved.length) {
    rows.push({ cells: ['责任单位', '上期完成率', '本期完成率', '变化(百分点)'].map(headerCell) });
    for (const u of moved)
      rows.push({
        cells: [
          textCell(u.name),
          percentCell(u.before as number),
          percentCell(u.now),
          textCell(pointsMoved(u.before as number, u.now)),
        ],
      });
  } else rows.push({ cells: [{ value: '各单位完成率与上期相同。', style: 'note' }], merge: true });
  rows.push({ cells: [] });
  if (changes.lines.length === 0) {
    rows.push({
      cells: [{ value: '与上期相比，各项任务的状态、预警和进度均无变化。', style: 'note' }],
      merge: true,
    });
    return { rows, header: null };
  }
  const header = rows.length;
  rows.push({ cells: ['工作任务', '变化（类别：变化情况）'].map(headerCell) });
  for (const line of changes.lines) {
    const labels = line.kinds.map((kind) => CHANGE_LABELS[kind]).join('、');
    rows.push({
      cells: [
        wrappedCell(`第${line.no}项 ${clip(line.task, 40)}`),
        // Not wrapped: the line runs on over the empty columns to its right, as one line.
        textCell(`【${labels}】${changeText(line)}`),
      ],
    });
  }
  return { rows, header };
}

/** Percentage points a share moved, signed, one decimal: +3.6, -12.5. */
function pointsMoved(before: number, now: number): string {
  const points = Math.round((now - before) * 1000) / 10;
  return `${points > 0 ? '+' : ''}${points.toFixed(1)}`;
}

/** Rows a chart beside a trend table needs, so the next block starts below the chart. */
const TREND_BLOCK_ROWS = 13;

/** The completion rate at each report date, and a line chart of it beside the table. */
function trendRows(
  points: readonly TrendPoint[],
  top: number,
  firstColumn: number,
  lead: readonly SpecCell[],
  title: string,
): { rows: SpecRow[]; chart: ChartSpec } | null {
  if (points.length < 2) return null;
  const rows: SpecRow[] = [
    { cells: [...lead, ...['报告日期', '完成率', '已完成', '任务数'].map(headerCell)] },
    ...points.map((p) => ({
      cells: [
        ...lead.map(() => textCell('')),
        textCell(reportDateLabel(p.date)),
        percentCell(p.rate),
        numberCell(p.done),
        numberCell(p.total),
      ],
    })),
  ];
  while (rows.length < TREND_BLOCK_ROWS) rows.push({ cells: [] });
  return {
    rows,
    chart: {
      title,
      type: 'Line',
      data: { row: top, column: firstColumn, rowCount: points.length + 1, columnCount: 2 },
      anchor: { row: top, column: firstColumn + 5 },
      size: { width: 420, height: 220 },
    },
  };
}

export function overviewSheet(model: SummaryModel, options: SpecOptions = {}): SheetSpec {
  const plan = options.planTitle ?? model.names.title;
  const statusHeaders = model.statuses.map(headerCell);
  const width = 1 + model.statuses.length + 6;
  const rows: SpecRow[] = titleRows(
    asOfTitle(`${plan}推进情况汇总`, model.asOf),
    `共${model.total}项任务，已完成${model.completed}项，完成率${(model.completionRate * 100).toFixed(1)}%；逾期${model.overdue}项，${model.extended ? `已延期${model.extended}项，` : ''}红灯${model.lights.red}项，黄灯${model.lights.yellow}项。`,
    width,
  );
  if (options.history) rows.push(...changeSentenceRows(options.history));
  if (options.reporting)
    rows.push({ cells: [{ value: options.reporting, style: 'subtitle' }], merge: true }, { cells: [] });
  const statusTop = rows.length;
  rows.push({ cells: [headerCell('状态'), headerCell('任务数'), headerCell('占比')] });
  for (const s of model.byStatus)
    rows.push({ cells: [textCell(s.status), numberCell(s.count), percentCell(s.share)] });
  if (model.otherStatus > 0)
    rows.push({
      cells: [
        textCell('未填写或不规范'),
        numberCell(model.otherStatus),
        percentCell(model.total ? model.otherStatus / model.total : 0),
      ],
    });
  const statusRows = rows.length - statusTop;
  rows.push({
    cells: [
      { value: '合计', style: 'total' },
      { value: model.total, style: 'total' },
      { value: model.total ? 1 : 0, style: 'totalPercent' },
    ],
  });
  rows.push({ cells: [] });
  rows.push({ cells: [headerCell('指标'), headerCell('数值')] });
  rows.push({ cells: [textCell('完成率'), percentCell(model.completionRate)] });
  rows.push({
    cells: [textCell('逾期任务'), { value: model.overdue, style: model.overdue ? 'red' : 'number' }],
  });
  // Said only where an extension was approved: a ledger without the 延期 columns reads as before.
  if (model.extended) rows.push({ cells: [textCell('已延期任务'), numberCell(model.extended)] });
  rows.push({
    cells: [textCell('红灯'), { value: model.lights.red, style: model.lights.red ? 'red' : 'number' }],
  });
  rows.push({
    cells: [
      textCell('黄灯'),
      { value: model.lights.yellow, style: model.lights.yellow ? 'yellow' : 'number' },
    ],
  });
  rows.push({ cells: [textCell('绿灯'), numberCell(model.lights.green)] });
  rows.push({ cells: [] });
  const unitTop = rows.length;
  const pageBreaks = model.units.length ? [unitTop] : [];
  // Name and status columns first, side by side, so the stacked bar chart reads one block.
  rows.push({
    cells: [
      headerCell('责任单位'),
      ...statusHeaders,
      headerCell('合计'),
      headerCell('牵头'),
      headerCell('配合'),
      headerCell('逾期'),
      headerCell('完成率'),
      headerCell('类别'),
    ],
  });
  for (const u of model.units) {
    rows.push({
      cells: [
        wrappedCell(u.name),
        ...u.byStatus.map(numberCell),
        numberCell(u.total),
        numberCell(u.led),
        numberCell(u.joined),
        { value: u.overdue, style: u.overdue ? 'red' : 'number' },
        percentCell(u.completionRate),
        textCell(UNIT_KIND_LABELS[u.kind]),
      ],
    });
  }
  const indicatorRows = overviewIndicatorRows(model);
  // The block opens with a blank row, then its heading: the heading starts the page.
  if (indicatorRows.length) pageBreaks.push(rows.length + 1);
  rows.push(...indicatorRows);
  rows.push({ cells: [] });
  const trendTop = rows.length + 1;
  const trend = options.history ? trendRows(options.history.trend, trendTop, 0, [], '完成率趋势') : null;
  if (trend) {
    pageBreaks.push(rows.length);
    rows.push(
      { cells: [{ value: '完成率趋势（历次报告）', style: 'subtitle' }], merge: true },
      ...trend.rows,
    );
  }
  rows.push({
    cells: [
      {
        // The 统称 clause only where the table has a 统称 row: a plan naming none has nothing so shared.
        value: model.units.some((u) => u.kind === 'collective')
          ? '注：标注（牵头）的单位为牵头单位；未标注时，列第一位的单位视为牵头单位；县（市）区政府与学校的任务含经“各县（市）人民政府”等统称分配的任务。'
          : '注：标注（牵头）的单位为牵头单位；未标注时，列第一位的单位视为牵头单位。',
        style: 'note',
      },
    ],
    merge: true,
  });
  rows.push(...leftOutRows(model), ...absentRows(model));
  const barTop = rows.length + 1;
  const barHeight = Math.max(240, 22 * model.units.length + 80);
  const changeTable = options.history ? changeTableRows(options.history) : { rows: [], header: null };
  let headerRows: number[] = [];
  if (changeTable.rows.length) {
    // Below the unit bar chart (Excel draws it over these rows), on a page of its own.
    const chartRows = model.units.length ? Math.ceil(barHeight / LINE_HEIGHT) + 2 : 1;
    for (let i = 0; i < chartRows; i++) rows.push({ cells: [] });
    pageBreaks.push(rows.length);
    if (changeTable.header !== null) headerRows = [rows.length + changeTable.header];
    rows.push(...changeTable.rows);
  }

  const charts: ChartSpec[] = [
    {
      title: '任务状态分布',
      type: 'ColumnClustered',
      data: { row: statusTop, column: 0, rowCount: statusRows, columnCount: 2 },
      anchor: { row: statusTop, column: 4 },
      // Thirteen rows tall at most: it must end above the unit table.
      size: { width: 360, height: 190 },
    },
  ];
  if (trend) charts.push(trend.chart);
  const unitRows = model.units.length;
  if (unitRows > 0) {
    charts.push({
      title: '各责任单位任务状态',
      type: 'BarStacked',
      data: { row: unitTop, column: 0, rowCount: unitRows + 1, columnCount: 1 + model.statuses.length },
      anchor: { row: barTop, column: 0 },
      size: { width: 640, height: barHeight },
    });
  }
  return {
    kind: 'overview',
    name: safeSheetName('汇总-总体'),
    title: rows[0].cells[0].value as string,
    widths: [14, ...model.statuses.map(() => 5), 5, 5, 5, 5, 6, 7],
    rows,
    headerRows,
    freeze: false,
    pageBreaks,
    print: landscape(model, options),
    charts,
  };
}

export function behindSheet(model: SummaryModel, options: SpecOptions = {}): SheetSpec {
  const plan = options.planTitle ?? model.names.title;
  const width = 8;
  const overdue = model.behind.filter((b) => b.overdue).length;
  const rows: SpecRow[] = titleRows(
    asOfTitle(`${plan}滞后及逾期任务清单`, model.asOf),
    `共${model.behind.length}项，其中逾期${overdue}项。预警依据序时进度：落后10–30个百分点为黄灯，超过30个百分点或逾期为红灯；状态为滞后的任务至少为黄灯。`,
    width,
  );
  const headerRow = rows.length;
  rows.push({
    cells: [
      headerCell('序号'),
      headerCell('工作任务'),
      headerCell('牵头单位'),
      headerCell('完成时限'),
      headerCell('状态'),
      headerCell('预警'),
      headerCell('落后序时(百分点)'),
      headerCell('存在问题'),
    ],
  });
  for (const b of model.behind) {
    const light = lightWord(b);
    rows.push({
      cells: [
        b.no === null ? textCell('') : numberCell(b.no),
        wrappedCell(b.task),
        wrappedCell(b.lead),
        // An extension goes after the 完成时限 it extends: the original stays, and both show.
        b.extension ? wrappedCell(behindDeadline(b)) : deadlineCell(b.deadline, b.deadlineDay),
        textCell(b.status),
        { value: light.zh, style: light.style },
        b.behind === null ? textCell('—') : { value: b.behind, style: 'points' },
        wrappedCell(b.problems),
      ],
    });
  }
  if (model.behind.length === 0)
    rows.push({
      cells: [{ value: `截至${chineseDate(model.asOf)}，无滞后或逾期任务。`, style: 'note' }],
      merge: true,
    });
  const widths = [4, 22, 10, 9, 6, 4, 5, 14];
  rows.push(
    ...cutRows(
      rows.slice(headerRow + 1, headerRow + 1 + model.behind.length),
      widths,
      model.behind.map((b) => b.no ?? 0),
    ),
  );
  rows.push(...leftOutRows(model), ...absentRows(model));
  return {
    kind: 'behind',
    name: safeSheetName('汇总-滞后逾期'),
    title: rows[0].cells[0].value as string,
    widths,
    rows,
    headerRows: [headerRow],
    freeze: true,
    pageBreaks: [],
    print: landscape(model, options),
    charts: [],
  };
}

export function unitSheet(model: SummaryModel, unit: string, options: SpecOptions = {}): SheetSpec {
  const plan = options.planTitle ?? model.names.title;
  const tasks = unitTasks(model, unit, options);
  const leads = new Set(tasksForUnit(model.tasks, unit, { role: 'lead', directory: options.directory }));
  const direct = new Set(
    tasksForUnit(model.tasks, unit, { includeCollectives: false, directory: options.directory }),
  );
  const done = tasks.filter((x) => x.done).length;
  const width = 9;
  const rows: SpecRow[] = titleRows(
    asOfTitle(`${unit}：${plan}推进情况`, model.asOf),
    `共${tasks.length}项（牵头${tasks.filter((x) => leads.has(x.no)).length}项），已完成${done}项。请于每月报送前核对“进展情况”“存在问题”“下步计划”。`,
    width,
  );
  // The indicators and the trend come first, the task table last on a page of its own: its header
  // repeats on every page from the first it prints on, so no row below it may be other than a task.
  const pageBreaks: number[] = [];
  const charts: ChartSpec[] = [];
  const titleEnd = rows.length;
  const indicatorRows = unitIndicatorRows(unitIndicatorLines(model, unit, options.directory));
  rows.push(...indicatorRows);
  if (options.history) {
    const own = new Set(tasks.map((x) => x.no));
    const points = completionTrend(options.history.earlier, options.history.current, own);
    const top = rows.length + 2;
    const trend = trendRows(points, top, 1, [textCell('')], `${unit}完成率趋势`);
    if (trend) {
      rows.push(
        { cells: [] },
        { cells: [{ value: '本单位完成率趋势（历次报告）', style: 'subtitle' }], merge: true },
      );
      rows.push(...trend.rows);
      charts.push(trend.chart);
    }
  }
  const above = rows.length > titleEnd;
  if (above) {
    rows.push({ cells: [] });
    pageBreaks.push(rows.length);
  }
  const headerRow = rows.length;
  rows.push({
    cells: [
      headerCell('序号'),
      headerCell('工作任务'),
      headerCell('责任单位'),
      headerCell('角色'),
      headerCell('状态'),
      headerCell('进度(%)'),
      headerCell('完成时限'),
      headerCell('预警'),
      headerCell('存在问题'),
    ],
  });
  for (const x of tasks) {
    const no = x.no as number;
    const role = leads.has(no) ? '牵头' : '配合';
    const light = lightWord(x.health);
    rows.push({
      cells: [
        numberCell(no),
        wrappedCell(x.task),
        wrappedCell(x.unitsText),
        wrappedCell(roleLabel(role, !direct.has(no))),
        textCell(x.status),
        x.progress.kind === 'ok' ? numberCell(x.progress.percent) : textCell(''),
        // As on the behind list: an extension goes after the 完成时限 it extends, and both show.
        taskExtension(x) ? wrappedCell(taskDeadline(x)) : deadlineCell(x.deadlineText, exactDay(x.deadline)),
        { value: light.zh, style: light.style },
        wrappedCell(x.problems),
      ],
    });
  }
  if (tasks.length === 0)
    rows.push({ cells: [{ value: `台账中没有${unit}的任务。`, style: 'note' }], merge: true });
  const widths = [4, 20, 10, 6, 6, 4, 9, 4, 11];
  rows.push(
    ...cutRows(
      rows.slice(headerRow + 1, headerRow + 1 + tasks.length),
      widths,
      tasks.map((x) => x.no as number),
    ),
  );
  rows.push(...leftOutRows(model), ...absentRows(model));
  return {
    kind: 'unit',
    unit,
    name: safeSheetName(`汇总-${unit}`),
    title: rows[0].cells[0].value as string,
    widths,
    rows,
    headerRows: [headerRow],
    freeze: !above,
    pageBreaks,
    print: landscape(model, options),
    charts,
  };
}

export interface SummaryRequest {
  readonly overview?: boolean;
  readonly behind?: boolean;
  readonly units?: readonly string[];
}

export function summarySheets(
  model: SummaryModel,
  request: SummaryRequest,
  options: SpecOptions = {},
): SheetSpec[] {
  const out: SheetSpec[] = [];
  if (request.overview ?? true) out.push(overviewSheet(model, options));
  if (request.behind ?? true) out.push(behindSheet(model, options));
  for (const unit of request.units ?? []) out.push(unitSheet(model, unit, options));
  // Two long unit names may cut to one name: every sheet of a set has its own (as Excel requires).
  const taken = new Set<string>();
  return out.map((spec) => {
    const name = freeSheetName(spec.name, taken);
    taken.add(name);
    return name === spec.name ? spec : { ...spec, name };
  });
}
