// Reads a plan's 重点任务分工 annex, in the shapes published annexes take, into tasks and
// units. Nothing is guessed silently: every row that is not read as a task is named with the
// reason, and every unit is a name that stands in the source text (cleaned of extraction noise).
import { parseDeadline, type Deadline } from './deadlines';
import { toHalfWidth } from './text';
import { AGENCY_SHORT_FORMS } from './unitShortForms';
import type { UnitKind } from './units';

export interface ImportedTask {
  /**
   * The 序号 as the annex writes it (68, （一）1), or '' when the row has none; where the annex
   * restarts its numbering per group, with the group's numeral before it (一-1, （二）1), so that
   * each is told apart and found again in the annex.
   */
  readonly no: string;
  /** 1-based position among the imported tasks: the ledger's own numbering when the annex restarts per group. */
  readonly order: number;
  readonly text: string;
  readonly lead: readonly string[];
  readonly partners: readonly string[];
  /** 完成时限 as written (cleaned), '' when the annex gives none. */
  readonly deadline: string;
  readonly deadlineReading: DeadlineReading;
  /** The group heading the task sits under (一、…), '' when the annex has none. */
  readonly group: string;
  /** 责任领导 / 分管领导: kept for the ledger, never read as a unit. */
  readonly leaders: string;
  /** 1-based row (table) or line (text) the task was read from. */
  readonly source: number;
}

export type DeadlineReading = Deadline | { readonly kind: 'recurring'; readonly label: string };

export interface LearnedUnit {
  readonly name: string;
  readonly kind: UnitKind;
  /** How many tasks name it, as lead or partner. */
  readonly tasks: number;
  /**
   * Other names in the annex taken for this unit (梨川市人力资源和社会保障局 for 市人社局): a guess
   * from the region prefix and the common short forms, shown in the review and undone there.
   */
  readonly aliases: readonly string[];
}

/**
 * continuation: a row holding only task text, joined to the task above it (a table broken across pages);
 * excluded: a row the user left out in the review.
 */
export type SkipReason = 'blank' | 'header' | 'title' | 'note' | 'continuation' | 'excluded';

export interface SkippedRow {
  readonly source: number;
  readonly text: string;
  readonly reason: SkipReason;
}

export type ImportProblemKind =
  | 'no-units'
  | 'no-text'
  | 'unreadable-deadline'
  | 'repeated-number'
  | 'no-lead'
  | 'no-header'
  | 'nothing-read'
  | 'not-a-unit'
  | 'sub-header-conflict';

export interface ImportProblem {
  readonly source: number;
  readonly kind: ImportProblemKind;
  /** What was read there, to show beside the problem. */
  readonly text: string;
}

export type AnnexShape = 'columns' | 'list' | 'inline';

export interface PlanImport {
  readonly shape: AnnexShape;
  readonly tasks: readonly ImportedTask[];
  readonly groups: readonly string[];
  readonly units: readonly LearnedUnit[];
  readonly skipped: readonly SkippedRow[];
  readonly problems: readonly ImportProblem[];
}

export interface ImportOptions {
  /** The year 全年 and 上半年 refer to when the annex names none. */
  readonly year?: number;
  /** Names the user has said are units of their own, not another's full or short form. */
  readonly keepApart?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Text cleaning

const CJK = '\\p{Script=Han}';
/** PDF extraction breaks words with spaces (工作机 制); a space between two Han characters is noise. */
const SPACE_IN_WORD = new RegExp(`(?<=${CJK}|[“”])[ \\t]+(?=${CJK}|[“”])`, 'gu');

/** Extraction noise removed, line breaks kept (two units stacked in a cell are two units). */
export function cleanAnnexText(text: string): string {
  let out = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u3000/g, ' ')
    .replace(SPACE_IN_WORD, '');
  out = out
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
  return fixDoubledQuotes(out);
}

/** 推进”“放管服”改革: a stray closing quote before an opening one, only where the quotes do not pair. */
function fixDoubledQuotes(text: string): string {
  let fixed = text;
  while (fixed.includes('”“') && countOf(fixed, '”') > countOf(fixed, '“')) fixed = fixed.replace('”“', '“');
  return fixed;
}

const countOf = (text: string, ch: string) => text.split(ch).length - 1;

// ---------------------------------------------------------------------------------------------
// Units

