// Quantitative indicators: the targets read from the tasks' text, kept in the workbook's 指标
// table (序号, 指标, 目标值, 计量单位, 责任单位, 完成值, 完成率, 更新日期, 说明) where users
// enter what was achieved. This module seeds the table from the text, reads it back by its
// header text, computes shares and proposes what 重新识别 would add. Pure.
import { cellRef, TABLE_AT_A1, type SheetPlace } from './addresses';
import { type CellValue } from './ledger';
import { CHINESE_NUMERAL_CHARS, readNumeral } from './numerals';
import { readTargets, type TargetReading } from './targets';
import { column, layoutOf, placeRecord, specLayout, valueIn, type TableSpec } from './tableSpec';
import { cellText, matchKey, toHalfWidth } from './text';
import { indexFor, type UnitDirectory } from './units';

export type IndicatorColumn =
  'no' | 'name' | 'target' | 'measure' | 'owner' | 'actual' | 'rate' | 'updated' | 'note';

/** 指标: the add-in seeds 序号 to 责任单位, 完成率's formula and 说明; the user fills 完成值 and 更新日期. */
export const INDICATOR_SPEC: TableSpec<IndicatorColumn> = {
  table: 'Indicators',
  sheet: '指标',
  columns: [
    column('no', '序号', '0', 4, 'addin', ['编号', 'no', 'no.'], true),
    column('name', '指标', '@', 13, 'addin', ['指标名称', 'indicator'], true),
    column('target', '目标值', 'General', 5, 'addin', ['目标', 'target'], true),
    column('measure', '计量单位', '@', 6, 'addin', ['measure']),
    column('owner', '责任单位', '@', 12, 'addin', ['责任部门', 'owner']),
    column('actual', '完成值', 'General', 5, 'user', ['实际完成', 'actual'], true),
    column('rate', '完成率', '0.0%', 5, 'addin', ['rate']),
    column('updated', '更新日期', 'yyyy-mm-dd', 7, 'user', ['更新时间', 'updated']),
    column('note', '说明', '@', 13, 'addin', ['备注', 'note']),
  ],
};

export const INDICATOR_COLUMNS = INDICATOR_SPEC.columns;

export const INDICATOR_HEADERS: readonly string[] = INDICATOR_COLUMNS.map((c) => c.header);

const columnAt = (key: IndicatorColumn) => INDICATOR_COLUMNS.findIndex((c) => c.key === key);

/** An indicator as the text sets it, before anyone has reported on it. */
export interface IndicatorSeed {
  readonly no: number;
  readonly name: string;
  readonly target: number;
  readonly measure: string;
  /** The units that answer for it: the task's 责任单位, or the one member of a 每个县（市） target. */
  readonly owner: string;
  readonly note: string;
}

/** The collective whose members each carry a 每个县（市）… target. */
export const SCOPE_COLLECTIVE = {
  county: '各县（市）人民政府',
  'county-district': '各县（市）区人民政府',
} as const;

/** How the add-in's own rows begin their 说明: the rows 重新识别 may call gone. */
export const SEED_NOTE_PREFIX = '据任务正文';

const BOUND_WORDS = { exact: '', floor: '（下限）', aim: '（力争）' } as const;

function noteFor(reading: TargetReading): string {
  const range =
    reading.upTo !== undefined ? `；区间${reading.quantity}–${reading.upTo}${reading.measure}，按下限计` : '';
  const each = reading.scope ? `；每个${reading.scope === 'county' ? '县（市）' : '县（市）区'}各计` : '';
  return `${SEED_NOTE_PREFIX}：“${reading.clause}”${BOUND_WORDS[reading.bound]}${range}${each}`;
}

/** The units a scoped target expands to: the collective's members that are not collectives. */
function scopeMembers(scope: keyof typeof SCOPE_COLLECTIVE, directory?: UnitDirectory): string[] {
  const index = indexFor(directory);
  const collective = index.resolve(SCOPE_COLLECTIVE[scope])?.name ?? SCOPE_COLLECTIVE[scope];
  const members = [...index.membersOf(collective)].filter((name) => index.get(name)?.kind !== 'collective');
  return members.length ? members : [collective];
}

