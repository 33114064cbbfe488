// A plan: the document whose 分工 annex the ledger tracks — its names, its tasks with their
// units and deadlines, and its unit directory. The built-in plan is one value of this
// type; an imported annex makes another. A plan travels inside its workbook (a custom XML part),
// so this module also writes and reads it as text.
import {
  type OfficialTask,
  BUILT_IN_META,
  BUILT_IN_NAMES,
  DEFAULT_DIRECTORY,
  OFFICIAL_TASKS,
  PLAN_TITLE,
} from './officialTasks';
import { dayFromIso, dayOf, isoDate, yearOf, type Day } from './dates';
import { parseDeadline } from './deadlines';
import { chineseNumeral } from './numerals';
import type { ImportedTask, PlanImport } from './planImport';
import { parseResponsibleUnits } from './responsibleUnits';
import { toHalfWidth } from './text';
import { type UnitDirectory, type UnitEntry, type UnitKind, UNIT_KINDS } from './units';

export interface PlanTask {
  /** The ledger's 序号: 1, 2, 3 … in the annex's order. */
  readonly no: number;
  /** The number as the annex writes it (68, （一）1): shown beside the task, never used to match it. */
  readonly label: string;
  readonly text: string;
  readonly lead: readonly string[];
  readonly partners: readonly string[];
  readonly deadline: string;
  readonly group: string;
  readonly leaders: string;
}

export interface Plan {
  /** The plan's title as the ledger and the 通报 name it. */
  readonly title: string;
  /** For file names and mail subjects. */
  readonly shortName: string;
  readonly issuer: string;
  readonly docNumber: string;
  /** The region a bare unit name belongs to (a 市 or 区): 市教育局 is this region's. */
  readonly region: string;
  readonly tasks: readonly PlanTask[];
  readonly directory: UnitDirectory;
  /**
   * 起始日期 (YYYY-MM-DD): when the plan's work begins, so that 序时进度 counts from it. Absent in
   * the built-in plan and in parts written before it existed: the light then counts from
   * 1 January of the as-of year, as it always has.
   */
  readonly start?: string;
}

export interface PlanMeta {
  readonly title: string;
  readonly shortName?: string;
  readonly issuer?: string;
  readonly docNumber?: string;
  readonly region?: string;
  readonly start?: string;
}

/** The built-in plan (officialTasks.ts): the plan a workbook has until it imports another. */
export function builtInPlan(): Plan {
  return {
    title: PLAN_TITLE,
    ...BUILT_IN_META,
    docNumber: '',
    tasks: OFFICIAL_TASKS.map((t) => {
      const units = parseResponsibleUnits(t.units, DEFAULT_DIRECTORY);
      return {
        no: t.no,
        label: String(t.no),
        text: t.task,
        lead: units.filter((u) => u.role === 'lead').map((u) => u.raw),
        partners: units.filter((u) => u.role === 'partner').map((u) => u.raw),
        deadline: '',
        group: '',
        leaders: '',
      };
    }),
    directory: DEFAULT_DIRECTORY,
  };
}

// What may stand before the place name: 附件1：, 关于印发, a year or a span of years (2027年, 二〇二七年, 2026—2028年).
const YEAR = '[0-9０-９〇零一二三四五六七八九]{4}';
const BEFORE_PLACE = new RegExp(
  `^\\s*(?:附件\\s*[0-9０-９]*\\s*[:：]?|关于(?:印发)?|${YEAR}(?:\\s*[—–－\\-~～至到]\\s*${YEAR})?\\s*年度?)`,
  'u',
);

/**
 * 梨川市现代农业重点任务 → 梨川市; 立山区2025年稳经济… → 立山区; 2027年梨川市… → 梨川市: the first place
 * name in the title, after any year or 关于印发 before it (the region is what pairs 市教育局 with its full form).
 */
export function regionOf(title: string): string {
  let rest = title;
  for (let cut = BEFORE_PLACE.exec(rest); cut && cut[0]; cut = BEFORE_PLACE.exec(rest))
    rest = rest.slice(cut[0].length);
  return (
    /^([^\s\d０-９年，。、：:（）()《》“”]{1,8}?(?:自治县|自治州|省|市|县|区|旗|盟))/u.exec(
      rest.trim(),
    )?.[1] ?? ''
  );
}

