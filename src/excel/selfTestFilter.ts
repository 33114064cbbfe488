// Self-test probes of the pane's writes on the temporary ledger: a unit filter as Excel shows it,
// a status set, and both again with the official columns protected.
import { cellOf, tasksForUnit, type Ledger } from '../ledger';
import { setOfficialColumnsProtected } from './protection';
import { readLedger } from './readLedger';
import { TABLE, type Probe, type SelfTestCheck } from './selfTestProbe';
import { setTaskStatus } from './setStatus';
import { applyUnitFilter, clearUnitFilter } from './unitFilter';

/** Each row's 序号 and 责任单位, by the ledger's headers. */
const tasksOf = (ledger: Ledger) =>
  ledger.rows.map((_, i) => ({ no: cellOf(ledger, i, 'no'), units: cellOf(ledger, i, 'units') }));

/** The 状态 of the task numbered `no`, by the ledger's headers. */
function statusOf(ledger: Ledger, no: number) {
  const row = ledger.rows.findIndex((_, i) => cellOf(ledger, i, 'no') === no);
  return row < 0 ? null : cellOf(ledger, row, 'status');
}

/** Data rows of the table Excel shows (not hidden by a filter), read row by row in one sync. */
async function visibleDataRows(
  context: Excel.RequestContext,
  tableName: string,
  rows: number,
): Promise<number> {
  const body = context.workbook.tables.getItem(tableName).getDataBodyRange();
  const each = Array.from({ length: rows }, (_, i) => {
    const row = body.getRow(i);
    row.load('rowHidden');
    return row;
  });
  await context.sync();
  return each.filter((row) => !row.rowHidden).length;
}

/** Filter, set a status, both on a protected ledger. */
export function filterProbes(p: Probe): SelfTestCheck[] {
  const { run, expect } = p;
  return [
    {
      id: 'filter',
      title: { zh: '按单位筛选并清除', en: 'Filter by unit and clear' },
      run: async () => {
        const read = (await run((context) => readLedger(context, TABLE)))!;
        const tasks = tasksOf(read.ledger);
        const numbers = tasksForUnit(tasks, '双辽市人民政府');
        await run((context) => applyUnitFilter(context, read, numbers));
        // What Excel shows, not what the add-in asked for: count the rows left visible.
        const visible = await run((context) => visibleDataRows(context, TABLE, read.ledger.rows.length));
        await run((context) => clearUnitFilter(context, read));
        expect(visible === numbers.length, {
          zh: `筛选后显示${visible}行，应为${numbers.length}行`,
          en: `${visible} rows visible after filtering, expected ${numbers.length}`,
        });
        return { zh: `双辽市人民政府：显示${visible}项`, en: `双辽市人民政府: ${visible} tasks shown` };
      },
    },
    {
      id: 'status',
      title: { zh: '修改状态', en: 'Set a status' },
      run: async () => {
        const read = (await run((context) => readLedger(context, TABLE)))!;
        const { address } = await run((context) => setTaskStatus(context, read, 19, { status: '已完成' }));
        const again = (await run((context) => readLedger(context, TABLE)))!;
        expect(statusOf(again.ledger, 19) === '已完成', {
          zh: '状态未写入',
          en: 'the status was not written',
        });
        return { zh: address, en: address };
      },
    },
    {
      id: 'protected',
      title: {
        zh: '保护正式列后仍可筛选、修改状态',
        en: 'Filter and set a status with the official columns protected',
      },
      run: async () => {
        const read = (await run((context) => readLedger(context, TABLE)))!;
        await run((context) => setOfficialColumnsProtected(context, read.location, read.ledger.header, true));
        try {
          const numbers = tasksForUnit(tasksOf(read.ledger), '市教育局');
          await run((context) => applyUnitFilter(context, read, numbers));
          const visible = await run((context) => visibleDataRows(context, TABLE, read.ledger.rows.length));
          await run((context) => clearUnitFilter(context, read));
          await run((context) => setTaskStatus(context, read, 20, { status: '滞后' }));
          const again = (await run((context) => readLedger(context, TABLE)))!;
          expect(visible === numbers.length && statusOf(again.ledger, 20) === '滞后', {
            zh: `受保护时筛选显示${visible}行（应为${numbers.length}），状态为“${String(statusOf(again.ledger, 20))}”`,
            en: `protected: ${visible} rows shown (expected ${numbers.length}), status "${String(statusOf(again.ledger, 20))}"`,
          });
          return { zh: `显示${visible}行，状态已写入`, en: `${visible} rows shown, status written` };
        } finally {
          await run((context) =>
            setOfficialColumnsProtected(context, read.location, read.ledger.header, false),
          );
        }
      },
    },
  ];
}
