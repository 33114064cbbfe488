// Data validation and conditional formats of a range.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting
import { intersects, type Rect } from './address';
import { SimClientObject, SimClientResult, type SimContext } from './core';
import { SimError } from './errors';
import { listItems } from './lists';
import { displayText, readCell, type ConditionalRule, type SheetModel, type ValidationRule } from './model';
import type { SimRange } from './range';
import type { WorkbookState } from './state';
import { RangeBound } from './rangePart';

function covering(sheet: SheetModel, rect: Rect): ValidationRule | undefined {
  return sheet.validations.find((v) => intersects(v.rect, rect));
}

/** Removes a rectangle from each rule's area (rules are kept per rectangle, so cut into bands). */
function cutOut(sheet: SheetModel, rect: Rect): void {
  const kept: ValidationRule[] = [];
  for (const v of sheet.validations) {
    if (!intersects(v.rect, rect)) {
      kept.push(v);
      continue;
    }
    const a = v.rect;
    const bottom = a.row + a.rowCount;
    const cutBottom = rect.row + rect.rowCount;
    if (rect.row > a.row) kept.push({ ...v, rect: { ...a, rowCount: rect.row - a.row } });
    if (cutBottom < bottom) kept.push({ ...v, rect: { ...a, row: cutBottom, rowCount: bottom - cutBottom } });
    const midTop = Math.max(a.row, rect.row);
    const midRows = Math.min(bottom, cutBottom) - midTop;
    if (rect.column > a.column)
      kept.push({
        ...v,
        rect: { row: midTop, rowCount: midRows, column: a.column, columnCount: rect.column - a.column },
      });
    const right = a.column + a.columnCount;
    const cutRight = rect.column + rect.columnCount;
    if (cutRight < right)
      kept.push({
        ...v,
        rect: { row: midTop, rowCount: midRows, column: cutRight, columnCount: right - cutRight },
      });
  }
  sheet.validations = kept;
}

const COMPARE: Record<string, (n: number, a: number, b: number) => boolean> = {
  Between: (n, a, b) => n >= a && n <= b,
  NotBetween: (n, a, b) => n < a || n > b,
  EqualTo: (n, a) => n === a,
  NotEqualTo: (n, a) => n !== a,
  GreaterThan: (n, a) => n > a,
  LessThan: (n, a) => n < a,
  GreaterThanOrEqualTo: (n, a) => n >= a,
  LessThanOrEqualTo: (n, a) => n <= a,
};

/** Whether a value passes a cell's rule: in the list, or a number within the decimal rule's bounds. */
export function passesRule(
  state: WorkbookState,
  sheet: SheetModel,
  rule: ValidationRule,
  value: unknown,
): boolean {
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (text === '' && rule.ignoreBlanks) return true;
  if (rule.list) return listItems(state, sheet, rule.list.source).includes(text);
  if (rule.decimal) {
    const n = typeof value === 'number' ? value : Number(text);
    const check = COMPARE[rule.decimal.operator];
    return (
      text !== '' && Number.isFinite(n) && !!check?.(n, rule.decimal.formula1, rule.decimal.formula2 ?? 0)
    );
  }
  return true;
}

export class SimDataValidation extends RangeBound {
  /**
   * Excel greys out 数据验证 on a protected sheet, and the API refuses the change likewise
   * (issue 23, item 8: 重建 on a protected ledger): the sheet must be unprotected first.
   */
  private unprotectedTarget(): ReturnType<RangeBound['target']> {
    const target = this.target();
    if (target.sheet.protection.protected)
      throw new SimError(
        'AccessDenied',
        `Data validation cannot be changed on the protected sheet ${target.sheet.name}.`,
      );
    return target;
  }