/** A 统称's members among the plan's own units, where its words say which kind it gathers. */
export function guessMembers(
  collective: string,
  units: readonly { name: string; kind: UnitKind }[],
): string[] {
  const governments =
    /^各(县|市|区|县（市）|县（市、区）|县（市）区|县市区|乡镇)/u.test(collective) &&
    /(政府|）)$/u.test(collective);
  const schools = /^各.*(学校|院校|高校)$/u.test(collective);
  return units
    .filter((u) => u.name !== collective && u.kind !== 'collective')
    .filter(
      (u) =>
        (governments && u.kind === 'government' && /(县|市|区)人民政府$/u.test(u.name)) ||
        (schools && u.kind === 'school'),
    )
    .map((u) => u.name);
}

/**
 * The plan an annex describes: its tasks numbered 1… in order (the annex's own numbers kept as
 * labels), its units with the kinds guessed at import (the user may have changed them since).
 */
export function planFromAnnex(
  annex: Pick<PlanImport, 'tasks' | 'units'>,
  meta: PlanMeta,
  units: readonly {
    name: string;
    kind: UnitKind;
    members?: readonly string[];
    aliases?: readonly string[];
  }[] = annex.units,
): Plan {
  const entries: UnitEntry[] = units.map((u) => ({
    name: u.name,
    // A full name paired with its short form at import: the other form, so both find the unit.
    aliases: [...(u.aliases ?? [])],
    kind: u.kind,
    members: u.kind === 'collective' ? [...(u.members ?? guessMembers(u.name, units))] : [],
  }));
  const region = meta.region ?? regionOf(meta.title);
  return {
    title: meta.title,
    shortName: meta.shortName?.trim() || meta.title,
    issuer: meta.issuer ?? '',
    docNumber: meta.docNumber ?? '',
    region,
    tasks: annex.tasks.map((t: ImportedTask): PlanTask => ({
      no: t.order,
      label: t.no,
      text: t.text,
      lead: t.lead,
      partners: t.partners,
      deadline: t.deadline,
      group: t.group,
      leaders: t.leaders,
    })),
    directory: { units: entries, region },
    ...(meta.start ? { start: meta.start } : {}),
  };
}

/** The plan's 起始日期 as a day; undefined when it has none (or the text is not a date). */
export function planStartDay(plan: Pick<Plan, 'start'> | undefined): Day | undefined {
  return plan?.start === undefined ? undefined : (dayFromIso(plan.start) ?? undefined);
}

export interface PlanStartGuess {
  /** YYYY-MM-DD, as Plan.start holds it. */
  readonly start: string;
  readonly day: Day;
  /** title: 1 January of the year the title names (2027年…工作要点); import: the day of the import. */
  readonly from: 'title' | 'import';
}

/** A year written in Chinese numerals, digit by digit (二〇二六, 二零二六, 二○二六): its value. */
const CHINESE_YEAR = /[一二][〇零○一二三四五六七八九]{3}/gu;
/** A year followed by 年, or the first of a range (2026—2028年, 2026-2028, 2026年至2028年). */
const TITLE_YEAR = /((?:19|20)\d{2})(?!\d)\s*(?:年|年?\s*(?:[-‐‑–—―~～〜至到]+)\s*(?:19|20)\d{2}(?!\d))/u;

/** The title with its Chinese-numeral years in digits and its full-width digits half-width. */
function titleYears(title: string): string {
  return toHalfWidth(title).replace(CHINESE_YEAR, (year) =>
    String(chineseNumeral(year.replace(/○/gu, '〇')) ?? year),
  );
}

/**
 * A new plan's 起始日期, guessed at import for the user to check: a plan titled for a year starts
 * on that year's 1 January (a plan for next year is not behind before it begins), a plan for a
 * span of years (2026—2028年) on its first year's; a title without a year starts the day it is
 * imported.
 */
export function guessPlanStart(title: string, importedOn: Day): PlanStartGuess {
  const year = TITLE_YEAR.exec(titleYears(title))?.[1];
  const day = year === undefined ? null : dayOf(Number(year), 1, 1);
  return day === null
    ? { start: isoDate(importedOn), day: importedOn, from: 'import' }
    : { start: isoDate(day), day, from: 'title' };
}

