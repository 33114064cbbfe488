// The few formulas people put into ledgers, evaluated so a read gives the result as Excel's
// does: =ROW()-3 as 序号, =A5+1, =2*(B2-1), and the 指标 sheet's =IFERROR(F2/C2,"") (an error
// inside, such as a division by zero or text, gives ""). Anything else keeps the value ''
// (not computed), which a test must not take for Excel's answer. A sheet's formulas are
// computed again after each write to it, as Excel's automatic calculation does. Inside a table,
// a this-row structured reference such as =IFERROR([@完成值]/[@目标值],"") reads the cell of
// that column on the formula's own row, as Excel does ("Using structured references with Excel
// tables", support.microsoft.com: @ is this row); qualified by the table's name (Indicators[@完成值])
// it reads that table's cell on the formula's row from outside the table too.
import { parseRef } from './address';
import { SimError } from './errors';
import { readCell, type SheetModel, type TableModel } from './model';

/**
 * The cell a this-row reference names from (row, column): [@header] inside its table; Table[@header]
 * on a row of that table's body from anywhere on its sheet (implicit intersection), else null (an
 * error, as #VALUE! in Excel).
 */
function thisRow(
  header: string,
  tableName: string | null,
  sheet: SheetModel,
  tables: readonly TableModel[],
  row: number,
  column: number,
): { row: number; column: number } | null {
  const inBody = (x: TableModel) =>
    x.sheetId === sheet.id && row > x.rect.row && row < x.rect.row + x.rect.rowCount;
  const t =
    tableName === null
      ? tables.find(
          (x) => inBody(x) && column >= x.rect.column && column < x.rect.column + x.rect.columnCount,
        )
      : tables.find((x) => x.name.toLowerCase() === tableName.toLowerCase() && inBody(x));
  if (!t) return null;
  for (let c = 0; c < t.rect.columnCount; c++)
    if (String(readCell(sheet, t.rect.row, t.rect.column + c).value) === header)
      return { row, column: t.rect.column + c };
  return null;
}

/**
 * A this-row reference: an optional table name, then [@[header]] (the header's [ ] # ' escaped by
 * ') or [@header] (a header of plain characters only).
 */
const THIS_ROW = /([A-Za-z_\u3400-\u9fff][\w.\u3400-\u9fff]*)?\[@(?:\[((?:'.|[^'\]])+)\]|([^[\]]+))\]/u;
const unescapeHeader = (text: string) => text.replace(/'(.)/gu, '$1');

/**
 * Characters a header may not hold inside [@header] without its own brackets ("Using structured
 * references with Excel tables", support.microsoft.com: space, tab, line feed, , : . [ ] # ' " { }
 * $ ^ & * + = - > < / need [@[…]]); Excel does not take such a formula.
 */
const NEEDS_BRACKETS = /[\s,:.[\]#'"{}$^&*+=\-></]/u;

/** Refuses, as Excel does, a formula whose this-row reference names such a header without brackets. */
export function checkStructuredReferences(formula: string): void {
  for (const m of formula.matchAll(new RegExp(THIS_ROW.source, 'gu')))
    if (m[3] !== undefined && NEEDS_BRACKETS.test(m[3]))
      throw new SimError('InvalidArgument', `The formula ${formula} is not valid: write [@[${m[3]}]].`);
}

type Token =
  | { kind: 'num'; value: number }
  | { kind: 'op'; value: string }
  | { kind: 'ref'; row: number; column: number };

function tokens(
  text: string,
  row: number,
  column: number,
  named: (header: string, table: string | null) => { row: number; column: number } | null,
): Token[] | null {
  const out: Token[] = [];
  const re = new RegExp(
    `\\s*(?:(\\d+(?:\\.\\d+)?)|(ROW\\(\\))|(COLUMN\\(\\))|${THIS_ROW.source}|(\\$?[A-Z]{1,3}\\$?\\d+)|([-+*/()]))`,
    'iuy',
  );
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return /^\s*$/.test(text.slice(at)) ? out : null;
    at = re.lastIndex;
    if (m[1]) out.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2]) out.push({ kind: 'num', value: row + 1 });
    else if (m[3]) out.push({ kind: 'num', value: column + 1 });
    else if (m[5] !== undefined || m[6] !== undefined) {
      const cell = named(m[5] === undefined ? m[6] : unescapeHeader(m[5]), m[4] ?? null);
      if (!cell) return null;
      out.push({ kind: 'ref', ...cell });
    } else if (m[7]) {
      const rect = parseRef(m[7].replace(/\$/g, ''));
      if (!rect) return null;
      out.push({ kind: 'ref', row: rect.row, column: rect.column });
    } else out.push({ kind: 'op', value: m[8] });
  }
  return out;
}

const IF_ERROR_BLANK = /^=?\s*IFERROR\((.*),\s*""\s*\)\s*$/iu;

/**
 * The result of a simple arithmetic formula in the cell at (row, column): a number, '' from
 * IFERROR(…,"") when its inside fails, or null when the formula is not one the simulator computes.
 */
export function evaluateFormula(
  formula: string,
  sheet: SheetModel,
  row: number,
  column: number,
  tables: readonly TableModel[] = [],
): number | '' | null {
  const guarded = IF_ERROR_BLANK.exec(formula);
  if (guarded) return arithmetic(guarded[1], sheet, row, column, tables) ?? '';
  return arithmetic(formula.replace(/^=/, ''), sheet, row, column, tables);
}

/** Computes every formula on the sheet again (Excel's automatic calculation, in one pass). */
export function recalculate(sheet: SheetModel, tables: readonly TableModel[] = []): void {
  for (const [key, cell] of sheet.cells) {
    if (cell.formula === null) continue;
    const [row, column] = key.split(',').map(Number);
    cell.value = evaluateFormula(cell.formula, sheet, row, column, tables) ?? cell.value;
  }
}

function arithmetic(
  formula: string,
  sheet: SheetModel,
  row: number,
  column: number,
  tables: readonly TableModel[],
): number | null {
  const list = tokens(formula, row, column, (header, table) =>
    thisRow(header, table, sheet, tables, row, column),
  );
  if (!list || list.length === 0) return null;
  let i = 0;
  /** The operator at the cursor, or null. */
  const opAt = (): string | null => {
    const t = list[i];
    return t?.kind === 'op' ? t.value : null;
  };
  const operand = (): number | null => {
    const t = list[i++];
    if (!t) return null;
    if (t.kind === 'num') return t.value;
    if (t.kind === 'ref') {
      const v = readCell(sheet, t.row, t.column).value;
      return typeof v === 'number' ? v : v === '' ? 0 : null;
    }
    if (t.value === '-') {
      const v = operand();
      return v === null ? null : -v;
    }
    if (t.value === '+') return operand();
    if (t.value === '(') {
      const v = sum();
      if (opAt() !== ')') return null;
      i++;
      return v;
    }
    return null;
  };
  const product = (): number | null => {
    let v = operand();
    let op = opAt();
    while (v !== null && (op === '*' || op === '/')) {
      i++;
      const w = operand();
      v = w === null ? null : op === '*' ? v * w : v / w;
      op = opAt();
    }
    return v;
  };
  const sum = (): number | null => {
    let v = product();
    let op = opAt();
    while (v !== null && (op === '+' || op === '-')) {
      i++;
      const w = product();
      v = w === null ? null : op === '+' ? v + w : v - w;
      op = opAt();
    }
    return v;
  };
  const result = sum();
  return result !== null && i === list.length && Number.isFinite(result) ? result : null;
}
