// The 进展情况通报 as a document model: 版头, title, 主送, 导语, sections 一 to 五, the 附件
// tables (滞后任务, 各单位, and 量化指标 where the workbook has indicators) and the 落款, made
// from the same summary model and history the summary sheets use, so every number in it equals
// theirs. A writer (src/files) lays it out after GB/T 9704; the plain text and HTML forms here
// are for pasting into an office's own 红头 template. All text is data:
// nothing a user typed is read as markup (the HTML form escapes it).
import { chineseDate, isoDate, type Day } from './dates';
import { shownAmount } from './indicators';
import { lightWord } from './lightWords';
import { BEHIND_HEADER, behindTableRows } from './mail';
import { escapeHtml, htmlCell, textCell } from './mailBody';
import { planNames } from './plan';
import { CHANGE_LABELS, changeText, type ReportHistory } from './snapshots';
import { behindDeadline, indicatorTotalLabel, type SummaryModel } from './summary';
import { UNIT_KIND_LABELS } from './units';

export interface BulletinTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Relative column widths (they add up to 100). */
  readonly widths: readonly number[];
}

export type BulletinBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  /** 二级标题: （一）… in 楷体. */
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'table'; readonly table: BulletinTable };

export interface BulletinSection {
  /** 一级标题: 一、总体进展 … in 黑体. */
  readonly heading: string;
  readonly blocks: readonly BulletinBlock[];
}

export interface BulletinAttachment {
  /** 附件1 */
  readonly label: string;
  readonly title: string;
  readonly table: BulletinTable;
  /** Said under the title when the table has no rows. */
  readonly empty: string;
}

export interface Bulletin {
  readonly asOf: Day;
  /** 版头: the issuing unit ('' when 设置 has none), the issue (第N期) and the date. */
  readonly masthead: { readonly issuer: string; readonly issue: string; readonly date: string };
  readonly title: string;
  /** 主送, ending with its colon. */
  readonly recipients: string;
  readonly lead: string;
  readonly sections: readonly BulletinSection[];
  readonly attachments: readonly BulletinAttachment[];
  /** 落款: the unit ('' when not set) and the date. */
  readonly signature: { readonly unit: string; readonly date: string };
}

/** Offered until the office writes its own; kept in the workbook once edited. */
export const DEFAULT_NEXT_STEPS: readonly string[] = [
  '压实工作责任。各牵头单位要对照任务分工，逐项明确时间表、路线图，配合单位要主动对接、协同推进。',
  '加快滞后任务推进。对滞后及逾期任务，责任单位要分析原因、制定整改措施，限期赶上序时进度。',
  '加强督导调度。按月调度任务进展，对推进不力的单位进行督办，确保各项任务按期完成。',
];

export interface BulletinOptions {
  readonly planTitle?: string;
  /** The sender unit set in 设置 ('' when not set): 版头 and 落款. */
  readonly issuer: string;
  /** The day the 通报 is made: its date. */
  readonly date: Day;
  readonly history?: ReportHistory;
  /** 五、下步工作: the lines kept in the workbook (blank ones are left out). */
  readonly nextSteps: readonly string[];
  readonly recipients?: string;
  /** 本期应报…已报…逾期未报… from 报送登记; absent when no round was issued. */
  readonly reporting?: string;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 to 99 in Chinese numerals: 十, 十一, 二十, 二十一. */
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  if (tens === 0) return DIGITS[n];
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}
/** （一）（二）…（十一）: the 二级 numbering of GB/T 9704 all the way. */
const ordinal = (i: number) => `（${chineseNumber(i + 1)}）`;
/**
 * A numbering the user typed at a line's start (（一） (1) 一、 1. 1、 1）): the 通报 numbers the
 * lines itself. A number that is the line's content (1.5亿元) has a digit after the point and stays.
 */
const TYPED_NUMBER =
  /^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*(?:[、．)）]|\.(?!\d)))\s*/u;
/** One line of a list: the full stop the sentence needs, not two (nor one after ? ! ; : or a stop). */
const sentence = (text: string) => (/[。．.！!？?；;：:]$/u.test(text) ? text : `${text}。`);
/**
 * A cell's text on one line: a line break inside would split a paragraph's sentence. A line that
 * ends in punctuation runs on; one that does not gets a '；'.
 */
