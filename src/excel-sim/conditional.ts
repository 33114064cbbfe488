// What conditional formats make a cell look like, for the preview grid. Evaluates the rule
// kinds the add-in writes: text contains, cell value comparisons, data bars, and custom
// formulas built from AND/OR/NOT, ISNUMBER, TODAY, comparisons, cell references and literals.
import { columnIndex, contains } from './address';
import { displayText, readCell, type ConditionalRule, type SheetModel } from './model';

export interface ConditionalLook {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  /** Data bar: fraction 0–1 of the cell's width, and its colour. */
  bar?: { fraction: number; color: string };
}

type Value = string | number | boolean;

/** A tiny formula evaluator; references are relative to the rule's top-left cell. */
function evaluate(
  formula: string,
  sheet: SheetModel,
  rule: ConditionalRule,
  row: number,
  column: number,
  today: number,
): Value {
  const tokens =
    formula
      .replace(/^=/, '')
      .match(/"[^"]*"|\$?[A-Z]{1,3}\$?\d+|[A-Z]+(?=\()|\d+(?:\.\d+)?|<=|>=|<>|[<>=(),]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const cell = (ref: string): Value => {
    const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(ref) as RegExpExecArray;
    const c = m[1] ? columnIndex(m[2]) : columnIndex(m[2]) + (column - rule.rect.column);
    const r = m[3] ? Number(m[4]) - 1 : Number(m[4]) - 1 + (row - rule.rect.row);
    return readCell(sheet, r, c).value;
  };
  const primary = (): Value => {
    const tok = next();
    if (tok === undefined) return '';
    if (tok.startsWith('"')) return tok.slice(1, -1);
    if (/^\d/.test(tok)) return Number(tok);
    if (tok === '(') {
      const v = comparison();
      next();
      return v;
    }
    if (/^\$?[A-Z]{1,3}\$?\d+$/.test(tok)) return cell(tok);
    next();
    const args: Value[] = [];
    while (peek() !== ')' && peek() !== undefined) {
      args.push(comparison());
      if (peek() === ',') next();
    }
    next();
    switch (tok) {
      case 'AND':
        return args.every(Boolean);
      case 'OR':
        return args.some(Boolean);
      case 'NOT':
        return !args[0];
      case 'ISNUMBER':
        return typeof args[0] === 'number';
      case 'TODAY':
        return today;
      default:
        return '#NAME?';
    }
  };
  const comparison = (): Value => {
    const left = primary();
    const op = peek();
    if (op && ['<', '>', '<=', '>=', '=', '<>'].includes(op)) {
      next();
      return compare(left, op, primary());
    }
    return left;
  };
  return comparison();
}

function compare(a: Value, op: string, b: Value): boolean {
  const x = typeof a === 'string' && typeof b === 'number' ? NaN : a;
  switch (op) {
    case '<':
      return x < b;
    case '>':
      return x > b;
    case '<=':
      return x <= b;
    case '>=':
      return x >= b;
    case '=':
      return a === b;
    default:
      return a !== b;
  }
}

function matches(
  rule: ConditionalRule,
  sheet: SheetModel,
  row: number,
  column: number,
  today: number,
): boolean {
  const cell = readCell(sheet, row, column);
  if (rule.textComparison) {
    const text = displayText(cell);
    const t = rule.textComparison.text;
    switch (rule.textComparison.operator) {
      case 'Contains':
        return text.includes(t);
      case 'NotContains':
        return !text.includes(t);
      case 'BeginsWith':
        return text.startsWith(t);
      case 'EndsWith':
        return text.endsWith(t);
      default:
        return false;
    }
  }
  if (rule.cellValue) {
    const ops: Record<string, string> = {
      LessThan: '<',
      GreaterThan: '>',
      EqualTo: '=',
      NotEqualTo: '<>',
      LessThanOrEqual: '<=',
      GreaterThanOrEqual: '>=',
    };
    const limit = evaluate(rule.cellValue.formula1, sheet, rule, row, column, today);
    return typeof cell.value === 'number' && compare(cell.value, ops[rule.cellValue.operator] ?? '=', limit);
  }
  if (rule.custom) return Boolean(evaluate(rule.custom.formula, sheet, rule, row, column, today));
  return false;
}

/** The look conditional formats give a cell, rules applied by priority (0 is on top). */
export function conditionalLook(
  sheet: SheetModel,
  row: number,
  column: number,
  today: number,
): ConditionalLook {
  const look: ConditionalLook = {};
  const rules = sheet.conditionalFormats
    .filter((r) => contains(r.rect, row, column))
    .sort((a, b) => b.priority - a.priority);
  for (const rule of rules) {
    if (rule.type === 'DataBar') {
      const value = readCell(sheet, row, column).value;
      if (typeof value !== 'number') continue;
      let max = 0;
      for (let r = rule.rect.row; r < rule.rect.row + rule.rect.rowCount; r++) {
        const v = readCell(sheet, r, column).value;
        if (typeof v === 'number') max = Math.max(max, v);
      }
      look.bar = {
        fraction: max > 0 ? Math.max(0, Math.min(1, value / max)) : 0,
        color: rule.dataBar?.barColor ?? '#638EC6',
      };
      continue;
    }
    if (!matches(rule, sheet, row, column, today)) continue;
    if (rule.format.fill) look.fill = rule.format.fill;
    if (rule.format.fontColor) look.fontColor = rule.format.fontColor;
    if (rule.format.bold) look.bold = true;
  }
  return look;
}
