// What the summary mails say: to leaders, the headline numbers, the status table and the tasks
// behind schedule; to a unit, its own tasks. Plain text and HTML from one reading; everything a
// user typed is escaped in the HTML, so a task text with markup is shown, never run or fetched.
import { chineseDate, type Day } from './dates';
import { indicatorLabel, shownAmount } from './indicators';
import { lightWord } from './lightWords';
import type { ReportHistory } from './snapshots';
import {
  behindDeadline,
  taskDeadline,
  unitIndicatorLines,
  type IndicatorLine,
  type SummaryModel,
} from './summary';
import { unitTaskLines } from './unitSelection';
import { isMailAddress, type MailAddress } from './mailAddress';
import { mailContent, type MailBlock, type MailContent } from './mailBody';
import { indexFor, roleLabel, type UnitDirectory } from './units';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Who sends the mail and when: its 落款. */
export interface MailSignature {
  /** The sender unit, set once in 设置; '' when not set yet. */
  readonly unit: string;
  readonly date: Day;
}

/** The 落款 as a mail's last block (none when no signature). */
export function signatureBlocks(signature: MailSignature | undefined): MailBlock[] {
  if (!signature) return [];
  return [{ kind: 'signature', lines: [signature.unit.trim(), chineseDate(signature.date)].filter(Boolean) }];
}

const INDICATOR_HEADER = ['序号', '指标', '目标值', '完成值', '完成率'];
const amount = (n: number | null, measure: string) => (n === null ? '' : shownAmount(n, measure));

/** Indicator lines as mail table rows: 序号, name, target, actual, share. */
function indicatorRows(lines: readonly IndicatorLine[]): string[][] {
  return lines.map((l) => [
    String(l.no),
    indicatorLabel(l, l.taskUnits),
    amount(l.target, l.measure),
    amount(l.actual, l.measure),
    l.share === null ? '—' : percent(l.share),
  ]);
}

function indicatorTitle(number: string, lines: readonly IndicatorLine[]): string {
  const reported = lines.filter((l) => l.actual !== null).length;
  const met = lines.filter((l) => l.share !== null && l.share >= 1).length;
  return `${number}量化指标完成情况（共${lines.length}项，已填报${reported}项，已达目标${met}项）`;
}

/** The indicator table under its title, or nothing when no task has an indicator. */
function indicatorBlocks(title: string, rows: readonly (readonly string[])[]): MailBlock[] {
  return rows.length
    ? [
        { kind: 'heading', text: title },
        { kind: 'table', header: INDICATOR_HEADER, rows },
      ]
    : [];
}

function headline(model: SummaryModel): string {
  const lagging = model.byStatus.find((s) => s.status === '滞后')?.count ?? 0;
  return (
    `截至${chineseDate(model.asOf)}，${model.total}项重点任务中已完成${model.completed}项（完成率${percent(model.completionRate)}），` +
    `滞后${lagging}项，逾期${model.overdue}项；预警红灯${model.lights.red}项、黄灯${model.lights.yellow}项。`
  );
}

export interface LeaderMailOptions {
  readonly history?: ReportHistory;
  readonly signature?: MailSignature;
  /** The 通报 attached beside the workbook, by file name. */
  readonly bulletin?: string;
  /** 本期应报…已报…逾期未报… from 报送登记; absent when no round was issued. */
  readonly reporting?: string;
}

/** The behind-schedule list's columns, in the mail and in the 通报's 附件1 alike. */
export const BEHIND_HEADER = ['序号', '工作任务', '牵头单位', '完成时限', '状态', '预警', '存在问题'];

/** Each behind or overdue task as a row of BEHIND_HEADER's columns. */
export function behindTableRows(model: SummaryModel): string[][] {
  return model.behind.map((b) => [
    b.no === null ? '' : String(b.no),
    b.task,
    b.lead,
    behindDeadline(b),
    b.status,
    lightWord(b).zh,
    b.problems,
  ]);
}
export function leaderMail(
  model: SummaryModel,
  attachment: string,
  options: LeaderMailOptions = {},
): MailContent {
  const { history } = options;
  const subject = `${model.names.subject}推进情况（截至${chineseDate(model.asOf)}）`;
  const statusRows = [
    ...model.byStatus.map((s) => [s.status, String(s.count), percent(s.share)]),
    // Its share too, as the overview sheet gives it: the column adds up to the 合计's 100%.
    ...(model.otherStatus
      ? [
          [
            '未填写或不规范',
            String(model.otherStatus),
            percent(model.total ? model.otherStatus / model.total : 0),
          ],
        ]
      : []),
    ['合计', String(model.total), '100.0%'],
  ];
  const behindRows = behindTableRows(model);
  const behindHeader = BEHIND_HEADER;
  const lead = `${headline(model)}${history?.changes.sentence ?? ''}${options.reporting ?? ''}`;
  const behindTitle = model.behind.length
    ? `二、滞后及逾期任务（${model.behind.length}项）`
    : '二、滞后及逾期任务：无。';
  const closing = options.bulletin
    ? `现将进展情况通报及汇总表报上，详见附件《${options.bulletin}》《${attachment}》。`
    : `详见附件《${attachment}》。`;
  const indicators = model.indicators.lines;
  const targetRows = indicatorRows(indicators);
  const targetTitle = indicatorTitle('三、', indicators);
  const para = (text: string): MailBlock => ({ kind: 'paragraph', text });
  const heading = (text: string): MailBlock => ({ kind: 'heading', text });
  return mailContent(subject, [
    para('各位领导：'),
    para(lead),
    heading('一、各状态任务数'),
    { kind: 'table', header: ['状态', '任务数', '占比'], rows: statusRows },
    heading(behindTitle),
    ...(behindRows.length ? [{ kind: 'table', header: behindHeader, rows: behindRows } as const] : []),
    ...indicatorBlocks(targetTitle, targetRows),
    para(closing),
    ...signatureBlocks(options.signature),
  ]);
}