/**
 * The indicators one task's text sets: one per count it names (norms are not counted), and a
 * scoped count once per member unit, each owned by that unit.
 */
export function indicatorSeeds(
  task: { readonly no: number; readonly task: string; readonly unitsText: string },
  directory?: UnitDirectory,
): IndicatorSeed[] {
  return readTargets(task.task)
    .filter((r) => r.kind === 'count')
    .flatMap((r) => {
      const owners = r.scope ? scopeMembers(r.scope, directory) : [task.unitsText];
      return owners.map((owner) => ({
        no: task.no,
        name: r.name,
        target: r.quantity,
        measure: r.measure,
        owner,
        note: noteFor(r),
      }));
    });
}

/** The seeds of every numbered task, in ledger order. */
export function seedsForTasks(
  tasks: readonly { readonly no: number | null; readonly task: string; readonly unitsText: string }[],
  directory?: UnitDirectory,
): IndicatorSeed[] {
  const seen = new Set<number>();
  const out: IndicatorSeed[] = [];
  for (const t of tasks) {
    if (t.no === null || seen.has(t.no)) continue;
    seen.add(t.no);
    out.push(...indicatorSeeds({ no: t.no, task: t.task, unitsText: t.unitsText }, directory));
  }
  return out;
}

/** 完成率 as a live formula: 完成值 ÷ 目标值, blank while the target is blank or zero. */
export function completionFormula(place: SheetPlace, row: number): string {
  return `=IFERROR(${cellRef(place, row, columnAt('actual'))}/${cellRef(place, row, columnAt('target'))},"")`;
}

