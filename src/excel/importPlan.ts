// 导入分工表 › 导入: the ledger, 单位名录 and 指标 made from a plan the user has reviewed. A plan read
// from a sheet is checked against that sheet in this action's own request: if its cells changed
// since they were read (a co-author, or the user meanwhile), nothing is written.
import type { Plan } from '../ledger';
import { createLedger, type CreateResult } from './createLedger';
import { LedgerError } from './errors';
import type { ApiSupport } from './requirements';

export interface ReadFrom {
  readonly sheet: string;
  /** The used range's cells as they showed when read, before the user's fixes in the pane. */
  readonly cells: readonly (readonly string[])[];
}

export async function importPlan(
  context: Excel.RequestContext,
  plan: Plan,
  options: { readonly supports: ApiSupport; readonly from: ReadFrom | null },
): Promise<CreateResult> {
  if (options.from) {
    const { sheet: name, cells } = options.from;
    const sheet = context.workbook.worksheets.getItemOrNullObject(name).load('name');
    const used = sheet.getUsedRangeOrNullObject(true).load('text');
    await context.sync();
    if (sheet.isNullObject || used.isNullObject || JSON.stringify(used.text) !== JSON.stringify(cells))
      throw new LedgerError({
        zh: `工作表“${name}”在读取后已更改或已不存在，未导入任何内容。请重新读取后再导入。`,
        en: `The sheet ${name} changed or is gone since it was read; nothing was imported. Read it again, then import.`,
      });
  }
  return createLedger(context, { supports: options.supports, plan });
}
