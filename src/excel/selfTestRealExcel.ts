// Self-test probes of what the simulator was taught from the docs and the issue tracker (issue 23)
// and only real Excel can confirm: a filtered 进度快照 replaced for the same date, the status
// dropdown on a protected ledger, 完成率 appended after the 完成值 column was moved, a read that
// waits out a cell being edited. Each works on tables of its own (on sheets the cleanup removes)
// or on the temporary ledger, and puts back what it changed.
import {
  DEFAULT_STATUSES,
  INDICATOR_SPEC,
  layoutOf,
  placeRecord,
  SNAPSHOT_SPEC,
  snapshotRows,
  structuredRateFormula,
  summarize,
  type CellValue,
} from '../ledger';
import { excelErrorCode } from './errors';
import { setStatusValidation } from './ledgerFormat';
import {
  LEDGER_PROTECTION,
  loadProtection,
  setOfficialColumnsProtected,
  syncKeepingProtection,
} from './protection';
import { readLedger } from './readLedger';
import { TABLE, type Probe, type SelfTestCheck } from './selfTestProbe';
import { queueSnapshotRead, queueSnapshotWrite } from './snapshotSheet';
import { appendSpecRows, createSpecTable, fitAppended, queueRoomBelow } from './specTable';

export const SNAPSHOT_PROBE_SHEET = '自检快照';
export const SNAPSHOT_PROBE_TABLE = 'SnapshotSelfTest';
export const INDICATOR_PROBE_SHEET = '自检指标';
export const INDICATOR_PROBE_TABLE = 'IndicatorsSelfTest';

/** A sheet of the probe's own, its name recorded for the cleanup. */
async function probeSheet(p: Probe, name: string, fill: (sheet: Excel.Worksheet) => void): Promise<void> {
  const made = await p.run(async (context) => {
    const sheet = context.workbook.worksheets.add(name);
    fill(sheet);
    sheet.load('name');
    await context.sync();
    return sheet.name;
  });
  p.created.push(made);
}