  protected scalars(): Record<string, () => unknown> {
    const rule = () => covering(this.target().sheet, this.target().rect);
    return {
      type: () => (rule()?.list ? 'List' : rule()?.decimal ? 'Decimal' : 'None'),
      rule: () => {
        const found = rule();
        if (found?.list) return { list: { ...found.list } };
        if (found?.decimal) return { decimal: { ...found.decimal } };
        return {};
      },
      errorAlert: () => ({
        ...(rule()?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' }),
      }),
      prompt: () => ({ ...(rule()?.prompt ?? { showPrompt: false, title: '', message: '' }) }),
      ignoreBlanks: () => rule()?.ignoreBlanks ?? true,
      valid: () => this.validity(),
    };
  }

  /** DataValidation.valid (ExcelApi 1.8): true when every cell passes, false when none does, else null. */
  private validity(): boolean | null {
    const { sheet, rect } = this.target();
    const rules = sheet.validations;
    let passed = 0;
    let failed = 0;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const v = rules.find(
          (x) =>
            r >= x.rect.row &&
            r < x.rect.row + x.rect.rowCount &&
            c >= x.rect.column &&
            c < x.rect.column + x.rect.columnCount,
        );
        const cell = readCell(sheet, r, c);
        const ok = !v || passesRule(this.context.state, sheet, v, v.list ? displayText(cell) : cell.value);
        if (ok) passed++;
        else failed++;
      }
    }
    return failed === 0 ? true : passed === 0 ? false : null;
  }

  get valid(): boolean {
    return this.read('valid') as boolean;
  }

  get type(): Excel.DataValidation['type'] {
    return this.read('type') as Excel.DataValidation['type'];
  }
  get rule(): Excel.DataValidationRule {
    return this.read('rule') as Excel.DataValidationRule;
  }
  set rule(rule: Excel.DataValidationRule) {
    this.write('rule', rule, () => {
      const decimal = rule.decimal;
      if (!rule.list && !decimal)
        throw new SimError(
          'InvalidArgument',
          'The simulator supports list and decimal validation rules only.',
        );
      const { sheet, rect } = this.unprotectedTarget();
      const previous = covering(sheet, rect);
      cutOut(sheet, rect);
      sheet.validations.push({
        rect,
        ...(rule.list
          ? { list: { inCellDropDown: rule.list.inCellDropDown ?? true, source: String(rule.list.source) } }
          : {}),
        ...(decimal
          ? {
              decimal: {
                operator: decimal.operator,
                formula1: Number(decimal.formula1),
                ...(decimal.formula2 === undefined ? {} : { formula2: Number(decimal.formula2) }),
              },
            }
          : {}),
        errorAlert: previous?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' },
        prompt: previous?.prompt ?? { showPrompt: false, title: '', message: '' },
        ignoreBlanks: previous?.ignoreBlanks ?? true,
      });
      this.context.state.notify();
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read('errorAlert') as Excel.DataValidationErrorAlert;
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.write('errorAlert', alert, () => {
      const { sheet, rect } = this.unprotectedTarget();
      for (const v of sheet.validations.filter((x) => intersects(x.rect, rect))) {
        v.errorAlert = {
          showAlert: alert.showAlert ?? true,
          style: alert.style ?? 'Stop',
          title: alert.title ?? '',
          message: alert.message ?? '',
        };
      }
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.read('prompt') as Excel.DataValidationPrompt;
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.write('prompt', prompt, () => {
      const { sheet, rect } = this.unprotectedTarget();
      for (const v of sheet.validations.filter((x) => intersects(x.rect, rect))) {
        v.prompt = {
          showPrompt: prompt.showPrompt ?? false,
          title: prompt.title ?? '',
          message: prompt.message ?? '',
        };
      }
    });
  }
  get ignoreBlanks(): boolean {
    return this.read('ignoreBlanks') as boolean;
  }
  set ignoreBlanks(value: boolean) {
    this.write('ignoreBlanks', value, () => {
      const { sheet, rect } = this.unprotectedTarget();
      for (const v of sheet.validations.filter((x) => intersects(x.rect, rect))) v.ignoreBlanks = value;
    });
  }
  clear(): void {
    this.call('clear', null, () => {
      const { sheet, rect } = this.unprotectedTarget();
      cutOut(sheet, rect);
    });
  }
}

export class SimConditionalFormatCollection extends RangeBound {
  protected scalars(): Record<string, () => unknown> {
    return {};
  }

  add(type: string): SimConditionalFormat {
    const holder: { rule: ConditionalRule | null } = { rule: null };
    const format = new SimConditionalFormat(this.context, this.range, () => holder.rule);
    this.call('add', type, () => {
      const { sheet, rect } = this.target();
      if (
        ![
          'Custom',
          'DataBar',
          'ContainsText',
          'CellValue',
          'ColorScale',
          'IconSet',
          'TopBottom',
          'PresetCriteria',
        ].includes(type)
      ) {
        throw new SimError('InvalidArgument', `Unknown conditional format type "${type}".`);
      }
      // A new rule goes on top (priority 0), as ConditionalFormatCollection.add does.
      for (const r of sheet.conditionalFormats) r.priority++;
      holder.rule = {
        id: this.context.state.id('cf'),
        rect,
        type,
        priority: 0,
        stopIfTrue: false,
        format: {},
      };
      sheet.conditionalFormats.push(holder.rule);
      this.context.state.notify();
    });
    return format;
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.call('getCount', null, () => {
      const { sheet, rect } = this.target();
      result._set(sheet.conditionalFormats.filter((c) => intersects(c.rect, rect)).length);
    });
    return result;
  }

  clearAll(): void {
    this.call('clearAll', null, () => {
      const { sheet, rect } = this.target();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => !intersects(c.rect, rect));
      this.context.state.notify();
    });
  }
}

type RuleRef = () => ConditionalRule | null;

export class SimConditionalFormat extends RangeBound {
  private readonly textObject: SimTextConditionalFormat;
  private readonly cellValueObject: SimCellValueConditionalFormat;
  private readonly customObject: SimCustomConditionalFormat;
  private readonly dataBarObject: SimDataBarConditionalFormat;

  constructor(
    ctx: SimContext,
    range: SimRange,
    private readonly ruleRef: RuleRef,
  ) {
    super(ctx, range);
    this.textObject = new SimTextConditionalFormat(ctx, ruleRef);
    this.cellValueObject = new SimCellValueConditionalFormat(ctx, ruleRef);
    this.customObject = new SimCustomConditionalFormat(ctx, ruleRef);
    this.dataBarObject = new SimDataBarConditionalFormat(ctx, ruleRef);
  }
  protected override exists(): boolean {
    return this.ruleRef() !== null;
  }
  protected scalars(): Record<string, () => unknown> {
    return {
      type: () => this.ruleRef()?.type,
      priority: () => this.ruleRef()?.priority,
      stopIfTrue: () => this.ruleRef()?.stopIfTrue,
    };
  }
  get type(): Excel.ConditionalFormat['type'] {
    return this.read('type') as Excel.ConditionalFormat['type'];
  }
  get priority(): number {
    return this.read('priority') as number;
  }
  get stopIfTrue(): boolean {
    return this.read('stopIfTrue') as boolean;
  }
  set stopIfTrue(v: boolean) {
    this.write('stopIfTrue', v, () => ((this.ruleRef() as ConditionalRule).stopIfTrue = v));
  }
  get textComparison(): SimTextConditionalFormat {
    return this.textObject;
  }
  get cellValue(): SimCellValueConditionalFormat {
    return this.cellValueObject;
  }
  get custom(): SimCustomConditionalFormat {
    return this.customObject;
  }
  get dataBar(): SimDataBarConditionalFormat {
    return this.dataBarObject;
  }
  delete(): void {
    this.call('delete', null, () => {
      const { sheet } = this.target();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== this.ruleRef());
    });
  }
}

abstract class RuleBound extends SimClientObject {
  constructor(
    ctx: SimContext,
    protected readonly ruleRef: RuleRef,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.ruleRef() !== null;
  }
  protected theRule(expected: string): ConditionalRule {
    const rule = this.ruleRef() as ConditionalRule;
    if (rule.type !== expected)
      throw new SimError('InvalidOperation', `This conditional format is ${rule.type}, not ${expected}.`);
    return rule;
  }
}

export class SimConditionalRangeFormat extends RuleBound {
  private readonly fillObject = new SimConditionalRangeFill(this.context, this.ruleRef);
  private readonly fontObject = new SimConditionalRangeFont(this.context, this.ruleRef);
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  protected override navigation(): Record<string, SimClientObject> {
    return { fill: this.fillObject, font: this.fontObject };
  }
  get fill(): SimConditionalRangeFill {
    return this.fillObject;
  }
  get font(): SimConditionalRangeFont {
    return this.fontObject;
  }
}

export class SimConditionalRangeFill extends RuleBound {
  protected scalars(): Record<string, () => unknown> {
    return { color: () => this.ruleRef()?.format.fill ?? null };
  }
  get color(): string {
    return this.read('color') as string;
  }
  set color(v: string) {
    this.write('color', v, () => ((this.ruleRef() as ConditionalRule).format.fill = v));
  }
}

export class SimConditionalRangeFont extends RuleBound {
  protected scalars(): Record<string, () => unknown> {
    return {
      color: () => this.ruleRef()?.format.fontColor ?? null,
      bold: () => this.ruleRef()?.format.bold ?? null,
    };
  }
  get color(): string {
    return this.read('color') as string;
  }
  set color(v: string) {
    this.write('color', v, () => ((this.ruleRef() as ConditionalRule).format.fontColor = v));
  }
  get bold(): boolean {
    return this.read('bold') as boolean;
  }
  set bold(v: boolean) {
    this.write('bold', v, () => ((this.ruleRef() as ConditionalRule).format.bold = v));
  }
}

export class SimTextConditionalFormat extends RuleBound {
  private readonly formatObject = new SimConditionalRangeFormat(this.context, this.ruleRef);
  protected scalars(): Record<string, () => unknown> {
    return { rule: () => this.ruleRef()?.textComparison ?? null };
  }
  protected override navigation(): Record<string, SimClientObject> {
    return { format: this.formatObject };
  }
  get format(): SimConditionalRangeFormat {
    return this.formatObject;
  }
  get rule(): Excel.ConditionalTextComparisonRule {
    return this.read('rule') as Excel.ConditionalTextComparisonRule;
  }
  set rule(rule: Excel.ConditionalTextComparisonRule) {
    this.write('rule', rule, () => {
      this.theRule('ContainsText').textComparison = { operator: String(rule.operator), text: rule.text };
    });
  }
}

export class SimCellValueConditionalFormat extends RuleBound {
  private readonly formatObject = new SimConditionalRangeFormat(this.context, this.ruleRef);
  protected scalars(): Record<string, () => unknown> {
    return { rule: () => this.ruleRef()?.cellValue ?? null };
  }
  protected override navigation(): Record<string, SimClientObject> {
    return { format: this.formatObject };
  }
  get format(): SimConditionalRangeFormat {
    return this.formatObject;
  }
  get rule(): Excel.ConditionalCellValueRule {
    return this.read('rule') as Excel.ConditionalCellValueRule;
  }
  set rule(rule: Excel.ConditionalCellValueRule) {
    this.write('rule', rule, () => {
      this.theRule('CellValue').cellValue = {
        operator: String(rule.operator),
        formula1: rule.formula1,
        formula2: rule.formula2,
      };
    });
  }
}

export class SimConditionalFormatRule extends RuleBound {
  protected scalars(): Record<string, () => unknown> {
    return { formula: () => this.ruleRef()?.custom?.formula ?? null };
  }
  get formula(): string {
    return this.read('formula') as string;
  }
  set formula(formula: string) {
    this.write('formula', formula, () => {
      if (!formula.startsWith('='))
        throw new SimError('InvalidArgument', 'A conditional format formula starts with =.');
      this.theRule('Custom').custom = { formula };
    });
  }
}

export class SimCustomConditionalFormat extends RuleBound {
  private readonly formatObject = new SimConditionalRangeFormat(this.context, this.ruleRef);
  private readonly ruleObject = new SimConditionalFormatRule(this.context, this.ruleRef);
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  protected override navigation(): Record<string, SimClientObject> {
    return { format: this.formatObject, rule: this.ruleObject };
  }
  get format(): SimConditionalRangeFormat {
    return this.formatObject;
  }
  get rule(): SimConditionalFormatRule {
    return this.ruleObject;
  }
}

export class SimDataBarConditionalFormat extends RuleBound {
  private readonly positiveObject = new SimConditionalDataBarPositiveFormat(this.context, this.ruleRef);
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  protected override navigation(): Record<string, SimClientObject> {
    return { positiveFormat: this.positiveObject };
  }
  get positiveFormat(): SimConditionalDataBarPositiveFormat {
    return this.positiveObject;
  }
}

export class SimConditionalDataBarPositiveFormat extends RuleBound {
  protected scalars(): Record<string, () => unknown> {
    return { fillColor: () => this.ruleRef()?.dataBar?.barColor ?? '#638EC6' };
  }
  get fillColor(): string {
    return this.read('fillColor') as string;
  }
  set fillColor(color: string) {
    this.write('fillColor', color, () => {
      this.theRule('DataBar').dataBar = { barColor: color };
    });
  }
}
