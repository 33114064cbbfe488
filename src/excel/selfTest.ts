// A scenario the diagnostics tab runs in real Excel and the tests run on excel-sim: create a
// ledger on a temporary sheet, read, validate, filter, set a status, summarize, clean up.
// Anyone with Excel can so check that the add-in behaves there as it does here.
import {
  cellOf,
  LEDGER_COLUMNS,
  dayFromLocalDate,
  summarize,
  summarySheets,
  tasksForUnit,
  validateLedger,
  type Bilingual,
  type Ledger,
} from '../ledger';
import { adoptActiveSheet } from './adoptSheet';
import { columnLetter } from './cells';
import { createLedger } from './createLedger';
import { describeError, excelErrorCode, LedgerError } from './errors';
import { setStatusValidation } from './ledgerFormat';
import { setOfficialColumnsProtected } from './protection';
import { readLedger } from './readLedger';
import { readReference } from './reference';
import type { ApiSupport } from './requirements';
import { setTaskStatus } from './setStatus';
import { writeSummarySheets } from './summaries';
import { applyUnitFilter, clearUnitFilter } from './unitFilter';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** One check of the scenario: what it is called, and what it does (its result is the detail shown). */
interface SelfTestCheck {
  readonly id: string;
  readonly title: Bilingual;
  readonly run: () => Promise<Bilingual>;
}

export interface SelfTestStep {
  readonly id: string;
  readonly title: Bilingual;
  readonly ok: boolean;
  readonly detail: Bilingual;
  readonly ms: number;
}

const SHEET = '自检台账';
const TABLE = 'TaskLedgerSelfTest';
const MERGED_SHEET = '自检合并';
const STATUS_PROBE_TABLE = 'StatusListSelfTest';
/** The probe's own defined name, as the ledger's dropdown uses TaskStatusChoices; removed by the cleanup. */
const STATUS_PROBE_NAME = 'TaskStatusChoicesSelfTest';
const MERGED_TABLE = 'TaskLedgerSelfTestMerged';

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