const UNIT_ENDING = /(局|委|办|府|院|校|学|会|司|团|区|县|市|部|处|所|站|队|馆|心|班|行|社|厅|室|庭)$/u;
/** Bodies named without a proper name: after 各乡镇人民政府 they belong to the same 统称 (街道办事处). */
const GENERIC_BODIES = new Set([
  '街道办事处',
  '街道',
  '社区',
  '乡镇人民政府',
  '乡镇政府',
  '村（社区）',
  '园区管委会',
]);
/** Words that end a unit list and name no unit. */
const DUTY_WORDS =
  /(按职责分工负责|按职责分别负责|按职能分工负责|分别负责|按职责负责|负责落实|负责|按职责分工落实|配合|参与)$/u;
/**
 * 牵头 closing a clause (市发改委、市财政局牵头，…负责; 牵头组织实施): every unit before it leads, and the
 * verb after it is no unit. Before 、 it marks one unit of a list.
 */
const LEAD_CLAUSE = /^牵头(?:负责|组织实施|组织|抓总|统筹|推进|落实|实施)?(?!、)/u;
/** 市教育局（按职责分工负责）: a remark on the unit's role, in brackets after its name. */
const ROLE_REMARK =
  /[（【[](?:按职责分工负责|按职责分别负责|按职能分工负责|按职责分工落实|按职责负责|分别负责|负责落实|负责|配合|参与|协办|牵头负责|牵头)(?:单位)?[）】\]]$/u;

/** What a unit's own words say of its role: 市人社局（牵头）, 市财政局牵头, 市财政局（配合）. */
type UnitMarker = 'lead' | 'partner';

const LEAD_MARK = /牵头(?:单位)?(?:负责)?[）】\]]?$/u;
const PARTNER_MARK = /(?:配合|协办|参与)(?:单位)?[）】\]]?$/u;

interface MarkedUnit {
  readonly name: string;
  readonly marker: UnitMarker | null;
}

/** Splits a unit list at 、，,；; and line breaks outside brackets (各县（市、区）is one unit), and at 及. */
export function splitUnits(text: string): string[] {
  return splitMarkedUnits(text).map((u) => u.name);
}

/**
 * One 责任单位 list's leads and partners: every unit marked （牵头） leads (a plan may name several,
 * 市人社局（牵头）、市财政局（牵头）、…); with none marked, the first unit not marked （配合） does, by the
 * convention of such tables. The same reading as the ledger's (parseResponsibleUnits), so the
 * cell written from the plan reads back with the same leads.
 */
export function unitRoles(text: string): { lead: string[]; partners: string[] } {
  const units = splitMarkedUnits(text);
  const marked = units.some((u) => u.marker === 'lead');
  const first = units.find((u) => u.marker !== 'partner');
  const leads = (u: MarkedUnit) => (marked ? u.marker === 'lead' : u === first);
  return {
    lead: units.filter(leads).map((u) => u.name),
    partners: units.filter((u) => !leads(u)).map((u) => u.name),
  };
}

function splitMarkedUnits(text: string): MarkedUnit[] {
  // Spaces stay until the pieces are split: between two units they separate, inside a name they are noise.
  const clean = toHalfWidth(text.replace(/\r\n?/g, '\n')).replace(/\(/g, '（').replace(/\)/g, '）');
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of clean) {
    if (ch === '（') depth++;
    if (ch === '）') depth = Math.max(0, depth - 1);
    if (
      depth === 0 &&
      (ch === '、' || ch === ',' || ch === '，' || ch === ';' || ch === '；' || ch === '\n' || ch === '及')
    ) {
      pieces.push(current);
      current = '';
    } else current += ch;
  }
  pieces.push(current);
  const units: MarkedUnit[] = [];
  for (const raw of pieces) {
    for (const word of splitAtSpaces(raw)) {
      const written = cleanAnnexText(word).replace(/[。.:：]+$/u, '');
      const marker = LEAD_MARK.test(written) ? 'lead' : PARTNER_MARK.test(written) ? 'partner' : null;
      const name = written
        .replace(ROLE_REMARK, '')
        .replace(DUTY_WORDS, '')
        .replace(/[（【[]?(牵头|配合|协办)(单位)?[）】\]]?$/u, '')
        .replace(/等$/u, '')
        .trim();
      if (!name) continue;
      const previous = units[units.length - 1];
      // 各乡镇人民政府、街道办事处: the second names no body of its own and belongs to the 统称.
      if (previous?.name.startsWith('各') && GENERIC_BODIES.has(name))
        units[units.length - 1] = { ...previous, name: `${previous.name}、${name}` };
      else if (!units.some((u) => u.name === name)) units.push({ name, marker });
    }
  }
  return units;
}

/** 市教育局 市财政局: a space separates two units only when the left part ends as a unit's name does. */
function splitAtSpaces(text: string): string[] {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  if (words.length < 2) return words;
  const out: string[] = [];
  let current = words[0];
  for (const word of words.slice(1)) {
    if (UNIT_ENDING.test(current) && current.length >= 2) {
      out.push(current);
      current = word;
    } else current += word;
  }
  out.push(current);
  return out;
}