const oneLine = (text: string) =>
  text
    .split(/\r\n?|\n/u)
    .map((line) => line.trim())
    .filter(Boolean)
    .reduce(
      (out, line) => (out === '' || /[。．.！!？?；;：:，,、]$/u.test(out) ? out + line : `${out}；${line}`),
      '',
    );

/** The file's name: 〈plan title〉推进情况通报_截至20261128.docx */
export function bulletinFileName(asOf: Day, planTitle: string = planNames().title): string {
  return `${planTitle}推进情况通报_截至${isoDate(asOf).replace(/-/g, '')}.docx`;
}

/** Tasks done per unit: its share times its tasks (exact, the share being done ÷ tasks). */
const doneOf = (u: { completionRate: number; total: number }) => Math.round(u.completionRate * u.total);

/** Competition ranking by completion share: equal shares share a rank (1, 2, 2, 4). */
function ranks(shares: readonly number[]): number[] {
  return shares.map((s) => 1 + shares.filter((o) => o > s).length);
}

function overall(model: SummaryModel, history: ReportHistory | undefined): BulletinBlock[] {
  const states = model.byStatus.map((s) => `${s.status}${s.count}项（${percent(s.share)}）`);
  if (model.otherStatus) states.push(`状态未填写或不规范${model.otherStatus}项`);
  const blocks: BulletinBlock[] = [
    {
      kind: 'paragraph',
      text:
        `截至${chineseDate(model.asOf)}，${model.total}项重点任务中，${states.join('，')}；` +
        `完成率${percent(model.completionRate)}。逾期${model.overdue}项，${model.extended ? `已延期${model.extended}项，` : ''}预警红灯${model.lights.red}项、黄灯${model.lights.yellow}项。`,
    },
  ];
  if (history) blocks.push({ kind: 'paragraph', text: history.changes.sentence });
  const { indicators } = model;
  if (indicators.lines.length) {
    // Each indicator is its own figure (附件3); only the parts of one indicator are added up.
    const totals = indicators.totals.map(
      (t) =>
        `${indicatorTotalLabel(t)}目标${shownAmount(t.target, t.measure)}，` +
        (t.actual === null
          ? '尚未填报完成值'
          : `完成${shownAmount(t.actual, t.measure)}${t.share === null ? '' : `（${percent(t.share)}）`}`),
    );
    blocks.push({
      kind: 'paragraph',
      text:
        `量化指标共${indicators.lines.length}项，已填报完成值${indicators.reported}项，已达目标${indicators.met}项` +
        `（逐项目标值、完成值和完成率见附件3）。${totals.length ? `其中同一指标分项合计：${totals.join('；')}。` : ''}`,
    });
  }
  return blocks;
}

function progress(model: SummaryModel, history: ReportHistory | undefined): BulletinBlock[] {
  const changes = history?.changes;
  if (!changes || changes.previous === null) {
    const done = model.tasks.filter((t) => t.done);
    return [
      {
        kind: 'paragraph',
        text: done.length
          ? `本期为首次通报。截至目前已完成任务${done.length}项：`
          : '本期为首次通报。截至目前尚无已完成的任务。',
      },
      ...done.map((t, i): BulletinBlock => ({
        kind: 'paragraph',
        text: `${i + 1}. 第${t.no}项：${sentence(oneLine(t.task))}（牵头单位：${t.lead}）`,
      })),
    ];
  }
  const done = changes.lines.filter((l) => l.kinds.includes('newlyDone'));
  const other = changes.lines.filter((l) => !l.kinds.includes('newlyDone'));
  const line = (l: (typeof changes.lines)[number], i: number): BulletinBlock => ({
    kind: 'paragraph',
    text: `${i + 1}. 第${l.no}项：${sentence(oneLine(l.task))}（牵头单位：${l.lead}）【${l.kinds.map((k) => CHANGE_LABELS[k]).join('、')}】${changeText(l)}。`,
  });
  return [
    { kind: 'subheading', text: `${ordinal(0)}本期完成的任务` },
    done.length
      ? {
          kind: 'paragraph',
          text: `与上期（${chineseDate(changes.previous)}）相比，本期新完成${done.length}项：`,
        }
      : { kind: 'paragraph', text: `与上期（${chineseDate(changes.previous)}）相比，本期无新完成的任务。` },
    ...done.map(line),
    { kind: 'subheading', text: `${ordinal(1)}其他进展` },
    other.length
      ? { kind: 'paragraph', text: `状态、预警或进度发生变化的任务${other.length}项：` }
      : { kind: 'paragraph', text: '其他任务的状态、预警和进度与上期相同。' },
    ...other.map(line),
  ];
}

