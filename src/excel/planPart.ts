// The workbook's plan, kept in a custom XML part (Workbook.customXmlParts, ExcelApi 1.5, within
// the manifest's minimum) so that a workbook mailed to a colleague carries it; workbook settings
// have a size limit a plan of hundreds of tasks would pass. A workbook without one tracks the
// built-in plan.
//
// A part's XML is asked for by id, so a read must know the id: the caller passes the one it last
// saw, and the same request lists the workbook's parts to check the guess (as the tables are
// checked in workbookRead.ts). A wrong guess costs one more request, never a stale plan.
//
// The parts are listed whole and ours picked by the table their namespace names (pairsWithTable),
// not asked for with getByNamespace: a host has returned parts of another namespace from it
// (office-js #227), and it matches the namespace as given ("whose namespaces match the given
// namespace", CustomXmlPartCollection), so a part whose namespace a host re-cased would be missed.
// A part is then read by the id the listing returned.
import {
  builtInPlan,
  cellText,
  FIRST_LEDGER_TABLE,
  ledgerSheetTitle,
  PLAN_PART_LIMIT,
  pairsWithTable,
  planNamespace,
  planPartBytes,
  planFromXml,
  planToXml,
  renamePlan,
  type Plan,
  type PlanNameEdits,
} from '../ledger';
import { needsTextFormat, plainAddress } from './cells';
import { excelErrorCode, LedgerError } from './errors';
import { areasOn, NOTHING_WRITTEN, type WriteEcho } from './ownWrites';
import { queueGuard } from './writeGuard';

export interface WorkbookPlan {
  readonly plan: Plan;
  /** The custom XML part the plan was read from; null when the workbook has none (the built-in plan). */
  readonly partId: string | null;
  /** A part of ours that could not be read: the built-in plan stands in, and the pane says so. */
  readonly problem: 'not-a-plan' | 'unreadable' | null;
  /** The first part of our namespace the workbook has, whatever was guessed: another id means read again. */
  readonly found: string | null;
}

export const BUILT_IN: WorkbookPlan = { plan: builtInPlan(), partId: null, problem: null, found: null };

/** Queues the read of a ledger table's plan: the list of its parts, and the XML of the one guessed. */
export function queuePlanRead(
  context: Excel.RequestContext,
  guess: string | null,
  table: string = FIRST_LEDGER_TABLE,
): () => WorkbookPlan {
  const parts = queuePlanParts(context, table);
  const xml = guess === null ? null : context.workbook.customXmlParts.getItem(guess).getXml();
  return () => {
    const found = parts();
    if (xml === null || guess === null) return { ...BUILT_IN, found };
    const read = planFromXml(xml.value);
    return 'plan' in read
      ? { plan: read.plan, partId: guess, problem: null, found }
      : { ...BUILT_IN, partId: guess, problem: read.problem, found };
  };
}

/** The ids of a ledger table's parts, alone: what a failed guess is corrected with. */
export function queuePlanParts(
  context: Excel.RequestContext,
  table: string = FIRST_LEDGER_TABLE,
): () => string | null {
  const parts = context.workbook.customXmlParts.load('items/id, items/namespaceUri');
  return () => parts.items.find((p) => pairsWithTable(p.namespaceUri, table))?.id ?? null;
}

/**
 * Queues the plan's write: the part the workbook has (read in this action's request) is deleted
 * and a new one added, never rewritten in place: setXml may give a part a new id (office-js
 * #3564), and a read asks for the part by id. The new part's id is readable after the sync.
 */
export function queuePlanWrite(
  context: Excel.RequestContext,
  plan: Plan,
  partId: string | null,
  table: string = FIRST_LEDGER_TABLE,
): Excel.CustomXmlPart {
  refuseOversizedPlan(plan, table);
  if (partId !== null) context.workbook.customXmlParts.getItem(partId).delete();
  return context.workbook.customXmlParts.add(planToXml(plan, planNamespace(table))).load('id');
}

/**
 * Refuses a plan whose part Excel on the web would not take (see PLAN_PART_LIMIT); called before
 * anything of the action is queued, so nothing is written. Splitting one plan over several parts
 * would make a torn plan possible (a part deleted or added by a co-author alone): refused instead.
 */
export function refuseOversizedPlan(plan: Plan, table: string = FIRST_LEDGER_TABLE): void {
  const bytes = planPartBytes(plan, table);
  if (bytes <= PLAN_PART_LIMIT) return;
  const kb = (n: number) => Math.ceil(n / 1024);
  throw new LedgerError(
    {
      zh: `方案“${plan.title}”共${plan.tasks.length}项任务，存入工作簿需${kb(bytes)} KB，超过网页版 Excel 允许的${kb(PLAN_PART_LIMIT)} KB，未做任何更改。请将分工表拆成几个方案分别导入。`,
      en: `The plan ${plan.title} (${plan.tasks.length} tasks) needs ${kb(bytes)} KB in the workbook, more than the ${kb(PLAN_PART_LIMIT)} KB Excel on the web allows; nothing was changed. Split the table into several plans and import each.`,
    },
    'PlanTooLarge',
  );
}