export function guessUnitKind(name: string): UnitKind {
  if (/^各|各有关|有关部门|相关部门|各专班$|^全[区市县]|^[市区县]级各|各.*(部门|单位)$/u.test(name))
    return 'collective';
  if (/(大学|学院|学校|中学|小学|幼儿园|职教中心)$/u.test(name)) return 'school';
  if (/(集团|公司|有限公司|银行)$/u.test(name)) return 'enterprise';
  if (/(人民政府|政府|办事处|管委会|开发区|高新区|园区)$/u.test(name)) return 'government';
  return 'department';
}

// ---------------------------------------------------------------------------------------------
// Deadlines

const RECURRING = /^(每(年|季度|季|月|半年|周|旬)|按季度|按月|按年)/u;
const WHOLE_YEAR = /^全年$/u;

function readDeadline(text: string, options: ImportOptions): DeadlineReading {
  if (!text) return { kind: 'empty' };
  if (RECURRING.test(text)) return { kind: 'recurring', label: text };
  if (WHOLE_YEAR.test(text)) {
    return options.year !== undefined ? parseDeadline(`${options.year}年底`) : { kind: 'open', label: text };
  }
  return parseDeadline(text, { defaultYear: options.year });
}

// ---------------------------------------------------------------------------------------------
// Tables: columns found by their headers

type ColumnRole = 'no' | 'task' | 'units' | 'lead' | 'partners' | 'deadline' | 'leaders' | 'group';

/** Header words, longest first within a role so 牵头责任单位 is not taken for 责任单位. */
const HEADER_WORDS: readonly (readonly [ColumnRole, RegExp])[] = [
  ['leaders', /^(责任领导|分管领导|分管县领导|分管市领导|分管区领导|牵头领导|责任市领导|包保领导)$/u],
  ['lead', /^(牵头单位|牵头责任单位|主要责任单位|牵头部门|责任牵头单位|主责单位)$/u],
  ['partners', /^(配合单位|协同配合单位|协办单位|参与单位|配合部门|责任单位（配合）)$/u],
  ['units', /^(责任单位|责任部门|承办单位|实施单位)$/u],
  ['task', /^(工作任务|重点任务|任务内容|主要任务|工作内容|具体任务|任务|工作措施|主要内容|具体举措)$/u],
  ['no', /^(序号|编号|序)$/u],
  ['deadline', /^(完成时限|完成时间|时间节点|时限要求|完成期限|时限)$/u],
  ['group', /^(类别|分类|领域|重点领域)$/u],
];

function headerRole(cell: string): ColumnRole | null {
  const key = toHalfWidth(cleanAnnexText(cell))
    .replace(/\s+/gu, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
  for (const [role, words] of HEADER_WORDS) if (words.test(key)) return role;
  return null;
}

interface HeaderRow {
  /** The header's first row, 0-based. */
  readonly index: number;
  /** The header's last row: the row below index when the header spans two. */
  readonly last: number;
  readonly columns: ReadonlyMap<ColumnRole, number>;
}

/**
 * 责任单位 spanning 牵头单位 | 配合单位 below it: a second header row's words name the columns
 * under a spanning cell (or under a blank one, the merged cell's other half). A sub-header under
 * a column already named otherwise is not guessed at: the header is refused with its row.
 */
function subHeader(below: readonly string[] | undefined): Map<number, ColumnRole> | null {
  if (!below) return null;
  const filled = below.map((c, i) => [i, (c ?? '').trim()] as const).filter(([, c]) => c);
  if (filled.length === 0 || !filled.every(([, c]) => headerRole(c) !== null)) return null;
  const roles = new Map<number, ColumnRole>();
  for (const [c, text] of filled) roles.set(c, headerRole(text) as ColumnRole);
  return roles;
}

function findHeader(
  rows: readonly (readonly string[])[],
): HeaderRow | { readonly conflictRow: number; readonly text: string } | null {
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const columns = new Map<ColumnRole, number>();
    rows[r].forEach((cell, c) => {
      const role = headerRole(cell);
      if (role && !columns.has(role)) columns.set(role, c);
    });
    const sub = columns.size > 0 ? subHeader(rows[r + 1]) : null;
    if (sub) {
      for (const [c, role] of sub) {
        const above = headerRole(rows[r][c] ?? '');
        if (above === role) continue;
        // Only a spanning 责任单位 (or the blank half of a merged cell) may be divided below.
        if (above !== null && above !== 'units')
          return { conflictRow: r + 2, text: `${rows[r][c]} / ${rows[r + 1][c]}` };
        for (const [k, v] of columns) if (v === c && k === 'units') columns.delete(k);
        if (!columns.has(role)) columns.set(role, c);
      }
    }
    // 牵头责任单位 + 责任单位: the second column lists the partners.
    if (columns.has('lead') && columns.has('units') && !columns.has('partners')) {
      columns.set('partners', columns.get('units') as number);
      columns.delete('units');
    }
    const hasUnits = columns.has('units') || columns.has('lead');
    if (columns.has('task') && hasUnits) return { index: r, last: sub ? r + 1 : r, columns };
  }
  return null;
}