function problems(model: SummaryModel): BulletinBlock[] {
  if (model.behind.length === 0)
    return [{ kind: 'paragraph', text: `截至${chineseDate(model.asOf)}，无滞后或逾期任务。` }];
  const overdue = model.behind.filter((b) => b.overdue).length;
  return [
    {
      kind: 'paragraph',
      text: `滞后及逾期任务${model.behind.length}项，其中逾期${overdue}项（详见附件1）：`,
    },
    ...model.behind.map((b, i): BulletinBlock => ({
      kind: 'paragraph',
      text:
        `${i + 1}. ${b.no === null ? '' : `第${b.no}项：`}${sentence(oneLine(b.task))}` +
        `（牵头单位：${b.lead || '未填写'}；完成时限：${behindDeadline(b) || '未填写'}；状态：${b.status || '未填写'}；预警：${lightWord(b).zh}）` +
        (b.problems.trim() ? `存在问题：${sentence(oneLine(b.problems))}` : '单位未填写存在问题。'),
    })),
  ];
}

/**
 * The units counted and ranked: a 统称 (各县（市）人民政府, 各职业学校) is no unit, and its tasks are
 * already counted under each of its members (as in the mails).
 */
const rankedUnits = (model: SummaryModel) => model.units.filter((u) => u.kind !== 'collective');

function unitTable(model: SummaryModel, history: ReportHistory | undefined): BulletinTable {
  const shifts = new Map((history?.changes.units ?? []).map((u) => [u.name, u.before]));
  const counted = rankedUnits(model);
  const places = ranks(counted.map((u) => u.completionRate));
  // Rows in 排名 order; units of one rank keep the model's order (类别, then 单位名录), which sort keeps.
  const units = counted.map((u, i) => ({ u, rank: places[i] })).sort((a, b) => a.rank - b.rank);
  return {
    header: ['责任单位', '任务数', '已完成', '完成率', '较上期', '排名'],
    rows: units.map(({ u, rank }) => {
      const before = shifts.get(u.name) ?? null;
      const points = before === null ? null : Math.round((u.completionRate - before) * 1000) / 10;
      return [
        u.name,
        String(u.total),
        String(doneOf(u)),
        percent(u.completionRate),
        points === null ? '—' : `${points > 0 ? '+' : ''}${points.toFixed(1)}`,
        String(rank),
      ];
    }),
    widths: [34, 12, 12, 14, 14, 14],
  };
}

function units(model: SummaryModel, history: ReportHistory | undefined): BulletinBlock[] {
  const counted = rankedUnits(model);
  if (counted.length === 0) return [{ kind: 'paragraph', text: '台账中没有可统计的责任单位。' }];
  const full = counted.filter((u) => u.completionRate === 1).map((u) => u.name);
  const late = counted.filter((u) => u.overdue > 0).length;
  const since = history?.changes.previous ? '“较上期”为完成率变化（百分点）；' : '';
  return [
    {
      kind: 'paragraph',
      text:
        `${counted.length}个责任单位承担的任务完成情况如下（任务数含牵头和配合任务，${since}按完成率排名，完成率相同的并列，按单位类别和名录顺序排列）。` +
        (full.length ? `任务全部完成的单位：${full.join('、')}。` : '') +
        (late ? `有逾期任务的单位${late}个（各单位逾期任务数见附件2）。` : '各单位均无逾期任务。'),
    },
    { kind: 'table', table: unitTable(model, history) },
  ];
}

