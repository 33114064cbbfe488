// Quantitative targets read out of a task's own wording: number + measure word + object
// (10门在线精品课, 3个专业教学资源库), several per task, in digits or Chinese numerals, with
// ranges (3至5个), floors (不少于, 至少) and aims (力争). A recurring norm (每年至少…实践1个月)
// is told apart from a count to deliver, and a target set for 每个县（市）区 is marked with
// the collective whose members each carry it. A ceiling (压缩至1个工作日以内) and a growth rate
// (投资增长8%) are read and named but are not counts to reach. Pure; never throws.
import { CHINESE_NUMERAL_CHARS, readNumeral } from './numerals';
import { toHalfWidth } from './text';

/** count: a number to reach; norm: recurring or a duration; limit: a ceiling (以内); growth: a change in % (增长8%). */
export type TargetKind = 'count' | 'norm' | 'limit' | 'growth';
/** exact: 建设10个; floor: 不少于/至少/以上; aim: 力争/争取. */
export type TargetBound = 'exact' | 'floor' | 'aim';
/** Whose each: every county-level government (县（市）), or those and the districts (县（市）区). */
export type TargetScope = 'county' | 'county-district';

export interface TargetReading {
  /** The number to deliver: a range's lower end, 万 and 亿 multiplied out (2万人次 → 20000). */
  readonly quantity: number;
  /** A range's upper end (3至5个 → 5). */
  readonly upTo?: number;
  /** The number as written, so a reader can find it in the text. */
  readonly numberText: string;
  /** The measure word: 个, 门, 所… */
  readonly measure: string;
  /** The object as written after the measure word. */
  readonly object: string;
  /** A short name for the indicator: the object's head noun phrase (after its last 的). */
  readonly name: string;
  readonly kind: TargetKind;
  readonly bound: TargetBound;
  readonly scope: TargetScope | null;
  /** The clause the target stands in, for the indicator's note. */
  readonly clause: string;
}

const NUMBER = `(?:\\d+(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+)`;
const RANGE_JOIN = '(?:至|到|-|–|—|~|～)';
/** Longest first: 个月 before 个, 万元 before 元. 批/些/系列 are vague and not read. */
const MEASURES = [
  '个工作日',
  '工作日',
  '个月',
  '人次',
  '学时',
  '课时',
  '小时',
  '万元',
  '亿元',
  '个',
  '门',
  '所',
  '家',
  '项',
  '名',
  '人',
  '场',
  '次',
  '座',
  '处',
  '支',
  '期',
  '本',
  '部',
  '套',
  '条',
  '篇',
  '间',
  '台',
  '届',
  '户',
  '亩',
  '元',
  '天',
  '周',
  '%',
  '％',
];
const MEASURE = `(?:${MEASURES.join('|')})`;
/** 2万人次: 万 and 亿 multiply the number, unless they begin the measure (50亿元). */
const MULTIPLIER = '(?:万|亿)(?!元)';
const MULTIPLIERS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };
const TARGET = new RegExp(
  `(${NUMBER})(?:\\s*${RANGE_JOIN}\\s*(${NUMBER}))?\\s*(${MULTIPLIER})?\\s*(${MEASURE})`,
  'gu',
);
/** Where the next target starts: it ends the object before it (10个智慧课堂10门在线精品课). */
const NEXT_TARGET = new RegExp(
  `(?:、|和|及|与|以及)?\\s*${NUMBER}\\s*(?:${RANGE_JOIN}\\s*${NUMBER}\\s*)?(?:${MULTIPLIER})?\\s*${MEASURE}`,
  'uy',
);

const DURATIONS = new Set(['个工作日', '工作日', '个月', '学时', '课时', '小时', '天', '周']);
const RECURRING = /每年|每月|每季度|每学期|每学年|每周|每天|每届|年均|常态化|定期/u;
const FLOOR = /不少于|至少|不低于|不下于/u;
const AIM = /力争|争取|努力/u;
/** A ceiling: 压缩至1个工作日以内, 不超过3天 — a time or cost to stay under, not a count to reach. */
const LIMIT_BEFORE =
  /(?:不超过|不高于|压缩(?:至|到)|缩短(?:至|到)|控制在|降(?:低)?(?:至|到)|(?<!不)(?:低于|少于))$/u;
const LIMIT_AFTER = /^(?:以内|之内|以下(?!简称))/u;
/** A change by a percentage (增长8%): a rate, not a level or a count. */
const GROWTH_BEFORE = /(?:增长|增速|增幅|提高|提升|下降|降低|增加|减少)(?:了)?$/u;
/** Words between an object written ahead of its number and the number: not part of its name. */
const BOUND_AFTER_OBJECT = /(?:不少于|至少|不低于|不下于|达到|力争|争取)$/u;
/** When, ahead of the verb (全年完成…): not part of the object's name. */
const LEADING_TIME = /^(?:全年|年内|今年|当年|\d{4}年(?:底|末)?前?)/u;
const CLAUSE_END = /[，。；;,！？!?\n：:]/u;
const SENTENCE_END = /[。；;！？!?\n]/u;
/** Verbs that open a clause before an object written ahead of its number (新建实训基地5个). */
const LEADING_VERBS =
  /^(?:力争|争取|确保|推进|推动|积极|新建|建设|建成|完成|培育|打造|创建|认定|开设|开展|举办|组建|设立|引进|实施)+/u;

