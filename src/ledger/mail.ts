// What the summary mails say: to leaders, the headline numbers, the status table and the tasks
// behind schedule; to a unit, its own tasks. Plain text and HTML from one reading; everything a
// user typed is escaped in the HTML, so a task text with markup is shown, never run or fetched.
import { chineseDate, isoDate, type Day } from './dates';
import { indicatorLabel, shownAmount } from './indicators';
import { lightWord } from './lightWords';
import { unitIndicatorLines } from './sheetSpecs';
import type { ReportHistory } from './snapshots';
import { behindDeadline, deadlineLabel, exactDay, type IndicatorLine, type SummaryModel } from './summary';
import type { LedgerTask } from './tasks';
import { tasksForUnit } from './unitSelection';
import { isMailAddress, type MailAddress } from './mailAddress';
import { indexFor, roleLabel, type UnitDirectory } from './units';

export const PLAN_NAME = '四平市现代职业教育重点任务';
/** What the summary file is called before the date: short, as people name files they mail. */
const FILE_STEM = '四平市职教重点任务汇总';

export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A file name any system accepts: no \ / : * ? " < > |, no control characters, at most 80 characters. */
export function safeFileName(stem: string, extension: string): string {
  const printable = Array.from(stem).filter((c) => c.charCodeAt(0) >= 0x20);
  const cleaned = Array.from(
    printable
      .join('')
      .replace(/[\\/:*?"<>|]/gu, '')
      .trim(),
  )
    .slice(0, 80)
    .join('');
  return `${cleaned || '汇总'}.${extension}`;
}

const compactDate = (day: Day) => isoDate(day).replace(/-/g, '');

/** 四平市职教重点任务汇总_截至20261128.xlsx, or with a unit: 双辽市人民政府_四平市职教重点任务汇总_截至20261128.xlsx */
export function summaryFileName(asOf: Day, unit?: string): string {
  const stem = `${FILE_STEM}_截至${compactDate(asOf)}`;
  return safeFileName(unit ? `${unit}_${stem}` : stem, 'xlsx');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

const TABLE = 'border-collapse:collapse;font-family:Microsoft YaHei,SimSun,sans-serif;font-size:14px';
const CELL = 'border:1px solid #BFBFBF;padding:4px 8px;vertical-align:top';
const HEAD = `${CELL};background:#1F4E79;color:#FFFFFF`;

/** A cell's text in HTML: escaped, its line breaks kept as line breaks. */
const htmlCell = (text: string) => escapeHtml(text).replace(/\r\n?|\n/gu, '<br>');

function htmlTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map((h) => `<th style="${HEAD}">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((c) => `<td style="${CELL}">${htmlCell(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table style="${TABLE}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** One table row per line: a line break or a tab inside a cell would start another row or column. */
const textCell = (text: string) => text.replace(/\s*(?:\r\n?|\n)\s*/gu, ' / ').replace(/\t/gu, ' ');

function textTable(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(textCell).join('\t')).join('\n');
}

/** Who sends the mail and when: its 落款. */
export interface MailSignature {
  /** The sender unit, set once in 设置; '' when not set yet. */
  readonly unit: string;
  readonly date: Day;
}

function signatureLines(signature: MailSignature | undefined): { text: string[]; html: string[] } {
  if (!signature) return { text: [], html: [] };
  const lines = [signature.unit.trim(), chineseDate(signature.date)].filter(Boolean);
  return {
    text: ['', ...lines],
    html: [`<p style="text-align:right">${lines.map(escapeHtml).join('<br>')}</p>`],
  };
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

function htmlDocument(paragraphs: readonly string[]): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:Microsoft YaHei,SimSun,sans-serif;font-size:14px">${paragraphs.join('')}</body></html>`;
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

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
}

/** The mail to leaders: headline numbers, the status table and the behind/overdue list, then the 落款. */

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
  const signed = signatureLines(options.signature);
  const subject = `${PLAN_NAME}推进情况（截至${chineseDate(model.asOf)}）`;
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
  const lead = history ? `${headline(model)}${history.changes.sentence}` : headline(model);
  const behindTitle = model.behind.length
    ? `二、滞后及逾期任务（${model.behind.length}项）`
    : '二、滞后及逾期任务：无。';
  const closing = options.bulletin
    ? `现将进展情况通报及汇总表报上，详见附件《${options.bulletin}》《${attachment}》。`
    : `详见附件《${attachment}》。`;
  const indicators = model.indicators.lines;
  const targetRows = indicatorRows(indicators);
  const targetTitle = indicatorTitle('三、', indicators);
  const text = [
    '各位领导：',
    '',
    lead,
    '',
    '一、各状态任务数',
    textTable([['状态', '任务数', '占比'], ...statusRows]),
    '',
    behindTitle,
    ...(behindRows.length ? [textTable([behindHeader, ...behindRows])] : []),
    ...(targetRows.length ? ['', targetTitle, textTable([INDICATOR_HEADER, ...targetRows])] : []),
    '',
    closing,
    ...signed.text,
  ].join('\n');
  const html = htmlDocument([
    paragraph('各位领导：'),
    paragraph(lead),
    paragraph('一、各状态任务数'),
    htmlTable(['状态', '任务数', '占比'], statusRows),
    paragraph(behindTitle),
    ...(behindRows.length ? [htmlTable(behindHeader, behindRows)] : []),
    ...(targetRows.length ? [paragraph(targetTitle), htmlTable(INDICATOR_HEADER, targetRows)] : []),
    paragraph(closing),
    ...signed.html,
  ]);
  return { subject, text, html };
}

export interface UnitTaskLine {
  readonly task: LedgerTask;
  readonly role: '牵头' | '配合';
  /** Reached through a collective such as 各县（市）人民政府, not named itself. */
  readonly viaCollective: boolean;
}

/** A unit's tasks with its role in each, in sheet order (each 序号 once). */
export function unitTaskLines(model: SummaryModel, unit: string, directory?: UnitDirectory): UnitTaskLine[] {
  const leads = new Set(tasksForUnit(model.tasks, unit, { role: 'lead', directory }));
  const direct = new Set(tasksForUnit(model.tasks, unit, { includeCollectives: false, directory }));
  const all = new Set(tasksForUnit(model.tasks, unit, { directory }));
  return model.tasks
    .filter((t): t is LedgerTask & { no: number } => t.no !== null && all.has(t.no))
    .map((task) => ({
      task,
      role: leads.has(task.no) ? '牵头' : '配合',
      viaCollective: !direct.has(task.no),
    }));
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
  const subject = `【${unit}】${PLAN_NAME}推进情况（截至${chineseDate(model.asOf)}）`;
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
    deadlineLabel(l.task.deadlineText, exactDay(l.task.deadline)),
    lightWord(l.task.health).zh,
  ]);
  const by = options.returnBy === undefined ? '' : `于${chineseDate(options.returnBy)}前`;
  const closing = returnForm
    ? `详见附件《${attachment}》。请${by}在附件《${returnForm}》中填写本单位任务的进展，保存后原文件发回。`
    : `详见附件《${attachment}》。`;
  const signed = signatureLines(options.signature);
  const indicators = unitIndicatorLines(model, unit, directory);
  const targetRows = indicatorRows(indicators);
  const targetTitle = indicatorTitle('', indicators);
  const text = [
    `${unit}：`,
    '',
    lead + moved,
    ...(rows.length ? ['', textTable([header, ...rows])] : []),
    ...(targetRows.length ? ['', targetTitle, textTable([INDICATOR_HEADER, ...targetRows])] : []),
    '',
    closing,
    ...signed.text,
  ].join('\n');
  const html = htmlDocument([
    paragraph(`${unit}：`),
    paragraph(lead + moved),
    ...(rows.length ? [htmlTable(header, rows)] : []),
    ...(targetRows.length ? [paragraph(targetTitle), htmlTable(INDICATOR_HEADER, targetRows)] : []),
    paragraph(closing),
    ...signed.html,
  ]);
  return { subject, text, html };
}