function behindAttachment(model: SummaryModel): BulletinAttachment {
  return {
    label: '附件1',
    title: '滞后及逾期任务清单',
    table: {
      header: BEHIND_HEADER,
      rows: behindTableRows(model),
      widths: [8, 24, 13, 18, 10, 7, 20],
    },
    empty: `截至${chineseDate(model.asOf)}，无滞后或逾期任务。`,
  };
}

function unitAttachment(model: SummaryModel): BulletinAttachment {
  return {
    label: '附件2',
    title: '各单位完成情况',
    table: {
      header: ['责任单位', '类别', '牵头', '配合', '合计', '已完成', '逾期', '完成率'],
      rows: rankedUnits(model).map((u) => [
        u.name,
        UNIT_KIND_LABELS[u.kind],
        String(u.led),
        String(u.joined),
        String(u.total),
        String(doneOf(u)),
        String(u.overdue),
        percent(u.completionRate),
      ]),
      widths: [27, 12, 9, 9, 9, 10, 9, 15],
    },
    empty: '台账中没有可统计的责任单位。',
  };
}

/**
 * 附件3: every indicator on its own row, and under an indicator carried in parts (each county's
 * 老年大学) the total of its parts. Indicators that merely share a measure word are not added up.
 */
function indicatorAttachment(model: SummaryModel): BulletinAttachment {
  const { lines, totals } = model.indicators;
  const amount = (n: number | null, measure: string, none: string) =>
    n === null ? none : shownAmount(n, measure);
  const share = (n: number | null) => (n === null ? '—' : percent(n));
  return {
    label: '附件3',
    title: '量化指标完成情况',
    table: {
      header: ['序号', '指标', '责任单位', '目标值', '完成值', '完成率'],
      rows: lines.flatMap((l, i) => [
        [
          String(l.no),
          l.name,
          l.owner || l.taskUnits,
          amount(l.target, l.measure, '—'),
          amount(l.actual, l.measure, '未填报'),
          share(l.share),
        ],
        ...totals
          .filter((t) => t.after === i)
          .map((t) => [
            '',
            indicatorTotalLabel(t),
            '',
            shownAmount(t.target, t.measure),
            amount(t.actual, t.measure, '未填报'),
            share(t.share),
          ]),
      ]),
      widths: [8, 26, 30, 12, 12, 12],
    },
    empty: '台账中没有量化指标。',
  };
}

/** The 通报 of a report: every number from the summary model, the changes from its history. */
export function bulletinOf(model: SummaryModel, options: BulletinOptions): Bulletin {
  const plan = options.planTitle ?? model.names.title;
  const { history } = options;
  const steps = options.nextSteps.map((s) => oneLine(s).replace(TYPED_NUMBER, '')).filter(Boolean);
  // 期号: this 截至 date's place among the kept reports' dates, counting itself (a report kept
  // for a later date does not count), so the numbers run 1, 2, 3 as the reports are kept.
  const issueNumber = (history?.earlier.length ?? 0) + 1;
  const date = chineseDate(options.date);
  return {
    asOf: model.asOf,
    masthead: { issuer: options.issuer.trim(), issue: `第${issueNumber}期`, date },
    title: `关于《${plan}》推进情况的通报（截至${chineseDate(model.asOf)}）`,
    recipients: options.recipients ?? model.names.recipients,
    lead: `根据《${plan}》要求，现将截至${chineseDate(model.asOf)}重点任务推进情况通报如下。`,
    sections: [
      {
        heading: '一、总体进展',
        blocks: [
          ...overall(model, history),
          ...(options.reporting ? [{ kind: 'paragraph' as const, text: options.reporting }] : []),
        ],
      },
      { heading: '二、主要进展', blocks: progress(model, history) },
      { heading: '三、存在问题', blocks: problems(model) },
      { heading: '四、各单位推进情况', blocks: units(model, history) },
      {
        heading: '五、下步工作',
        blocks: steps.length
          ? steps.map((s, i) => ({ kind: 'paragraph', text: `${ordinal(i)}${sentence(s)}` }))
          : [{ kind: 'paragraph', text: '（下步工作待补充。）' }],
      },
    ],
    attachments: [
      behindAttachment(model),
      unitAttachment(model),
      ...(model.indicators.lines.length ? [indicatorAttachment(model)] : []),
    ],
    signature: { unit: options.issuer.trim(), date },
  };
}

