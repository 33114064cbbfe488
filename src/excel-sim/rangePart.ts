// The base of every object that belongs to a range (format, fill, font, validation, conditional
// formats): it exists while its range does. Its own module so range.ts and rangeRules.ts can both
// extend it without importing each other at run time.
import { SimClientObject, type SimContext } from './core';
import type { RangeTarget, SimRange } from './range';

export abstract class RangeBound extends SimClientObject {
  constructor(
    ctx: SimContext,
    protected readonly range: SimRange,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.range._resolveTarget() !== null;
  }
  protected target(): RangeTarget {
    return this.range._target();
  }
}
