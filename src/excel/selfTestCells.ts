// Self-test probes of what Excel itself does with the add-in's cells: the status dropdown fed by
// a table through a defined name, a merged block refused, text starting with = kept as text.
import { LEDGER_COLUMNS } from '../ledger';
import { adoptActiveSheet } from './adoptSheet';
import { columnLetter } from './cells';
import { excelErrorCode, LedgerError } from './errors';
import { setStatusValidation } from './ledgerFormat';
import {
  MERGED_SHEET,
  MERGED_TABLE,
  SHEET,
  STATUS_PROBE_NAME,
  STATUS_PROBE_TABLE,
  TABLE,
  type Probe,
  type SelfTestCheck,
} from './selfTestProbe';

/** The dropdown, merged cells, text kept as text. */
export function cellProbes(p: Probe): SelfTestCheck[] {
  const { run, supports, created, expect } = p;
  return [
    {
      id: 'statusList',
      title: {
        zh: '状态列表中新加的状态可在下拉中选用（表格改名后亦然，名称随之指向新表名）',
        en: 'A status added to the status table is accepted by the dropdown (also once renamed, the name following it)',
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
          // The defined name the dropdown reads: Excel re-targets it to the renamed table.
          const name = context.workbook.names.getItem(STATUS_PROBE_NAME).load('formula');
          await context.sync();
          const renamed = cell.dataValidation.valid;
          const formula = String(name.formula);
          cell.values = [['不在列表中']];
          cell.load('dataValidation/valid');
          await context.sync();
          return { added, renamed, formula, outside: cell.dataValidation.valid };
        });
        const retargeted = accepted.formula === `=${STATUS_PROBE_TABLE}Renamed[状态]`;
        expect(
          accepted.added === true && accepted.renamed === true && retargeted && accepted.outside === false,
          {
            zh: `新加的状态：${accepted.added ? '接受' : '未接受'}；改名后：${accepted.renamed ? '接受' : '未接受'}，名称指向 ${accepted.formula}；列表外的值：${accepted.outside ? '接受' : '拒绝'}`,
            en: `added status ${accepted.added ? '' : 'not '}accepted; after renaming ${accepted.renamed ? '' : 'not '}accepted, the name refers to ${accepted.formula}; outside the list ${accepted.outside ? 'accepted' : 'refused'}`,
          },
        );
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
  ];
}