/** The 通报 as plain text: tables as tab-separated lines, one row a line. */
export function bulletinText(bulletin: Bulletin): string {
  const table = (t: BulletinTable) => [t.header, ...t.rows].map((r) => r.map(textCell).join('\t'));
  const { masthead } = bulletin;
  return [
    [masthead.issuer, masthead.issue, masthead.date].filter(Boolean).join('　'),
    '',
    bulletin.title,
    '',
    bulletin.recipients,
    bulletin.lead,
    ...bulletin.sections.flatMap((s) => [
      s.heading,
      ...s.blocks.flatMap((b) => (b.kind === 'table' ? table(b.table) : [b.text])),
    ]),
    '',
    ...bulletin.attachments.map((a, i) => `${i === 0 ? '附件：' : '　　　'}${i + 1}. ${a.title}`),
    '',
    ...[bulletin.signature.unit, bulletin.signature.date].filter(Boolean),
    ...bulletin.attachments.flatMap((a) => [
      '',
      a.label,
      a.title,
      ...(a.table.rows.length ? table(a.table) : [a.empty]),
    ]),
  ].join('\n');
}

const FONT = "font-family:'仿宋_GB2312',FangSong,'仿宋',serif;font-size:16pt;line-height:28pt";
const TABLE_CELL = 'border:1px solid #000;padding:2pt 4pt;font-size:12pt;vertical-align:top';

/** The 通报 as HTML for pasting: every text escaped, fonts named as in the .docx. */
export function bulletinHtml(bulletin: Bulletin): string {
  const p = (text: string, style = 'text-indent:2em;margin:0') =>
    `<p style="${style}">${escapeHtml(text)}</p>`;
  const table = (t: BulletinTable) =>
    `<table style="border-collapse:collapse;width:100%"><thead><tr>${t.header
      .map((h) => `<th style="${TABLE_CELL}">${escapeHtml(h)}</th>`)
      .join('')}</tr></thead><tbody>${t.rows
      .map((r) => `<tr>${r.map((c) => `<td style="${TABLE_CELL}">${htmlCell(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const { masthead } = bulletin;
  const parts = [
    p(
      [masthead.issuer, masthead.issue, masthead.date].filter(Boolean).join('　'),
      'text-align:center;margin:0',
    ),
    p(
      bulletin.title,
      "text-align:center;font-family:'方正小标宋简体','小标宋',SimSun,'宋体',serif;font-size:22pt;font-weight:bold;margin:12pt 0",
    ),
    p(bulletin.recipients, 'margin:0'),
    p(bulletin.lead),
    ...bulletin.sections.flatMap((s) => [
      p(s.heading, "text-indent:2em;margin:0;font-family:'黑体',SimHei,sans-serif"),
      ...s.blocks.map((b) =>
        b.kind === 'table'
          ? table(b.table)
          : b.kind === 'subheading'
            ? p(b.text, "text-indent:2em;margin:0;font-family:'楷体_GB2312',KaiTi,'楷体',serif")
            : p(b.text),
      ),
    ]),
    ...bulletin.attachments.map((a, i) =>
      p(`${i === 0 ? '附件：' : ''}${i + 1}. ${a.title}`, 'margin:0 0 0 2em'),
    ),
    ...[bulletin.signature.unit, bulletin.signature.date]
      .filter(Boolean)
      .map((line) => p(line, 'text-align:right;margin:0')),
    ...bulletin.attachments.flatMap((a) => [
      p(a.label, "margin:12pt 0 0;font-family:'黑体',SimHei,sans-serif"),
      p(a.title, 'text-align:center;margin:0;font-weight:bold'),
      a.table.rows.length ? table(a.table) : p(a.empty),
    ]),
  ];
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="${FONT}">${parts.join('')}</body></html>`;
}