/** The unit's mailbox from 单位名录, if it has a well-formed one. */
/** Whether 单位名录 gives a unit a mailbox: one, none, or one that is not an address (校验 names it). */
export function unitAddressState(unit: string, directory?: UnitDirectory): 'ok' | 'missing' | 'invalid' {
  const email = indexFor(directory).resolve(unit)?.email?.trim() ?? '';
  return !email ? 'missing' : isMailAddress(email) ? 'ok' : 'invalid';
}

export function unitAddress(unit: string, directory?: UnitDirectory): MailAddress | null {
  const entry = indexFor(directory).resolve(unit);
  const email = entry?.email?.trim() ?? '';
  return email && isMailAddress(email) ? { name: entry?.name ?? unit, email } : null;
}

export interface UnitMailOptions {
  readonly directory?: UnitDirectory;
  /** The 反馈表 attached, by file name. */
  readonly returnForm?: string;
  /** The date the form is asked back by. */
  readonly returnBy?: Day;
  readonly history?: ReportHistory;
  readonly signature?: MailSignature;
}

/** The mail to one unit: its own tasks, its role, status, deadline and light, with a request to report back. */
export function unitMail(
  model: SummaryModel,
  unit: string,
  attachment: string,
  options: UnitMailOptions = {},
): MailContent {
  const { directory, returnForm, history } = options;
  const lines = unitTaskLines(model, unit, directory);
  const led = lines.filter((l) => l.role === '牵头').length;
  const done = lines.filter((l) => l.task.done).length;
  const subject = `【${unit}】${model.names.subject}推进情况（截至${chineseDate(model.asOf)}）`;
  const lead = lines.length
    ? `截至${chineseDate(model.asOf)}，贵单位涉及重点任务${lines.length}项（牵头${led}项、配合${lines.length - led}项），已完成${done}项。请核对以下任务的状态和进展，如有变化请及时反馈。`
    : `截至${chineseDate(model.asOf)}，台账中没有贵单位的任务。`;
  const shift = history?.changes.units.find((u) => u.name === unit);
  const since = history?.changes.previous ? `与上期（${chineseDate(history.changes.previous)}）相比，` : '';
  const moved =
    !shift || shift.before === null || !since
      ? ''
      : percent(shift.before) === percent(shift.now)
        ? `${since}贵单位任务完成率仍为${percent(shift.now)}。`
        : `${since}贵单位任务完成率由${percent(shift.before)}变为${percent(shift.now)}。`;
  const header = ['序号', '工作任务', '角色', '状态', '完成时限', '预警'];
  const rows = lines.map((l) => [
    String(l.task.no),
    l.task.task,
    roleLabel(l.role, l.viaCollective),
    l.task.knownStatus ?? l.task.status,
    taskDeadline(l.task),
    lightWord(l.task.health).zh,
  ]);
  const by = options.returnBy === undefined ? '' : `于${chineseDate(options.returnBy)}前`;
  const closing = returnForm
    ? `详见附件《${attachment}》。请${by}在附件《${returnForm}》中填写本单位任务的进展，保存后原文件发回。`
    : `详见附件《${attachment}》。`;
  const indicators = unitIndicatorLines(model, unit, directory);
  const targetRows = indicatorRows(indicators);
  const targetTitle = indicatorTitle('', indicators);
  const para = (text: string): MailBlock => ({ kind: 'paragraph', text });
  return mailContent(subject, [
    para(`${unit}：`),
    para(lead + moved),
    ...(rows.length ? [{ kind: 'table', header, rows } as const] : []),
    ...indicatorBlocks(targetTitle, targetRows),
    para(closing),
    ...signatureBlocks(options.signature),
  ]);
}
