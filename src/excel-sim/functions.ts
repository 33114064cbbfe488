// Worksheet functions (Excel.Functions, ExcelApi 1.2): DATE only, which tells a workbook's date
// system. A 1904 workbook (old Mac files; "Date systems in Excel": 1904 system) counts days from
// 1904-01-01 as 0, so DATE(1904,1,1) is 0 there and 1462 in the 1900 system.
// https://learn.microsoft.com/office/troubleshoot/excel/1900-and-1904-date-system
import { SimClientObject, type SimContext } from './core';
import { SimError } from './errors';

const DAY_MS = 86_400_000;

/** The serial of a date in the workbook's date system. */
export function serialOf(system: '1900' | '1904', year: number, month: number, day: number): number {
  const epoch = system === '1904' ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return Math.round((Date.UTC(year, month - 1, day) - epoch) / DAY_MS);
}

/** Excel.FunctionResult: value and error, readable after load and sync. */
export class SimFunctionResult extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly compute: () => number,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return true;
  }
  protected scalars(): Record<string, () => unknown> {
    return { value: () => this.compute(), error: () => null };
  }
  get value(): number {
    return this.read('value') as number;
  }
  get error(): string {
    return this.read('error') as string;
  }
}

/** Excel.Functions: no properties to load, only functions whose results are loaded. */
export class SimFunctions {
  constructor(readonly context: SimContext) {}
  date(year: number, month: number, day: number): SimFunctionResult {
    if (![year, month, day].every(Number.isInteger))
      throw new SimError('InvalidArgument', 'The simulator computes DATE of whole numbers only.');
    return new SimFunctionResult(this.context, () =>
      serialOf(this.context.state.dateSystem, year, month, day),
    );
  }
}