const GROUP_HEADING =
  /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+部分)/u;
/** 注：… 备注：… below a table: a note on the whole table, never a task or a heading. */
const NOTE = /^(注|备注|说明|附注)\s*\d*\s*[:：]/u;
const NUMBER_CELL = /^([（(][一二三四五六七八九十]+[）)])?\s*\d+[.、．]?$/u;

function stripNo(no: string): string {
  return toHalfWidth(no)
    .replace(/\s+/gu, '')
    .replace(/[.、]$/u, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）');
}

/** A heading's numeral as a 序号 cites it: 一、… and 第一部分 as 一, （一）… as （一）; a heading without one by its text. */
function headingMark(heading: string): { readonly top: boolean; readonly mark: string } {
  const top = /^(?:第)?([一二三四五六七八九十]+)(?:、|部分)/u.exec(heading);
  if (top) return { top: true, mark: top[1] };
  const sub = /^[（(]([一二三四五六七八九十]+)[）)]/u.exec(heading);
  if (sub) return { top: false, mark: `（${sub[1]}）` };
  return { top: true, mark: heading };
}

/**
 * 序号 restarting per group (一、 1, 2; 二、 1, 2) are told apart by the group's numeral: 一-1,
 * 二-1, （一）1, and under two levels of headings 一（一）1 where the inner numeral alone repeats.
 * Numbers that do not restart (1…n, an extract's 3, 68, 69) stay as written.
 */
function labelRestarts(
  tasks: readonly ImportedTask[],
  outlines: readonly (readonly string[])[],
): ImportedTask[] {
  const plain = (t: ImportedTask) => /^\d+$/u.test(t.no);
  const groupsOf = new Map<string, Set<string>>();
  tasks.forEach((t, i) => {
    if (plain(t)) groupsOf.set(t.no, (groupsOf.get(t.no) ?? new Set()).add(outlines[i].join('')));
  });
  if (!Array.from(groupsOf.values()).some((groups) => groups.size > 1)) return [...tasks];
  const label = (marks: readonly string[], no: string) =>
    marks.length === 0 ? no : `${marks.join('')}${marks[marks.length - 1].endsWith('）') ? '' : '-'}${no}`;
  const short = tasks.map((t, i) => (plain(t) ? label(outlines[i].slice(-1), t.no) : t.no));
  const unique = new Set(short).size === short.length;
  return tasks.map((t, i) => ({ ...t, no: unique || !plain(t) ? short[i] : label(outlines[i], t.no) }));
}

class Collector {
  readonly tasks: ImportedTask[] = [];
  readonly groups: string[] = [];
  readonly skipped: SkippedRow[] = [];
  readonly problems: ImportProblem[] = [];
  private group = '';
  /** Group and 序号 of the tasks read so far: a number may restart per group, not repeat within one. */
  private readonly numbers = new Set<string>();
  /** The numerals of the headings above the next task (一, then （一）), and of each task read. */
  private outline: string[] = [];
  private readonly outlines: (readonly string[])[] = [];

  constructor(readonly options: ImportOptions) {}

  startGroup(heading: string): void {
    this.group = heading;
    if (!this.groups.includes(heading)) this.groups.push(heading);
    const { top, mark } = headingMark(heading);
    this.outline = top ? [mark] : [...this.outline.filter((m) => !m.endsWith('）')), mark];
  }

  add(task: {
    no: string;
    text: string;
    lead: string[];
    partners: string[];
    deadline: string;
    leaders: string;
    source: number;
  }): void {
    const text = cleanAnnexText(task.text).replace(/\n/g, '');
    if (!text) {
      this.problems.push({
        source: task.source,
        kind: 'no-text',
        text: [...task.lead, ...task.partners].join('、'),
      });
      return;
    }
    // A date or a stray quote in a unit list is a cell read wrongly (a quoted cell split at its line break): shown, never a unit.
    const notUnits = [...task.lead, ...task.partners].filter((u) => !isUnitName(u));
    for (const name of notUnits) this.problems.push({ source: task.source, kind: 'not-a-unit', text: name });
    const lead = task.lead.filter(isUnitName);
    const partners = task.partners.filter((u) => isUnitName(u) && !lead.includes(u));
    // A row naming partners but no lead is shown, not given a lead by guess.
    if (lead.length === 0) {
      this.problems.push({ source: task.source, kind: partners.length > 0 ? 'no-lead' : 'no-units', text });
    }
    // 2026 年 12 月底前: a deadline has no word spaces to keep.
    const deadline = cleanAnnexText(task.deadline).replace(/\s+/gu, '');
    const deadlineReading = readDeadline(deadline, this.options);
    if (deadlineReading.kind === 'invalid') {
      this.problems.push({ source: task.source, kind: 'unreadable-deadline', text: deadline });
    }
    const no = stripNo(task.no);
    // Two sub-groups may share a heading (（一）… under 一、 and under 二、): the numerals above tell them apart.
    const numbered = `${this.outline.join('')}\u0000${this.group}\u0000${no}`;
    if (no && this.numbers.has(numbered))
      this.problems.push({ source: task.source, kind: 'repeated-number', text: no });
    this.numbers.add(numbered);
    this.outlines.push(this.outline);
    this.tasks.push({
      no,
      order: this.tasks.length + 1,
      text,
      lead,
      partners,
      deadline,
      deadlineReading,
      group: this.group,
      leaders: cleanAnnexText(task.leaders).replace(/\n/g, '、'),
      source: task.source,
    });
  }

  /** Whether a task has been read since the last group heading: what a continuation row continues. */
  get lastTaskInGroup(): ImportedTask | undefined {
    const last = this.tasks[this.tasks.length - 1];
    return last && last.group === this.group ? last : undefined;
  }

  /** A row with only task text below a task: the task's text broken across pages, joined and named. */
  continueLast(text: string, source: number): void {
    const last = this.tasks.length - 1;
    const more = cleanAnnexText(text)
      .replace(/\n/g, '')
      .replace(/^[（(]?续(上|前|表)?[）)]?[:：]?/u, '');
    this.tasks[last] = { ...this.tasks[last], text: this.tasks[last].text + more };
    this.skipped.push({ source, text: more, reason: 'continuation' });
  }

  result(shape: AnnexShape): PlanImport {
    if (this.tasks.length === 0 && this.problems.length === 0) {
      this.problems.push({ source: 0, kind: 'nothing-read', text: '' });
    }
    return {
      shape,
      tasks: labelRestarts(this.tasks, this.outlines),
      groups: this.groups,
      units: learnedUnits(this.tasks, this.options.keepApart ?? []),
      skipped: this.skipped,
      problems: this.problems,
    };
  }
}

/** Quotes never stand in a unit's name, nor does a date: either means a cell was read wrongly. */
function isUnitName(name: string): boolean {
  if (/["'＂]/u.test(name) || countOf(name, '“') !== countOf(name, '”')) return false;
  return parseDeadline(name).kind !== 'date';
}

/** A place name before the level: 梨川市人社局 → 市人社局 (two to four Han characters, then 市, 县 or 区). */
const PLACE_PREFIX = /^\p{Script=Han}{2,4}?(?=[市县区]\p{Script=Han}{2,})/u;

/** What a name and its full or short form share: the place name dropped, each full agency word shortened. */
export function unitPairKey(name: string): { key: string; placed: boolean } {
  const placed = PLACE_PREFIX.test(name);
  let key = name.replace(PLACE_PREFIX, '');
  for (const [full, short] of AGENCY_SHORT_FORMS) key = key.replace(full, short);
  return { key, placed };
}

/**
 * The units the tasks name, a full name and its short form taken as one (the form named more
 * often kept, or the shorter, the other its alias). Only two names pair, and never two that both carry a place
 * name (铁西区住建局 and 铁东区住建局 are two units): anything less clear stays apart.
 */
function learnedUnits(tasks: readonly ImportedTask[], keepApart: readonly string[]): LearnedUnit[] {
  const counts = new Map<string, number>();
  for (const t of tasks) for (const u of [...t.lead, ...t.partners]) counts.set(u, (counts.get(u) ?? 0) + 1);
  const byKey = new Map<string, string[]>();
  for (const name of counts.keys()) {
    if (keepApart.includes(name)) continue;
    const { key } = unitPairKey(name);
    byKey.set(key, [...(byKey.get(key) ?? []), name]);
  }
  const aliasOf = new Map<string, string>();
  for (const names of byKey.values()) {
    if (names.length !== 2 || names.every((n) => unitPairKey(n).placed)) continue;
    const [a, b] = names;
    // The form named more often is kept; between equals, the short one, as the other rows write it.
    const more = (counts.get(b) ?? 0) - (counts.get(a) ?? 0);
    const [kept, alias] = more > 0 || (more === 0 && b.length < a.length) ? [b, a] : [a, b];
    aliasOf.set(alias, kept);
  }
  // A pair stands where either of its names first appears.
  const order = Array.from(new Set(Array.from(counts.keys(), (name) => aliasOf.get(name) ?? name)));
  return order.map((name) => {
    const aliases = Array.from(aliasOf)
      .filter(([, kept]) => kept === name)
      .map(([alias]) => alias);
    const total = (counts.get(name) ?? 0) + aliases.reduce((n, alias) => n + (counts.get(alias) ?? 0), 0);
    return { name, kind: guessUnitKind(name), tasks: total, aliases };
  });
}

/**
 * A table pasted from Word or a PDF, or the current sheet's cells: rows of cell texts. The
 * header row names the columns; rows above it are the title, rows without task text are group
 * headings or notes.
 */
export function importAnnexTable(
  rows: readonly (readonly string[])[],
  options: ImportOptions = {},
): PlanImport {
  const out = new Collector(options);
  const header = findHeader(rows);
  if (!header) {
    out.problems.push({ source: 0, kind: 'no-header', text: '' });
    return out.result('columns');
  }
  if ('conflictRow' in header) {
    out.problems.push({ source: header.conflictRow, kind: 'sub-header-conflict', text: header.text });
    return out.result('columns');
  }
  for (let r = 0; r < header.index; r++) {
    const text = rows[r].join(' ').trim();
    out.skipped.push({ source: r + 1, text, reason: text ? 'title' : 'blank' });
  }
  const cell = (row: readonly string[], role: ColumnRole) => {
    const c = header.columns.get(role);
    return c === undefined ? '' : (row[c] ?? '').trim();
  };
  // Every header row is listed, so the review accounts for each row of the source.
  for (let r = header.index; r <= header.last; r++)
    out.skipped.push({ source: r + 1, text: rows[r].join(' ').trim(), reason: 'header' });
  for (let r = header.last + 1; r < rows.length; r++) {
    const row = rows[r];
    const source = r + 1;
    const filled = row.map((c) => (c ?? '').trim()).filter(Boolean);
    if (filled.length === 0) {
      out.skipped.push({ source, text: '', reason: 'blank' });
      continue;
    }
    if (filled.every((c) => headerRole(c) !== null)) {
      out.skipped.push({ source, text: filled.join(' '), reason: 'header' });
      continue;
    }
    const task = cell(row, 'task');
    const no = cell(row, 'no');
    const anyUnits = cell(row, 'units') || cell(row, 'lead') || cell(row, 'partners');
    // A heading row: one text (often merged across the row), no units, no number of its own.
    if (!anyUnits && filled.length === 1) {
      const only = cleanAnnexText(filled[0]);
      if (NOTE.test(only)) {
        out.skipped.push({ source, text: only, reason: 'note' });
        continue;
      }
      if (task && !GROUP_HEADING.test(only) && out.lastTaskInGroup) {
        out.continueLast(task, source);
        continue;
      }
      if (GROUP_HEADING.test(only) || !NUMBER_CELL.test(stripNo(no || only))) {
        if (GROUP_HEADING.test(only) || only.length <= 30) out.startGroup(only);
        else out.skipped.push({ source, text: only, reason: 'note' });
        continue;
      }
    }
    if (header.columns.has('group')) {
      const group = cell(row, 'group');
      if (group) out.startGroup(cleanAnnexText(group));
    }
    const inline = !anyUnits ? inlineUnits(task, options) : null;
    const listed = unitRoles(cell(row, 'units'));
    out.add({
      no,
      text: inline ? inline.text : task,
      lead: inline ? inline.lead : header.columns.has('lead') ? splitUnits(cell(row, 'lead')) : listed.lead,
      partners: inline
        ? inline.partners
        : header.columns.has('lead')
          ? splitUnits(cell(row, 'partners'))
          : listed.partners,
      deadline: cell(row, 'deadline') || (inline?.deadline ?? ''),
      leaders: cell(row, 'leaders'),
      source,
    });
  }
  return out.result('columns');
}

// ---------------------------------------------------------------------------------------------
// Inline units: …（市政府办公室、市发改委牵头，市级各有关部门及各县市区政府按职责分工负责）

/** The bracket that closes the text, matched through brackets inside it (各县（市、区）政府). */
function closingBracket(text: string): { at: number; inside: string; fullStop: boolean } | null {
  const chars = Array.from(text);
  let end = chars.length;
  const fullStop = end > 0 && (chars[end - 1] === '。' || chars[end - 1] === '.');
  if (fullStop) end--;
  if (end === 0 || (chars[end - 1] !== '）' && chars[end - 1] !== ')')) return null;
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    if (chars[i] === '）' || chars[i] === ')') depth++;
    else if (chars[i] === '（' || chars[i] === '(') depth--;
    if (depth === 0) {
      const inside = chars.slice(i + 1, end - 1).join('');
      return /牵头|负责|配合/u.test(inside)
        ? { at: chars.slice(0, i).join('').length, inside, fullStop }
        : null;
    }
  }
  return null;
}

/** …（市发改委牵头，各县（市）区政府负责），全年。: a deadline after the bracket, kept apart when it reads as one. */
const AFTER_BRACKET = /^(.*[）)])[，,；;]\s*([^，,；;（()）]{1,20}?)([。.]?)$/u;

function inlineUnits(
  text: string,
  options: ImportOptions,
): { text: string; lead: string[]; partners: string[]; deadline: string } | null {
  let clean = cleanAnnexText(text);
  let deadline = '';
  const tail = AFTER_BRACKET.exec(clean);
  if (tail) {
    const reading = readDeadline(tail[2].replace(/\s+/gu, ''), options);
    if (reading.kind !== 'invalid' && reading.kind !== 'empty') {
      clean = tail[1] + tail[3];
      deadline = tail[2];
    }
  }
  const m = closingBracket(clean);
  if (!m) return null;
  const inside = m.inside;
  const before = clean.slice(0, m.at).trim();
  // 加强绩效管理（市财政局牵头）。 keeps its full stop; a text that had none gets none.
  const body = before + (m.fullStop && !/[。！？]$/u.test(before) ? '。' : '');
  const clause = leadClause(inside);
  // No clause says who leads: the units' own markers do (市人社局（牵头）、市财政局（牵头）、…), else the first unit.
  if (!clause) return { text: body, ...unitRoles(inside), deadline };
  // The units after the clause are partners, but for one that marks itself （牵头） too.
  const rest = splitMarkedUnits(inside.slice(clause.end));
  return {
    text: body,
    lead: [
      ...splitUnits(inside.slice(0, clause.at)),
      ...rest.filter((u) => u.marker === 'lead').map((u) => u.name),
    ],
    partners: rest.filter((u) => u.marker !== 'lead').map((u) => u.name),
    deadline,
  };
}

/** Where a 牵头 outside brackets closes a clause (LEAD_CLAUSE). */
function leadClause(inside: string): { at: number; end: number } | null {
  let depth = 0;
  for (let i = 0; i < inside.length; i++) {
    const ch = inside[i];
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (depth === 0) {
      const m = LEAD_CLAUSE.exec(inside.slice(i));
      if (m) return { at: i, end: i + m[0].length };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Pasted text: tab-separated rows are a table; otherwise numbered paragraphs.

/** 1. or （一）1.: the group numeral before the number is kept with it, as a table's 序号 cell keeps it. */
const LIST_ITEM = /^((?:[（(][一二三四五六七八九十]+[）)]\s*)?\d+)\s*[.、．]\s*(.+)$/u;
const LABEL =
  /(牵头单位|牵头责任单位|主要责任单位|责任单位|配合单位|协同配合单位|完成时限|完成时间|时间节点|责任领导|分管领导)\s*[:：]/gu;

/** Whether a pasted line opens an item (a numbered task) or a group heading: what ends the item above it. */
export function opensAnnexItem(line: string): boolean {
  const clean = cleanAnnexText(line);
  return LIST_ITEM.test(clean) || GROUP_HEADING.test(clean);
}

/** Two or more tab-separated lines: cells copied from Excel or a Word table, read as a table. */
export function isPastedTable(text: string): boolean {
  return text.split(/\r\n?|\n/u).filter((l) => l.includes('\t')).length >= 2;
}

/**
 * Cells copied from Excel: tabs between cells, line breaks between rows, and a cell holding a
 * line break, tab or quote put in quotes with its own quotes doubled. A quote that does not
 * close a cell is the cell's own text (Word and PDF copies do not quote).
 */
export function parsePastedCells(text: string): string[][] {
  return parsePastedTable(text).rows;
}

/**
 * The pasted cells' rows, and the 1-based line of the text each row starts on: a quoted cell
 * spanning lines makes a row's number and its line differ, and the user finds a row by its line.
 */
export function parsePastedTable(text: string): { rows: string[][]; lines: number[] } {
  const src = text.replace(/\r\n?/g, '\n').replace(/\n$/u, '');
  const rows: string[][] = [];
  const starts: number[] = [0];
  let row: string[] = [];
  let i = 0;
  const literal = () => {
    let end = i;
    while (end < src.length && src[end] !== '\t' && src[end] !== '\n') end++;
    const cell = src.slice(i, end);
    i = end;
    return cell;
  };
  const quoted = (): string | null => {
    let j = i + 1;
    let cell = '';
    while (j < src.length) {
      if (src[j] === '"') {
        if (src[j + 1] === '"') {
          cell += '"';
          j += 2;
          continue;
        }
        break;
      }
      cell += src[j++];
    }
    const after = src[j + 1];
    if (j >= src.length || (after !== undefined && after !== '\t' && after !== '\n')) return null;
    i = j + 1;
    return cell;
  };
  while (i <= src.length) {
    const cell = src[i] === '"' ? (quoted() ?? literal()) : literal();
    row.push(cell);
    if (src[i] === '\t') {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    i++;
    starts.push(i);
  }
  let line = 1;
  let at = 0;
  const lines = rows.map((_, r) => {
    for (; at < starts[r]; at++) if (src[at] === '\n') line++;
    return line;
  });
  return { rows, lines };
}

export function importAnnexText(text: string, options: ImportOptions = {}): PlanImport {
  if (isPastedTable(text)) return importAnnexTable(parsePastedCells(text), options);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out = new Collector(options);
  let shape: AnnexShape = 'list';
  let sawInline = false;
  let sawLabels = false;
  // A numbered item may run over several lines: gather until the next number or heading.
  const items: { no: string; text: string; source: number }[] = [];
  lines.forEach((line, i) => {
    const clean = cleanAnnexText(line);
    const source = i + 1;
    if (!clean) return;
    const item = LIST_ITEM.exec(clean);
    if (item) {
      items.push({ no: item[1], text: item[2], source });
      return;
    }
    if (GROUP_HEADING.test(clean)) {
      flushItems(
        items,
        out,
        () => (sawInline = true),
        () => (sawLabels = true),
      );
      out.startGroup(clean);
      return;
    }
    const last = items[items.length - 1];
    if (last) last.text += `\n${clean}`;
    else out.skipped.push({ source, text: clean, reason: items.length === 0 ? 'title' : 'note' });
  });
  flushItems(
    items,
    out,
    () => (sawInline = true),
    () => (sawLabels = true),
  );
  if (sawInline && !sawLabels) shape = 'inline';
  return out.result(shape);
}

function flushItems(
  items: { no: string; text: string; source: number }[],
  out: Collector,
  inline: () => void,
  labelled: () => void,
): void {
  for (const item of items.splice(0)) {
    const fields = labelledFields(item.text);
    if (fields) {
      labelled();
      const lead = fields.lead ? splitUnits(fields.lead) : [];
      // Without a 牵头单位 label, 责任单位 names the leads: marked （牵头）, or else its first unit.
      const listed =
        lead.length > 0 ? { lead, partners: splitUnits(fields.units ?? '') } : unitRoles(fields.units ?? '');
      out.add({
        no: item.no,
        text: fields.text,
        lead: listed.lead,
        partners: listed.partners.concat(splitUnits(fields.partners ?? '')),
        deadline: fields.deadline ?? '',
        leaders: fields.leaders ?? '',
        source: item.source,
      });
      continue;
    }
    const found = inlineUnits(item.text.replace(/\n/g, ''), out.options);
    if (found) inline();
    out.add({
      no: item.no,
      text: found ? found.text : item.text,
      lead: found?.lead ?? [],
      partners: found?.partners ?? [],
      deadline: found?.deadline ?? '',
      leaders: '',
      source: item.source,
    });
  }
}

interface LabelledFields {
  text: string;
  lead?: string;
  units?: string;
  partners?: string;
  deadline?: string;
  leaders?: string;
}

/** 任务文本。 牵头单位：区发改局 责任单位：立山经济开发区，全区经济运行各专班 */
function labelledFields(text: string): LabelledFields | null {
  const marks = Array.from(text.matchAll(LABEL));
  if (marks.length === 0) return null;
  const fields: LabelledFields = { text: text.slice(0, marks[0].index).replace(/\n/g, '').trim() };
  marks.forEach((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1].index : text.length;
    const value = text.slice((m.index ?? 0) + m[0].length, end).trim();
    const label = m[1];
    if (/^(牵头单位|牵头责任单位|主要责任单位)$/u.test(label)) fields.lead = value;
    else if (label === '责任单位') fields.units = value;
    else if (/配合单位$/u.test(label)) fields.partners = value;
    else if (/^(完成时限|完成时间|时间节点)$/u.test(label)) fields.deadline = value;
    else fields.leaders = value;
  });
  return fields;
}
