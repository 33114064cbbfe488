// Self-test probes on a ledger of its own: the workbook's reference data, then a ledger made on
// a temporary sheet, read back and validated.
import { OFFICIAL_TASKS, validateLedger } from '../ledger';
import { createLedger } from './createLedger';
import { readLedger } from './readLedger';
import { readReference } from './reference';
import { SHEET, TABLE, type Probe, type SelfTestCheck } from './selfTestProbe';

/** The self-test builds the built-in plan's ledger and expects each of its tasks back. */
const PLAN_TASKS = OFFICIAL_TASKS.length;

/** Reference data, create, read, validate. */
export function ledgerProbes(p: Probe): SelfTestCheck[] {
  const { run, supports, asOf, created, expect } = p;
  return [
    {
      id: 'reference',
      title: {
        zh: '检查本工作簿的单位名录和状态列表',
        en: "Check this workbook's unit directory and status list",
      },
      run: async () => {
        const ledger = await run((context) => readLedger(context));
        const reference = await run((context) => readReference(context));
        if (!ledger)
          return { zh: '尚未建台账，使用内置默认值', en: 'No ledger yet: the built-in defaults apply' };
        const findings = validateLedger(ledger.ledger, { asOf, reference: reference.health }).filter((f) =>
          f.rule.startsWith('reference.'),
        );
        expect(findings.length === 0, findings[0]?.message ?? { zh: '', en: '' });
        const units = reference.directory.units.length;
        const statuses = reference.statuses.length;
        return { zh: `单位${units}个，状态${statuses}个`, en: `${units} units, ${statuses} statuses` };
      },
    },
    {
      id: 'create',
      title: { zh: '在临时工作表上新建台账', en: 'Create a ledger on a temporary sheet' },
      run: async () => {
        const result = await run((context) =>
          createLedger(context, {
            supports,
            sheetName: SHEET,
            tableName: TABLE,
            withDirectory: false,
            withIndicators: false,
            withLedgerId: false,
          }),
        );
        created.push(result.sheetName);
        expect(result.taskCount === PLAN_TASKS, {
          zh: `应为${PLAN_TASKS}项，实为${result.taskCount}项`,
          en: `expected ${PLAN_TASKS} tasks, found ${result.taskCount}`,
        });
        return {
          zh: `${result.sheetName}：${result.taskCount}项任务`,
          en: `${result.sheetName}: ${result.taskCount} tasks`,
        };
      },
    },
    {
      id: 'read',
      title: { zh: '读取台账', en: 'Read the ledger' },
      run: async () => {
        const read = await run((context) => readLedger(context, TABLE));
        expect(read !== null && read.ledger.rows.length === PLAN_TASKS, {
          zh: `读取的行数不是${PLAN_TASKS}`,
          en: `did not read ${PLAN_TASKS} rows`,
        });
        const rows = read?.ledger.rows.length;
        const columns = read?.ledger.headerRow.length;
        return { zh: `${rows}行，表头${columns}列`, en: `${rows} rows, ${columns} header columns` };
      },
    },
    {
      id: 'validate',
      title: { zh: '校验', en: 'Validate' },
      run: async () => {
        const read = await run((context) => readLedger(context, TABLE));
        const errors = validateLedger(read!.ledger, { asOf }).filter((f) => f.severity === 'error');
        expect(errors.length === 0, {
          zh: `出现${errors.length}个错误：${errors[0]?.message.zh ?? ''}`,
          en: `${errors.length} errors: ${errors[0]?.message.en ?? ''}`,
        });
        return { zh: '无错误', en: 'no errors' };
      },
    },
  ];
}