/** The plan's earliest dated 完成时限, and the task that has it. */
export interface EarliestDeadline {
  readonly day: Day;
  /** The task's number as the annex writes it. */
  readonly label: string;
}

/**
 * The earliest 完成时限 among the tasks when the start falls after it (a task due before its
 * plan begins: the start is likely wrong, and that task's light ignores it); null otherwise.
 * Deadlines are read as the ledger reads them (a month without a year in the start's year or later).
 */
export function startAfterDeadline(
  start: Day,
  tasks: readonly Pick<PlanTask, 'label' | 'deadline'>[],
  today: Day,
): EarliestDeadline | null {
  const defaultYear = Math.max(yearOf(today), yearOf(start));
  let earliest: EarliestDeadline | null = null;
  for (const task of tasks) {
    const deadline = parseDeadline(task.deadline, { defaultYear, today });
    if (deadline.kind === 'date' && (earliest === null || deadline.day < earliest.day))
      earliest = { day: deadline.day, label: task.label };
  }
  return earliest !== null && start > earliest.day ? earliest : null;
}

/** The title a new ledger sheet carries above its table (B1): the plan's title and 台账. */
export const ledgerSheetTitle = (planTitle: string): string => `${planTitle}台账`;

/** What summaries, files and mails call a plan. */
export interface PlanNames {
  /** The plan's title: sheet titles, the 通报's name. */
  readonly title: string;
  /** Mail subjects: 《subject》推进情况（截至…）. */
  readonly subject: string;
  /** Summary files: stem_截至20261128.xlsx. */
  readonly fileStem: string;
  /** The plan's short name: 反馈表 files carry it, so two plans' forms for one unit differ. */
  readonly shortName: string;
  /** The 通报's 主送, by the plan's region: a district's goes to its 乡镇 and 区直 bodies, not to counties. */
  readonly recipients: string;
}

/** 主送 for a plan of this region: the bodies one level down and the region's own departments. */
export function recipientsFor(region: string): string {
  if (/区$/u.test(region)) return '各乡镇人民政府、街道办事处，区直有关部门：';
  if (/(县|旗)$/u.test(region)) return '各乡镇人民政府，县直有关部门：';
  if (/(市|州|盟)$/u.test(region)) return '各县（市、区）人民政府，市直有关部门：';
  if (/省$/u.test(region)) return '各市（州）人民政府，省直有关部门：';
  return '各有关单位：';
}

/** The built-in plan keeps the names its files and mails have always had; another's come from its title and short name. */
export function planNames(plan?: Pick<Plan, 'title' | 'shortName' | 'region'>): PlanNames {
  if (!plan || (plan.title === PLAN_TITLE && plan.shortName === BUILT_IN_META.shortName))
    return BUILT_IN_NAMES;
  return {
    title: plan.title,
    subject: plan.title,
    fileStem: `${plan.shortName}汇总`,
    shortName: plan.shortName,
    recipients: recipientsFor(plan.region),
  };
}

/** A plan's tasks as the official wording rows are compared with. */
export function planOfficialTasks(plan: Plan): OfficialTask[] {
  return plan.tasks.map((t) => ({ no: t.no, task: t.text, units: unitsCellText(t) }));
}

/**
 * The task's 责任单位 cell: the first unit leads by the convention of such tables, so one lead
 * is written first; two or more leads each carry （牵头）, which the ledger's reading honours.
 */
export function unitsCellText(task: Pick<PlanTask, 'lead' | 'partners'>): string {
  const leads = task.lead.length > 1 ? task.lead.map((u) => `${u}（牵头）`) : task.lead;
  return [...leads, ...task.partners].join('、');
}

// ---------------------------------------------------------------------------------------------
// The plan in the workbook: one XML element holding the plan as JSON, in our own namespace.

export const PLAN_NAMESPACE = 'urn:renwutaizhang:plan:1';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every entity a host may write back, named or numeric: Excel may serialise the part anew. */
const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/giu, (_, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (name[0] !== '#') return named[name.toLowerCase()];
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return String.fromCodePoint(code);
  });

/**
 * The part's XML: one root element in our namespace holding the plan as JSON text. No XML
 * declaration (Office hosts have refused parts that carry one with their own settings).
 */
export function planToXml(plan: Plan, namespace: string = PLAN_NAMESPACE): string {
  return `<plan xmlns="${namespace}">${escapeXml(JSON.stringify(plan))}</plan>`;
}