export async function runSelfTest(
  run: ExcelRun,
  supports: ApiSupport,
  now = new Date(),
): Promise<SelfTestStep[]> {
  const steps: SelfTestStep[] = [];
  const created: string[] = [];
  const step = async ({ id, title, run: check }: SelfTestCheck) => {
    const start = Date.now();
    try {
      const detail = await check();
      steps.push({ id, title, ok: true, detail, ms: Date.now() - start });
      return true;
    } catch (error) {
      steps.push({ id, title, ok: false, detail: describeError(error), ms: Date.now() - start });
      return false;
    }
  };
  const asOf = dayFromLocalDate(now);
  const expect = (condition: boolean, message: Bilingual) => {
    if (!condition) throw new LedgerError(message, 'SelfTestFailed');
  };

  // The user's sheet comes back to the front when the test is done.
  const active = await run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    await context.sync();
    return sheet.name;
  });
  const scenario: SelfTestCheck[] = [
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
          }),
        );
        created.push(result.sheetName);
        expect(result.taskCount === 40, {
          zh: `应为40项，实为${result.taskCount}项`,
          en: `expected 40 tasks, found ${result.taskCount}`,
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
        expect(read !== null && read.ledger.rows.length === 40, {
          zh: '读取的行数不是40',
          en: 'did not read 40 rows',
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
    {
      id: 'statusList',
      title: {
        zh: '状态列表中新加的状态可在下拉中选用（表格改名后亦然）',
        en: 'A status added to the status table is accepted by the dropdown (also once renamed)',
      },
      run: async () => {
        // Data validation is ExcelApi 1.8; without it there is no cell dropdown to probe.
        if (!supports('1.8')) return { zh: '跳过（需要 ExcelApi 1.8）', en: 'skipped (needs ExcelApi 1.8)' };
        const accepted = await run(async (context) => {
          const sheet = context.workbook.worksheets.getItem(SHEET);
          // A status table of the test's own, right of the temporary ledger (one blank column
          // between, whatever its width): the user's StatusList is not touched.
          const probeColumn = columnLetter(LEDGER_COLUMNS.length + 1);
          const probeBlock = `${probeColumn}1:${probeColumn}3`;
          sheet.getRange(probeBlock).values = [['状态'], ['未启动'], ['已完成']];
          const probe = sheet.tables.add(probeBlock, true);
          probe.name = STATUS_PROBE_TABLE;
          // The dropdown through a defined name on the column, as the ledger's (TaskStatusChoices).
          context.workbook.names.add(STATUS_PROBE_NAME, `=${STATUS_PROBE_TABLE}[状态]`);
          const cell = context.workbook.tables
            .getItem(TABLE)
            .columns.getItem('状态')
            .getDataBodyRange()
            .getCell(0, 0);
          setStatusValidation(cell, ['未启动', '已完成'], { name: STATUS_PROBE_NAME }, supports);
          probe.rows.add(undefined, [['自检新增状态']]);
          cell.values = [['自检新增状态']];
          cell.load('dataValidation/valid');
          await context.sync();
          const added = cell.dataValidation.valid;
          // Renamed, the table is still what the name (and so the dropdown) refers to.
          probe.name = `${STATUS_PROBE_TABLE}Renamed`;
          probe.rows.add(undefined, [['改名后新增']]);
          cell.values = [['改名后新增']];
          cell.load('dataValidation/valid');
          await context.sync();
          const renamed = cell.dataValidation.valid;
          cell.values = [['不在列表中']];
          cell.load('dataValidation/valid');
          await context.sync();
          return { added, renamed, outside: cell.dataValidation.valid };
        });
        expect(accepted.added === true && accepted.renamed === true && accepted.outside === false, {
          zh: `新加的状态：${accepted.added ? '接受' : '未接受'}；改名后：${accepted.renamed ? '接受' : '未接受'}；列表外的值：${accepted.outside ? '接受' : '拒绝'}`,
          en: `added status ${accepted.added ? '' : 'not '}accepted; after renaming ${accepted.renamed ? '' : 'not '}accepted; outside the list ${accepted.outside ? 'accepted' : 'refused'}`,
        });
        return {
          zh: '新加的状态可选（改名后亦然），列表外的值被拒绝',
          en: 'added status accepted, others refused',
        };
      },
    },
    {
      id: 'merged',
      title: {
        zh: '含合并单元格的表格：转换被拒绝且不改动',
        en: 'A block with merged cells: adoption refused, nothing changed',
      },
      run: async () => {
        const sheetName = await run(async (context) => {
          const sheet = context.workbook.worksheets.add(MERGED_SHEET);
          sheet.getRange('A1:C3').values = [
            ['序号', '工作任务', '责任单位'],
            [1, '自检任务', '市教育局'],
            [2, '自检任务', '市教育局'],
          ];
          sheet.getRange('B2:C2').merge();
          sheet.activate();
          sheet.load('name');
          await context.sync();
          return sheet.name;
        });
        created.push(sheetName);
        const refused = await run((context) =>
          adoptActiveSheet(context, { supports, tableName: MERGED_TABLE }),
        ).then(
          () => null,
          (error: unknown) => error,
        );
        const left = await run(async (context) => {
          const tables = context.workbook.worksheets.getItem(sheetName).tables;
          tables.load('items/name');
          const header = context.workbook.worksheets.getItem(sheetName).getRange('D1:K1');
          header.load('values');
          await context.sync();
          const written = header.values[0] as unknown[];
          return { tables: tables.items.length, header: written.filter((v) => v !== '').length };
        });
        const code = refused instanceof LedgerError ? refused.code : excelErrorCode(refused);
        expect(code === 'MergedCells' && left.tables === 0 && left.header === 0, {
          zh: `结果：${code ?? '未拒绝'}，留下表格${left.tables}个、标题${left.header}个`,
          en: `result: ${code ?? 'not refused'}, ${left.tables} tables and ${left.header} headers left`,
        });
        return { zh: '已拒绝，工作表未改动', en: 'refused, sheet unchanged' };
      },
    },
    {
      id: 'text',
      title: { zh: '以“=”开头的文字按文字保存', en: 'Text starting with = stays text' },
      run: async () => {
        const types = await run(async (context) => {
          const cell = context.workbook.tables
            .getItem(TABLE)
            .columns.getItem('进展情况')
            .getDataBodyRange()
            .getCell(0, 0);
          cell.values = [['=1+1']];
          cell.load('valueTypes, values');
          await context.sync();
          const result = { type: cell.valueTypes[0][0] as string, value: cell.values[0][0] as unknown };
          cell.values = [['']];
          await context.sync();
          return result;
        });
        expect(types.type === 'String' && types.value === '=1+1', {
          zh: `文字列中的“=1+1”成了${types.type}（${String(types.value)}）`,
          en: `"=1+1" in a text column became ${types.type} (${String(types.value)})`,
        });
        return { zh: '“=1+1”保持为文字', en: '"=1+1" stayed text' };
      },
    },
    {
      id: 'summary',
      title: { zh: '生成汇总表', en: 'Make summary sheets' },
      run: async () => {
        const read = (await run((context) => readLedger(context, TABLE)))!;
        const model = summarize(read.ledger, { asOf });
        const specs = summarySheets(model, { overview: true, behind: true }).map((s) => ({
          ...s,
          name: `自检-${s.name}`.slice(0, 31),
        }));
        const result = await run((context) =>
          writeSummarySheets(context, specs, { supports, remember: false }),
        );
        created.push(...result.sheets.map((s) => s.name));
        expect(result.sheets.length === 2, { zh: '汇总表数量不对', en: 'wrong number of summary sheets' });
        const names = result.sheets.map((s) => s.name);
        return { zh: names.join('、'), en: names.join(', ') };
      },
    },
  ];
  // Each step builds on the one before: stop at the first failure, then clean up.
  for (const check of scenario) {
    if (!(await step(check))) break;
  }

  await step({
    id: 'cleanup',
    title: { zh: '清理临时工作表', en: 'Remove the temporary sheets' },
    run: async () => {
      await run(async (context) => {
        if (active && !created.includes(active)) context.workbook.worksheets.getItem(active).activate();
        for (const name of created) context.workbook.worksheets.getItem(name).delete();
        // The probe's defined name outlives its sheet: removed too, where a step made it.
        const probeName = context.workbook.names.getItemOrNullObject(STATUS_PROBE_NAME);
        probeName.load('name');
        await context.sync();
        if (!probeName.isNullObject) {
          probeName.delete();
          await context.sync();
        }
      });
      return created.length
        ? { zh: `已删除${created.join('、')}`, en: `Removed ${created.join(', ')}` }
        : { zh: '无需清理', en: 'Nothing to remove' };
    },
  });
  return steps;
}