const RENAME_PROBLEMS = {
  'no-title': { zh: '方案名称不能为空，未做更改。', en: 'The plan needs a title; nothing was changed.' },
  'no-short-name': {
    zh: '简称不能为空，未做更改。',
    en: 'The plan needs a short name; nothing was changed.',
  },
  'bad-start': {
    zh: '起始日期不是有效日期（应为“2027-01-01”的形式），未做更改。',
    en: 'The start date is not a date (write it as 2027-01-01); nothing was changed.',
  },
} as const;

/** The plan an action has just written, as a read of it would give it. */
export function planWritten(plan: Plan, partId: string): WorkbookPlan {
  return { plan, partId, problem: null, found: partId };
}

/** What a rename did to the ledger sheet's title (B1, above the table, as createLedger writes it). */
export type TitleCell =
  /** The title was not renamed, or the sheet has no title cell above the table, or it is empty. */
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'updated'; readonly address: string; readonly text: string }
  /** It holds the user's own words (or a co-author's, written meanwhile): left as it is. */
  | { readonly kind: 'own'; readonly address: string };

export interface SavedPlan extends WorkbookPlan {
  readonly titleCell: TitleCell;
  /** The title cell written, so its change event is known for the pane's own. */
  readonly echo: WriteEcho;
}

const UNCHANGED: Pick<SavedPlan, 'titleCell' | 'echo'> = {
  titleCell: { kind: 'unchanged' },
  echo: NOTHING_WRITTEN,
};

/**
 * Saves the names edited in 设置 into the workbook's plan, read in this request (the built-in
 * plan, when the workbook has none, becomes its own part). A part of ours that cannot be read is
 * left as it is. A renamed title goes to the ledger sheet's title cell too, when that cell still
 * holds the title the ledger was made with. Two syncs, one more when the part changed since the
 * pane looked, one more to read the title cell when the title changed.
 */
export async function savePlanNames(
  context: Excel.RequestContext,
  edits: PlanNameEdits,
  seen: string | null,
  table: string = FIRST_LEDGER_TABLE,
): Promise<SavedPlan> {
  let read = queuePlanRead(context, seen, table);
  // The ledger table may be gone (deleted by a co-author): a null object, asked for beside the plan.
  let ledger = context.workbook.tables.getItemOrNullObject(table).load('name');
  let current: WorkbookPlan;
  try {
    await context.sync();
    current = read();
  } catch (error) {
    // The part the pane saw is gone (deleted, or made anew by a co-author): ask which there is.
    if (excelErrorCode(error) !== 'ItemNotFound' || seen === null) throw error;
    const found = queuePlanParts(context, table);
    ledger = context.workbook.tables.getItemOrNullObject(table).load('name');
    await context.sync();
    current = { ...BUILT_IN, partId: seen, found: found() };
  }
  if (current.found !== current.partId) {
    read = queuePlanRead(context, current.found, table);
    await context.sync();
    current = read();
  }
  if (current.problem !== null)
    throw new LedgerError({
      zh: '工作簿中保存的方案无法读取，未做更改。请重新导入分工表。',
      en: 'The plan stored in the workbook cannot be read; nothing was changed. Import the 分工 table again.',
    });
  const renamed = renamePlan(current.plan, edits);
  if ('problem' in renamed) throw new LedgerError(RENAME_PROBLEMS[renamed.problem]);
  const title =
    renamed.plan.title !== current.plan.title && !ledger.isNullObject
      ? await readTitleCell(context, ledger)
      : null;
  const was = ledgerSheetTitle(current.plan.title);
  const text = ledgerSheetTitle(renamed.plan.title);
  const rewrite = title !== null && title.text === was ? title : null;
  // The cell is checked again just before it is written: a co-author's title typed since stays.
  const guard = rewrite ? queueGuard([{ cell: rewrite.check, expected: was }]) : null;
  if (rewrite) {
    if (needsTextFormat(text)) rewrite.cell.numberFormat = [['@']];
    rewrite.cell.values = [[text]];
  }
  const part = queuePlanWrite(context, renamed.plan, current.partId, table);
  await context.sync();
  const saved = planWritten(renamed.plan, part.id);
  if (title === null || title.text === '' || title.text === text) return { ...saved, ...UNCHANGED };
  if (!rewrite || !guard)
    return { ...saved, titleCell: { kind: 'own', address: title.address }, echo: NOTHING_WRITTEN };
  const echo: WriteEcho = { written: areasOn(rewrite.sheetId, ['B1']), selectionMoves: 0 };
  if (guard.moved().length > 0) {
    guard.restore();
    await context.sync();
    return { ...saved, titleCell: { kind: 'own', address: title.address }, echo };
  }
  return { ...saved, titleCell: { kind: 'updated', address: title.address, text }, echo };
}

/**
 * The ledger sheet's title cell (B1, where createLedger writes it), read when it is above the
 * table; null when the table starts on row 1 (an adopted sheet) and has no title above it.
 */
async function readTitleCell(context: Excel.RequestContext, ledger: Excel.Table) {
  const sheet = ledger.worksheet.load('id');
  const cell = sheet.getRange('B1').load('values, address');
  const header = ledger.getHeaderRowRange().load('rowIndex');
  await context.sync();
  if (header.rowIndex === 0) return null;
  return {
    cell,
    /** A proxy of its own for the guard (queueGuard's rule). */
    check: sheet.getRange('B1'),
    sheetId: sheet.id,
    address: plainAddress(cell.address),
    text: cellText(cell.values[0][0]).trim(),
  };
}