/** The four probes, in the order the scenario runs them. */
export function realExcelProbes(p: Probe): SelfTestCheck[] {
  const { run, runWhenIdle, supports, asOf, expect } = p;
  return [
    {
      id: 'snapshotFiltered',
      title: {
        zh: '进度快照被筛选后，同一日期再次生成：清除筛选并整块替换',
        en: 'A filtered progress snapshot, the same date again: filters cleared, rows replaced as one block',
      },
      run: async () => {
        const read = (await run((context) => readLedger(context, TABLE)))!;
        const rows = snapshotRows(summarize(read.ledger, { asOf }));
        await probeSheet(p, SNAPSHOT_PROBE_SHEET, (sheet) =>
          createSpecTable(
            sheet,
            SNAPSHOT_SPEC,
            { rows },
            { style: 'TableStyleLight1', name: SNAPSHOT_PROBE_TABLE },
          ),
        );
        // Filtered as a user would (the protection allows it): rows of one status shown.
        await run(async (context) => {
          const table = context.workbook.tables.getItem(SNAPSHOT_PROBE_TABLE);
          table.columns.getItem('状态').filter.applyValuesFilter([DEFAULT_STATUSES[0]]);
          await context.sync();
        });
        const outcome = await run(async (context) => {
          const queued = queueSnapshotRead(context, SNAPSHOT_PROBE_TABLE);
          await context.sync();
          const written = await queueSnapshotWrite(
            context,
            queued('1900'),
            rows,
            asOf,
            [],
            async () => false,
            supports,
          );
          await context.sync();
          // The table resized over rows it did not take in (AutoCorrect off), as the summaries do.
          written.remember();
          await context.sync();
          return written.outcome();
        });
        const after = await run(async (context) => {
          const table = context.workbook.tables.getItem(SNAPSHOT_PROBE_TABLE);
          const body = table.getDataBodyRange().load('rowCount');
          const filters = table.columns.load('items/filter/criteria');
          await context.sync();
          return {
            rows: body.rowCount,
            filtered: filters.items.some((c) => c.filter.criteria?.filterOn !== undefined),
          };
        });
        const replaced = outcome.kept ? outcome.replaced : 0;
        expect(outcome.kept && replaced === rows.length && after.rows === rows.length && !after.filtered, {
          zh: `替换${replaced}行（应为${rows.length}），表中${after.rows}行，筛选${after.filtered ? '仍在' : '已清除'}`,
          en: `${replaced} rows replaced (expected ${rows.length}), ${after.rows} in the table, filter ${after.filtered ? 'still on' : 'cleared'}`,
        });
        return {
          zh: `筛选已清除，${rows.length}行整块替换`,
          en: `filter cleared, ${rows.length} rows replaced`,
        };
      },
    },
    {
      id: 'protectedDropdown',
      title: {
        zh: '台账受保护时重设状态下拉：Excel 拒绝，加载项先撤销自己的保护再设置',
        en: 'The status dropdown on a protected ledger: Excel refuses; the add-in lifts its own protection first',
      },
      run: async () => {
        // Data validation is ExcelApi 1.8; without it there is no dropdown to set.
        if (!supports('1.8')) return { zh: '跳过（需要 ExcelApi 1.8）', en: 'skipped (needs ExcelApi 1.8)' };
        const read = (await run((context) => readLedger(context, TABLE)))!;
        const statusCells = (context: Excel.RequestContext) =>
          context.workbook.tables.getItem(TABLE).columns.getItem('状态').getDataBodyRange();
        await run((context) => setOfficialColumnsProtected(context, read.location, read.ledger.header, true));
        try {
          const refused = await run(async (context) => {
            setStatusValidation(statusCells(context), DEFAULT_STATUSES, 'inline', supports);
            await context.sync();
          }).then(
            () => null,
            (error: unknown) => excelErrorCode(error) ?? 'error',
          );
          // As 重建 does: lift the add-in's protection, set the rule, protect again, in one request.
          const after = await run(async (context) => {
            const guard = loadProtection(context, read.location);
            await context.sync();
            guard.protection.unprotect();
            setStatusValidation(statusCells(context), DEFAULT_STATUSES, 'inline', supports);
            guard.protection.protect(LEDGER_PROTECTION);
            await syncKeepingProtection(context, guard.sheet, true, LEDGER_PROTECTION);
            const protection = guard.sheet.protection.load('protected');
            const rule = statusCells(context).dataValidation.load('type');
            await context.sync();
            return { protected: protection.protected, type: rule.type };
          });
          expect(refused !== null && after.protected && after.type === 'List', {
            zh: `受保护时设置：${refused ?? '未被拒绝'}；撤销后设置：${after.type}，之后${after.protected ? '已' : '未'}恢复保护`,
            en: `while protected: ${refused ?? 'not refused'}; lifted: ${after.type}, protection ${after.protected ? '' : 'not '}restored`,
          });
          return {
            zh: `受保护时被拒绝（${refused}），撤销后设置成功`,
            en: `refused while protected (${refused}), set once lifted`,
          };
        } finally {
          await run((context) =>
            setOfficialColumnsProtected(context, read.location, read.ledger.header, false),
          );
        }
      },
    },
    {
      id: 'movedActual',
      title: {
        zh: '完成值列移动后追加指标：完成率公式按列名引用',
        en: 'An indicator appended after 完成值 was moved: 完成率 refers to the columns by name',
      },
      run: async () => {
        // The 完成值 column first, as a user may drag it: the table's order is not the spec's.
        const moved = [
          ...INDICATOR_SPEC.columns.filter((c) => c.key === 'actual'),
          ...INDICATOR_SPEC.columns.filter((c) => c.key !== 'actual'),
        ];
        const spec = { ...INDICATOR_SPEC, columns: moved };
        const layout = layoutOf(
          INDICATOR_SPEC,
          moved.map((c) => c.header),
        );
        const formula = structuredRateFormula(INDICATOR_PROBE_TABLE, '完成值', '目标值');
        const record = (no: number, target: number, actual: number): CellValue[] =>
          placeRecord(layout, {
            no,
            name: `自检指标${no}`,
            target,
            actual,
            rate: formula,
          });
        await probeSheet(p, INDICATOR_PROBE_SHEET, (sheet) =>
          createSpecTable(
            sheet,
            spec,
            { rows: [record(1, 10, 5)] },
            { style: 'TableStyleMedium9', name: INDICATOR_PROBE_TABLE },
          ),
        );
        const read = await run(async (context) => {
          const table = context.workbook.tables.getItem(INDICATOR_PROBE_TABLE);
          const room = queueRoomBelow(table);
          await context.sync();
          const appended = appendSpecRows(table, INDICATOR_SPEC, layout, [record(2, 8, 2)], {
            clearBelow: room.clear(),
            supports,
          });
          await context.sync();
          await fitAppended(context, table, [appended], supports);
          const rate = table.columns.getItem('完成率').getDataBodyRange().load('formulas, values');
          await context.sync();
          return {
            formulas: rate.formulas.map((r) => String(r[0])),
            values: rate.values.map((r) => r[0] as unknown),
          };
        });
        expect(
          // Excel may show a reference qualified by the table's own name without it, inside the table.
          read.formulas.every(
            (f) => f === formula || f === formula.split(`${INDICATOR_PROBE_TABLE}[`).join('['),
          ) &&
            read.values[0] === 0.5 &&
            read.values[1] === 0.25,
          {
            zh: `完成率公式：${read.formulas.join('；')}；值：${read.values.join('、')}（应为0.5、0.25）`,
            en: `完成率 formulas: ${read.formulas.join('; ')}; values ${read.values.join(', ')} (expected 0.5, 0.25)`,
          },
        );
        return { zh: `${formula}，值正确`, en: `${formula}, values right` };
      },
    },
    {
      id: 'cellEdit',
      title: {
        zh: '后台读取遇到单元格编辑：等编辑结束后完成，不报错（运行时可双击某单元格试验）',
        en: 'A background read while a cell is edited: it waits for the edit to end, no error (double-click a cell while it runs to try)',
      },
      run: async () => {
        const read = await runWhenIdle((context) => readLedger(context, TABLE));
        expect(read !== null, { zh: '后台读取未读到台账', en: 'the background read found no ledger' });
        return { zh: '后台读取完成', en: 'background read done' };
      },
    },
  ];
}
