// Checks of the 指标 table against itself and the ledger: 完成值 that is not a number or is
// negative, above its target (worth a look), a task marked 已完成 with an indicator short of
// its target, a row whose task is gone, and a ledger whose text sets targets with no 指标
// table to keep them in. Validation turns these into findings on the 指标 sheet.
import { sheetRowNumber } from './addresses';
import {
  indicatorLabel,
  rateFormula,
  readActual,
  repeatedIndicators,
  shownAmount,
  type IndicatorColumn,
  type IndicatorTable,
} from './indicators';
import type { Bilingual } from './language';
import type { LedgerTask } from './tasks';

export type IndicatorRuleId =
  | 'indicators.missing'
  | 'indicator.target'
  | 'indicator.actual'
  | 'indicator.aboveTarget'
  | 'indicator.doneBelowTarget'
  | 'indicator.orphan'
  | 'indicator.rate'
  | 'indicator.repeated';

export interface IndicatorIssue {
  readonly rule: IndicatorRuleId;
  /** Data-row index in the 指标 table; null for the table as a whole. */
  readonly row: number | null;
  readonly column: number | null;
  readonly columnKey: IndicatorColumn | null;
  readonly taskNo: number | null;
  readonly message: Bilingual;
}

const amount = (n: number) => shownAmount(n);

/**
 * `table` undefined: the caller did not read the workbook's, so nothing is said about it.
 * `seeded`: how many indicators the ledger's text sets (to say a missing table matters).
 */
export function checkIndicators(
  table: IndicatorTable | null | undefined,
  tasks: readonly LedgerTask[],
  seeded: number,
): IndicatorIssue[] {
  if (table === undefined) return [];
  if (table === null) {
    if (seeded === 0) return [];
    return [
      {
        rule: 'indicators.missing',
        row: null,
        column: null,
        columnKey: null,
        taskNo: null,
        message: {
          zh: `任务正文中有${seeded}个量化指标（如“10门在线精品课”），工作簿中还没有本方案的“指标”表来填报完成值。`,
          en: `The task text sets ${seeded} quantitative targets, and the workbook has no 指标 table for this plan to report them in.`,
        },
      },
    ];
  }
  const out: IndicatorIssue[] = [];
  const byNo = new Map<number, LedgerTask>();
  for (const t of tasks) if (t.no !== null && !byNo.has(t.no)) byNo.set(t.no, t);
  const repeats = repeatedIndicators(table);
  for (const ind of table.indicators) {
    const sheetRow = sheetRowNumber(table.place, ind.row);
    const task = ind.no === null ? undefined : byNo.get(ind.no);
    // Three counties' 职教中心 are told apart by their owners.
    const label = !ind.name ? '' : task ? indicatorLabel(ind, task.unitsText) : ind.name;
    const issue = (rule: IndicatorRuleId, key: IndicatorColumn, zh: string, en: string): IndicatorIssue => ({
      rule,
      row: ind.row,
      column: table.columns[key] ?? null,
      columnKey: key,
      taskNo: ind.no,
      message: {
        zh: `指标表第${sheetRow}行${label ? `“${label}”` : ''}：${zh}`,
        en: `指标 row ${sheetRow}${label ? ` (${label})` : ''}: ${en}`,
      },
    });
    const earlier = repeats.get(ind.row);
    if (earlier !== undefined) {
      const first = sheetRowNumber(table.place, earlier);
      out.push(
        issue(
          'indicator.repeated',
          'name',
          `与第${first}行是同一指标（同一任务、指标和责任单位），合计和完成率只计第${first}行；如是误复制，请删除本行`,
          `the same indicator as row ${first} (task, name and owner); totals and shares count row ${first} only. Delete this row if it was copied by mistake`,
        ),
      );
    }
    if (!task)
      out.push(
        issue(
          'indicator.orphan',
          'no',
          ind.no === null ? '序号为空或不是正整数，无法对应到任务' : `台账中已没有序号为${ind.no}的任务`,
          ind.no === null ? 'its 序号 is empty or not a whole number' : `the ledger has no task ${ind.no}`,
        ),
      );
    if (ind.target === null && table.columns.target !== undefined) {
      const reading = readActual(ind.targetCell);
      const meant = reading.kind === 'invalid' ? reading.meant : undefined;
      out.push(
        issue(
          'indicator.target',
          'target',
          meant === undefined
            ? '目标值不是正数'
            : `目标值“${String(ind.targetCell)}”不是数字（表中的完成率因此为空）；若指${amount(meant)}，请改为${amount(meant)}`,
          meant === undefined
            ? 'the target is not a positive number'
            : `the target "${String(ind.targetCell)}" is not a number (so the sheet's 完成率 is blank); if ${amount(meant)} is meant, write ${amount(meant)}`,
        ),
      );
    }
    if (ind.actual.kind === 'invalid') {
      const { reason, meant } = ind.actual;
      out.push(
        issue(
          'indicator.actual',
          'actual',
          reason === 'negative'
            ? `完成值${String(ind.actualCell)}为负数`
            : `完成值“${String(ind.actualCell)}”不是数字${meant === undefined ? '，请填写0或正数' : `；若指${amount(meant)}，请改为${amount(meant)}`}`,
          reason === 'negative'
            ? `the actual value ${String(ind.actualCell)} is negative`
            : `the actual value "${String(ind.actualCell)}" is not a number${meant === undefined ? '; enter 0 or more' : `; if ${amount(meant)} is meant, write ${amount(meant)}`}`,
        ),
      );
    }
    if (ind.rate !== null && !ind.rate.startsWith('='))
      out.push(
        issue(
          'indicator.rate',
          'rate',
          `${ind.rate ? `完成率已被改写为“${ind.rate}”` : '完成率的公式已被删除'}，不再随完成值更新；请恢复公式 ${rateFormula(table, ind.row)}`,
          `${ind.rate ? `完成率 was overwritten with "${ind.rate}"` : "完成率's formula was deleted"} and no longer follows 完成值; restore the formula ${rateFormula(table, ind.row)}`,
        ),
      );
    const unit = ind.measure;
    if (task?.done && ind.target !== null && ind.actual.kind === 'empty')
      out.push(
        issue(
          'indicator.doneBelowTarget',
          'actual',
          `第${task.no}项已标记“已完成”，但完成值未填写（目标${amount(ind.target)}${unit}）`,
          `task ${task.no} is marked done, but no actual value is reported`,
        ),
      );
    if (ind.actual.kind !== 'ok' || ind.target === null) continue;
    if (ind.actual.value > ind.target)
      out.push(
        issue(
          'indicator.aboveTarget',
          'actual',
          `完成值${amount(ind.actual.value)}${unit}超过目标值${amount(ind.target)}${unit}，请确认`,
          `the actual value ${amount(ind.actual.value)} is above the target ${amount(ind.target)}`,
        ),
      );
    else if (task?.done && ind.actual.value < ind.target)
      out.push(
        issue(
          'indicator.doneBelowTarget',
          'actual',
          `第${task.no}项已标记“已完成”，但完成值${amount(ind.actual.value)}${unit}未达目标值${amount(ind.target)}${unit}`,
          `task ${task.no} is marked done, but the actual value ${amount(ind.actual.value)} is below the target ${amount(ind.target)}`,
        ),
      );
  }
  return out;
}