export type PlanXmlRead = { readonly plan: Plan } | { readonly problem: 'not-a-plan' | 'unreadable' };

/**
 * A plan written by planToXml, however the host serialised it again (a declaration, a prefix on
 * the root, other quotes, attributes in another order, entities); anything else is named, never
 * half-read.
 */
export function planFromXml(xml: string): PlanXmlRead {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>)?\s*/u, '').trim();
  const root = /^<(?:([A-Za-z_][\w.-]*):)?plan\b([^>]*)>([\s\S]*)<\/(?:\1:)?plan>$/u.exec(body);
  if (!root) return { problem: 'not-a-plan' };
  const [, prefix, attributes, content] = root;
  const declared = new RegExp(`\\bxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(["'])([^"']*)\\1`, 'u').exec(
    attributes,
  );
  // Ours: the first ledger's namespace, or another ledger's (planLedgers.ts), which extends it;
  // without case, as a host may re-case a namespace (see ledgerTableOf).
  const namespace = declared?.[2].toLowerCase();
  const ours = PLAN_NAMESPACE.toLowerCase();
  if (namespace === undefined || !(namespace === ours || namespace.startsWith(`${ours}:`)))
    return { problem: 'not-a-plan' };
  const text = content.replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/u, '$1');
  let value: unknown;
  try {
    value = JSON.parse(text === content ? unescapeXml(content) : text);
  } catch {
    return { problem: 'unreadable' };
  }
  return isPlan(value) ? { plan: value } : { problem: 'unreadable' };
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);

function isPlanTask(v: unknown): v is PlanTask {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  return (
    typeof t.no === 'number' &&
    [t.label, t.text, t.deadline, t.group, t.leaders].every(isText) &&
    isTextList(t.lead) &&
    isTextList(t.partners)
  );
}

function isUnitEntry(v: unknown): v is UnitEntry {
  if (typeof v !== 'object' || v === null) return false;
  const u = v as Record<string, unknown>;
  return (
    isText(u.name) &&
    isTextList(u.aliases) &&
    isTextList(u.members) &&
    UNIT_KINDS.includes(u.kind as UnitKind) &&
    (u.contact === undefined || isText(u.contact)) &&
    (u.email === undefined || isText(u.email))
  );
}

function isPlan(v: unknown): v is Plan {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  const directory = p.directory as Record<string, unknown> | null;
  return (
    [p.title, p.shortName, p.issuer, p.docNumber, p.region].every(isText) &&
    (p.start === undefined || (isText(p.start) && dayFromIso(p.start) !== null)) &&
    Array.isArray(p.tasks) &&
    p.tasks.every(isPlanTask) &&
    typeof directory === 'object' &&
    directory !== null &&
    Array.isArray(directory.units) &&
    directory.units.every(isUnitEntry)
  );
}

/** What 设置 lets the user change about a plan; a name absent is kept as the plan has it. */
export interface PlanNameEdits {
  readonly title?: string;
  readonly shortName?: string;
  readonly region?: string;
  /**
   * 起始日期 as YYYY-MM-DD (a date input's value); '' for none (1 January of the as-of year);
   * absent: the plan's start is kept.
   */
  readonly start?: string;
}

export type PlanRename =
  { readonly plan: Plan } | { readonly problem: 'no-title' | 'no-short-name' | 'bad-start' };

/** The plan under its new names; the region goes to its directory too (市教育局 is now that region's). */
export function renamePlan(plan: Plan, edits: PlanNameEdits): PlanRename {
  const title = (edits.title ?? plan.title).trim();
  const shortName = (edits.shortName ?? plan.shortName).trim();
  const region = (edits.region ?? plan.region).trim();
  const startText = (edits.start ?? plan.start ?? '').trim();
  if (!title) return { problem: 'no-title' };
  if (!shortName) return { problem: 'no-short-name' };
  const startDay = startText ? dayFromIso(startText) : null;
  if (startText && startDay === null) return { problem: 'bad-start' };
  // A cleared field takes the start away (undefined is not written into the part's JSON).
  const start = startDay === null ? undefined : isoDate(startDay);
  return { plan: { ...plan, title, shortName, region, directory: { ...plan.directory, region }, start } };
}
