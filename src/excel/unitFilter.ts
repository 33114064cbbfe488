// The unit filter works through the table's own 序号 filter, so Excel's UI can clear it too.
import { LedgerError } from './errors';
import type { LedgerLocation } from './readLedger';

export async function applyUnitFilter(
  context: Excel.RequestContext,
  location: LedgerLocation,
  numberHeader: string,
  numbers: readonly number[],
): Promise<number> {
  if (numbers.length === 0) {
    throw new LedgerError(
      { zh: '所选单位在台账中没有任务，未更改筛选。', en: 'The selected units have no tasks; the filter was not changed.' },
      'NoTasks',
    );
  }
  const table = context.workbook.tables.getItem(location.tableName);
  table.clearFilters();
  table.columns.getItem(numberHeader).filter.applyValuesFilter(numbers.map(String));
  await context.sync();
  return numbers.length;
}

export async function clearUnitFilter(context: Excel.RequestContext, location: LedgerLocation): Promise<void> {
  context.workbook.tables.getItem(location.tableName).clearFilters();
  await context.sync();
}