function lastIndexOf(text: string, pattern: RegExp, before: number): number {
  let at = -1;
  for (let i = 0; i < before; i++) if (pattern.test(text[i])) at = i;
  return at;
}

function firstIndexOf(text: string, pattern: RegExp, from: number): number {
  for (let i = from; i < text.length; i++) if (pattern.test(text[i])) return i;
  return text.length;
}

/** The object after the measure word, up to the clause's end or the next target. */
function objectAfter(text: string, from: number): string {
  const end = firstIndexOf(text, CLAUSE_END, from);
  for (let i = from + 1; i < end; i++) {
    NEXT_TARGET.lastIndex = i;
    if (NEXT_TARGET.test(text)) return text.slice(from, i);
  }
  return text.slice(from, end);
}

/** The object's head: what follows its last 的, without a trailing 建设任务 or 以上. */
function headOf(object: string): string {
  const cleaned = object
    .trim()
    .replace(/^的/u, '')
    .replace(/(?:建设任务|任务|建设|以上)$/u, '')
    .trim();
  const at = cleaned.lastIndexOf('的');
  const tail = at >= 0 ? cleaned.slice(at + 1) : '';
  return Array.from(tail).length >= 2 ? tail : cleaned;
}

/** An object written ahead of its number (新建实训基地5个): the clause before it, without when, verbs and bounds. */
function objectAhead(lead: string): string {
  return lead
    .trim()
    .replace(LEADING_TIME, '')
    .replace(LEADING_VERBS, '')
    .replace(LIMIT_BEFORE, '')
    .replace(BOUND_AFTER_OBJECT, '')
    .trim();
}

function scopeOf(sentence: string): TargetScope | null {
  const plain = toHalfWidth(sentence).replace(/\s+/gu, '');
  if (/(?:每个|各)县\(市(?:\)区|、区\))/u.test(plain)) return 'county-district';
  if (/(?:每个|各)县(?:\(市\)|市)?/u.test(plain)) return 'county';
  return null;
}

/** Every target in a task's text, in reading order. */
export function readTargets(text: string): TargetReading[] {
  if (typeof text !== 'string' || !text) return [];
  const out: TargetReading[] = [];
  TARGET.lastIndex = 0;
  for (let m = TARGET.exec(text); m; m = TARGET.exec(text)) {
    const start = m.index;
    const before = text[start - 1] ?? '';
    // 第一个 is an order, 每一所 a distribution, 二〇二五 inside a longer number is not a target.
    if (before === '第' || before === '每' || /[\d.]/u.test(before)) continue;
    const times = m[3] === undefined ? 1 : MULTIPLIERS[m[3]];
    const number = readNumeral(m[1]);
    const upToNumber = m[2] === undefined ? undefined : readNumeral(m[2]);
    if (number === null || number <= 0 || upToNumber === null) continue;
    // Rounded to cents: 1.1万 is 11000, not 11000.000000000002.
    const quantity = Math.round(number * times * 100) / 100;
    const upTo = upToNumber === undefined ? undefined : Math.round(upToNumber * times * 100) / 100;
    const measure = m[4];
    const end = start + m[0].length;
    const clauseStart = lastIndexOf(text, CLAUSE_END, start) + 1;
    const clauseEnd = firstIndexOf(text, CLAUSE_END, end);
    const lead = text.slice(clauseStart, start);
    const written = objectAfter(text, end).trim();
    const floorAfter = /^以上/u.test(written);
    const limit = LIMIT_AFTER.test(written) || LIMIT_BEFORE.test(lead.trim());
    const growth = (measure === '%' || measure === '％') && GROWTH_BEFORE.test(lead.trim());
    let object = written.replace(/^(?:以上|左右|以内|之内|以下)/u, '').trim();
    if (!object) object = objectAhead(lead);
    const name = headOf(object);
    if (!name) continue;
    const sentence = text.slice(lastIndexOf(text, SENTENCE_END, start) + 1, start);
    out.push({
      quantity,
      ...(upTo !== undefined ? { upTo } : {}),
      numberText: m[3] === undefined ? m[1] : text.slice(start, end - measure.length).trim(),
      measure: measure === '％' ? '%' : measure,
      object,
      name,
      kind: limit
        ? 'limit'
        : growth
          ? 'growth'
          : DURATIONS.has(measure) || RECURRING.test(lead)
            ? 'norm'
            : 'count',
      bound: AIM.test(lead) ? 'aim' : FLOOR.test(lead) || floorAfter ? 'floor' : 'exact',
      scope: scopeOf(sentence),
      clause: text.slice(clauseStart, clauseEnd),
    });
  }
  return out;
}