/** A header inside a structured reference's brackets: ' escapes [ ] # and ' itself (Excel's rule). */
const inReference = (header: string) => header.replace(/['[\]#]/gu, (ch) => `'${ch}`);

/**
 * 完成率 as this-row structured references to the table's own headers: right in any column
 * order, and harmless when Excel's calculated column fills it down the column. Qualified by the
 * table's name: a row written just below the table is not yet inside it (and stays outside when
 * the user's AutoCorrect keeps tables from growing), where an unqualified [@…] means nothing.
 * Each header in its own brackets, [@[…]]: a header holding a space or one of , : . " { } $ ^ & *
 * + = - > < / (目标值/万元) needs them, and Excel refuses the formula without.
 */
export function structuredRateFormula(table: string, actualHeader: string, targetHeader: string): string {
  const ref = (header: string) => `${table}[@[${inReference(header)}]]`;
  return `=IFERROR(${ref(actualHeader)}/${ref(targetHeader)},"")`;
}

/** 完成率's formula for a row of a table as it is, wherever the user moved its columns. */
export function rateFormula(table: Pick<IndicatorTable, 'place' | 'columns'>, row: number): string {
  const { actual, target } = table.columns;
  if (actual === undefined || target === undefined) return completionFormula(table.place, row);
  return `=IFERROR(${cellRef(table.place, row, actual)}/${cellRef(table.place, row, target)},"")`;
}

/** A seed as the record of its row: 完成值 and 更新日期 left for the user, 完成率 for the caller. */
export function seedRecord(seed: IndicatorSeed): Partial<Record<IndicatorColumn, CellValue>> {
  const { no, name, target, measure, owner, note } = seed;
  return { no, name, target, measure, owner, actual: '', updated: '', note };
}

/** The rows the add-in writes for seeds on a table it makes: 完成值 and 更新日期 left for the user. */
export function indicatorSheetRows(
  seeds: readonly IndicatorSeed[],
  place: SheetPlace,
  firstRow = 0,
): CellValue[][] {
  return seeds.map((s, i) =>
    placeRecord(specLayout(INDICATOR_SPEC), {
      ...seedRecord(s),
      rate: completionFormula(place, firstRow + i),
    }),
  );
}

export type ActualReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly value: number }
  | {
      readonly kind: 'invalid';
      readonly reason: 'not-a-number' | 'negative';
      /** The number the text could mean (三 → 3, 3个 → 3), offered as the fix; never read as the value. */
      readonly meant?: number;
    };

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/u;
/** A number followed by a measure word or other trailing text: 3个, 2.5万元, 三所. */
const NUMBER_AND_WORDS = new RegExp(`^(\\d+(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+)\\D*$`, 'u');

/**
 * 完成值, by one rule whether typed in the pane or pasted into the cell: a plain number (a number
 * cell, or text of digits), 0 or more. Anything else is refused, with the number it could mean.
 */
export function readActual(value: CellValue): ActualReading {
  if (value === null || (typeof value === 'string' && !value.trim())) return { kind: 'empty' };
  if (typeof value === 'number')
    return value < 0 ? { kind: 'invalid', reason: 'negative' } : { kind: 'ok', value };
  const text = toHalfWidth(cellText(value)).trim();
  if (PLAIN_NUMBER.test(text)) {
    const number = Number(text);
    return number < 0 ? { kind: 'invalid', reason: 'negative' } : { kind: 'ok', value: number };
  }
  const words = NUMBER_AND_WORDS.exec(text.replace(/\s+/gu, ''));
  const meant = words ? readNumeral(words[1]) : null;
  return meant === null
    ? { kind: 'invalid', reason: 'not-a-number' }
    : { kind: 'invalid', reason: 'not-a-number', meant };
}

/**
 * 目标值 by the rule 完成值 follows, the rule the sheet's own 完成率 formula follows too: a plain
 * number. 五 or 5个 is not one (the formula shows nothing for it): named, with what it could mean.
 */
function readTarget(value: CellValue): number | null {
  const reading = readActual(value);
  return reading.kind === 'ok' ? reading.value : null;
}

export interface Indicator {
  /** Data-row index in the 指标 table. */
  readonly row: number;
  readonly no: number | null;
  readonly name: string;
  /** A positive number, or null when 目标值 is blank or not one. */
  readonly target: number | null;
  readonly targetCell: CellValue;
  readonly measure: string;
  readonly owner: string;
  readonly actual: ActualReading;
  readonly actualCell: CellValue;
  /** What the 完成率 cell holds (its formula, or what was typed over it); null when not read. */
  readonly rate: string | null;
  readonly note: string;
}

export interface IndicatorTableInput {
  readonly header: readonly CellValue[];
  readonly rows: readonly (readonly CellValue[])[];
  /** The body's formulas, parallel to rows, where read: a 完成率 typed over is then noticed. */
  readonly formulas?: readonly (readonly unknown[])[];
  readonly sheetName: string;
  readonly place?: SheetPlace;
}

export interface IndicatorTable {
  readonly sheetName: string;
  readonly place: SheetPlace;
  readonly columns: Readonly<Partial<Record<IndicatorColumn, number>>>;
  /** Required columns the user removed or renamed: the table is then read as far as it goes. */
  readonly missing: readonly IndicatorColumn[];
  readonly indicators: readonly Indicator[];
}

/** The 指标 table read by its header text, wherever the user moved its columns. */
export function readIndicatorTable(input: IndicatorTableInput): IndicatorTable {
  const layout = layoutOf(INDICATOR_SPEC, input.header);
  const { columns } = layout;
  const at = (values: readonly CellValue[], key: IndicatorColumn): CellValue => valueIn(layout, values, key);
  const indicators: Indicator[] = [];
  input.rows.forEach((values, row) => {
    if (values.every((v) => v === null || cellText(v).trim() === '')) return;
    const no = at(values, 'no');
    const targetCell = at(values, 'target');
    const target = readTarget(targetCell);
    const actualCell = at(values, 'actual');
    indicators.push({
      row,
      no: typeof no === 'number' && Number.isInteger(no) && no > 0 ? no : readWholeText(no),
      name: cellText(at(values, 'name')).trim(),
      target: target !== null && Number.isFinite(target) && target > 0 ? target : null,
      targetCell,
      measure: cellText(at(values, 'measure')).trim(),
      owner: cellText(at(values, 'owner')).trim(),
      actual: readActual(actualCell),
      actualCell,
      rate:
        input.formulas && columns.rate !== undefined
          ? cellText(input.formulas[row]?.[columns.rate] ?? '')
          : null,
      note: cellText(at(values, 'note')).trim(),
    });
  });
  return {
    sheetName: input.sheetName,
    place: input.place ?? TABLE_AT_A1,
    columns,
    missing: layout.missing,
    indicators,
  };
}

function readWholeText(value: CellValue): number | null {
  if (typeof value !== 'string' || !/^\s*\d+\s*$/u.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/** An amount as indicators show it: at most two decimals, with its measure word (10门, 2.5万元). */
export function shownAmount(n: number, measure = ''): string {
  return `${Math.round(n * 100) / 100}${measure}`;
}

/** 完成值 ÷ 目标值, or null while either is missing. */
export function shareOf(indicator: Indicator): number | null {
  if (indicator.actual.kind !== 'ok' || indicator.target === null) return null;
  return indicator.actual.value / indicator.target;
}

/**
 * How an indicator is named wherever it is listed: with its owner when one member unit carries
 * it for a collective's task (老年大学（梨树县人民政府）), else by its name alone.
 */
export function indicatorLabel(
  item: { readonly name: string; readonly owner: string },
  taskUnits: string,
): string {
  return item.owner && item.owner !== taskUnits ? `${item.name}（${item.owner}）` : item.name;
}

/** What identifies an indicator across edits: its task, its name and its owner. */
export function indicatorKey(item: { no: number | null; name: string; owner: string }): string {
  return `${item.no ?? ''}|${matchKey(item.name)}|${matchKey(item.owner)}`;
}

/** Rows that repeat an earlier row's indicator (same task, name and owner): row -> the earlier row. */
export function repeatedIndicators(table: IndicatorTable | null | undefined): Map<number, number> {
  const first = new Map<string, number>();
  const out = new Map<number, number>();
  for (const ind of table?.indicators ?? []) {
    const key = indicatorKey(ind);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, ind.row);
    else out.set(ind.row, earlier);
  }
  return out;
}

/** The indicators of each task number, each once: a copied row counts as its first. */
export function indicatorsByTask(table: IndicatorTable | null | undefined): Map<number, Indicator[]> {
  const out = new Map<number, Indicator[]>();
  const repeats = repeatedIndicators(table);
  for (const ind of table?.indicators ?? []) {
    if (ind.no === null || repeats.has(ind.row)) continue;
    const list = out.get(ind.no);
    if (list) list.push(ind);
    else out.set(ind.no, [ind]);
  }
  return out;
}

export type IndicatorProposal =
  | { readonly kind: 'add'; readonly seed: IndicatorSeed }
  | { readonly kind: 'target'; readonly seed: IndicatorSeed; readonly indicator: Indicator }
  | { readonly kind: 'gone'; readonly indicator: Indicator };

/**
 * What 重新识别 finds between the text and the table: targets the table lacks (which the user
 * may add), targets whose number differs, and rows the text no longer sets. Only the additions
 * are ever written; the others are the user's to judge, and never overwritten.
 */
export function proposeIndicators(
  table: IndicatorTable,
  seeds: readonly IndicatorSeed[],
  tasksInLedger: ReadonlySet<number>,
): IndicatorProposal[] {
  const rows = new Map(table.indicators.map((ind) => [indicatorKey(ind), ind]));
  const seedKeys = new Set(seeds.map(indicatorKey));
  const out: IndicatorProposal[] = [];
  for (const seed of seeds) {
    const indicator = rows.get(indicatorKey(seed));
    if (!indicator) out.push({ kind: 'add', seed });
    else if (indicator.target !== seed.target) out.push({ kind: 'target', seed, indicator });
  }
  for (const indicator of table.indicators) {
    // Only rows the add-in wrote can be gone from the text; a row the user added is theirs.
    const seeded = indicator.note.startsWith(SEED_NOTE_PREFIX);
    const inLedger = indicator.no !== null && tasksInLedger.has(indicator.no);
    if (seeded && inLedger && !seedKeys.has(indicatorKey(indicator))) out.push({ kind: 'gone', indicator });
  }
  return out;
}
