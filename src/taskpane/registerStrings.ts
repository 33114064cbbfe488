// The 报送登记 section's strings in Chinese and English (same rule as i18n.ts: a key missing in
// either language fails the type check), and the notice after forms are issued.
import type { RegisterOutcome } from '../excel';
import type { Language } from '../ledger';
import type { Notice } from './useAction';

/** A 报送截止 date as shown, with the units that owe their returns by it. */
interface Due {
  readonly date: string;
  readonly units: readonly string[];
}

const zh = {
  title: '本期报送情况',
  none: '还没有下发记录：生成反馈表时自动记入“报送登记”表。',
  round: (asOf: string, due: readonly Due[]) =>
    due.length === 1
      ? `截至${asOf}的一期，报送截止${due[0].date}。`
      : `截至${asOf}的一期，截止日期不一：${due.map((d) => `${d.date}（${d.units.join('、')}）`).join('；')}。`,
  counts: (onTime: number, late: number, waiting: number, overdue: number) =>
    `已报${onTime + late}个（按时${onTime}、逾期报送${late}），未报${waiting}个，逾期未报${overdue}个。`,
  onTime: (date: string, times: number) => `已报 ${date}${times > 1 ? `（第${times}次）` : ''}`,
  late: (date: string, days: number, times: number) =>
    `逾期报送 ${date}（晚${days}天）${times > 1 ? `（第${times}次）` : ''}`,
  waiting: (days: number) => (days === 0 ? '未报（今天截止）' : `未报（还有${days}天）`),
  overdue: (days: number) => `逾期未报（已过${days}天）`,
  notAsked: '（本期未下发）',
  jump: (unit: string) => `在“变更记录”中查看${unit}导入的修改`,
  noChanges: (unit: string) => `“变更记录”中没有${unit}导入的修改。`,
  remindTitle: '催报',
  remindAll: '催报草稿（.zip）',
  remindOne: '催报',
  remindFor: (unit: string) => `催报草稿：${unit}`,
  copy: '复制催报正文',
  copied: (n: number) => `已复制${n}个单位的催报正文。`,
  copyRefused: '当前环境不允许写入剪贴板。请下载草稿后复制。',
  drafted: (n: number, missing: readonly string[]) =>
    `已生成${n}份催报草稿${missing.length ? `，其中${missing.length}个单位缺邮箱：${missing.join('、')}` : ''}。`,
  issued: (n: number, sheet: string) => `已生成${n}份反馈表，已记入“${sheet}”。`,
  notKept: (n: number, sheet: string) =>
    `已生成${n}份反馈表；工作表“${sheet}”被他人设置了保护，本次未记入报送登记。`,
  noRoom: (n: number, sheet: string) =>
    `已生成${n}份反馈表；“${sheet}”的表格缺少“方案”列，且其右侧有内容，添加该列会把它们挤开，本次未记入报送登记。移走表格右侧的内容后再操作即可记录。`,
  record: (n: number) => `记录为已报（${n}个单位）`,
  recordHint: '这些反馈表没有要导入的修改；记录为已报后，这些单位在本期计为已报。',
  recorded: (units: readonly string[], sheet: string) => `已在“${sheet}”中记录${units.join('、')}为已报。`,
  recordNotKept: (sheet: string) => `工作表“${sheet}”被他人设置了保护，未记录。撤销保护后再试。`,
};

export type RegisterStrings = typeof zh;

const en: RegisterStrings = {
  title: 'This round’s returns',
  none: 'No round issued yet: making return forms records one in the 报送登记 sheet.',
  round: (asOf: string, due: readonly Due[]) =>
    due.length === 1
      ? `Round as of ${asOf}, due ${due[0].date}.`
      : `Round as of ${asOf}; the deadlines differ: ${due.map((d) => `${d.date} (${d.units.join(', ')})`).join('; ')}.`,
  counts: (onTime: number, late: number, waiting: number, overdue: number) =>
    `${onTime + late} reported (${onTime} on time, ${late} late), ${waiting} not yet, ${overdue} overdue.`,
  onTime: (date: string, times: number) => `Reported ${date}${times > 1 ? ` (${times} times)` : ''}`,
  late: (date: string, days: number, times: number) =>
    `Reported late ${date} (${days} days)${times > 1 ? ` (${times} times)` : ''}`,
  waiting: (days: number) => (days === 0 ? 'Not yet (due today)' : `Not yet (${days} days left)`),
  overdue: (days: number) => `Overdue (${days} days)`,
  notAsked: '(not asked this round)',
  jump: (unit: string) => `Show ${unit}'s imported changes in 变更记录`,
  noChanges: (unit: string) => `变更记录 holds no imported change of ${unit}.`,
  remindTitle: 'Reminders',
  remindAll: 'Reminder drafts (.zip)',
  remindOne: 'Remind',
  remindFor: (unit: string) => `Reminder draft: ${unit}`,
  copy: 'Copy the reminder text',
  copied: (n: number) => `Copied the reminders of ${n} units.`,
  copyRefused: 'This host does not allow the clipboard. Download the drafts and copy from them.',
  drafted: (n: number, missing: readonly string[]) =>
    `Made ${n} reminder drafts${missing.length ? `; ${missing.length} units have no address: ${missing.join(', ')}` : ''}.`,
  issued: (n: number, sheet: string) => `Made ${n} form${n === 1 ? '' : 's'}, recorded in ${sheet}.`,
  notKept: (n: number, sheet: string) =>
    `Made ${n} form${n === 1 ? '' : 's'}; sheet ${sheet} was protected by someone else, so the round was not recorded.`,
  noRoom: (n: number, sheet: string) =>
    `Made ${n} form${n === 1 ? '' : 's'}; the table on ${sheet} has no 方案 (plan) column and something stands to its right that adding it would push aside, so the round was not recorded. Move that away and try again.`,
  record: (n: number) => `Record as reported (${n} unit${n === 1 ? '' : 's'})`,
  recordHint: 'These forms propose no change; recording them counts their units as reported this round.',
  recorded: (units: readonly string[], sheet: string) =>
    `Recorded ${units.join(', ')} as reported in ${sheet}.`,
  recordNotKept: (sheet: string) =>
    `Sheet ${sheet} was protected by someone else; nothing was recorded. Unprotect it and try again.`,
};

export const REGISTER_STRINGS: Record<Language, RegisterStrings> = { zh, en };

/** After forms are issued: how many, and where the round was recorded (or why not). */
export function issuedNotice(n: number, register: RegisterOutcome): Notice {
  return register.kept
    ? { intent: 'success', text: (_, l) => REGISTER_STRINGS[l].issued(n, register.sheetName) }
    : {
        intent: 'warning',
        text: (_, l) =>
          REGISTER_STRINGS[l][register.reason === 'no-room' ? 'noRoom' : 'notKept'](n, register.sheetName),
      };
}
