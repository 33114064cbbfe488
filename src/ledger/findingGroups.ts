// How the 校验 tab lists findings: under their task (or the header, or the whole sheet), or
// under their rule, in the order validation found them.
import { sheetRowNumber, type SheetPlace } from './addresses';
import type { Bilingual } from './language';
import type { LedgerTask } from './tasks';
import { RULES, type Finding } from './validation';

export type FindingGrouping = 'task' | 'rule';

export interface FindingGroup {
  readonly key: string;
  readonly title: Bilingual;
  readonly findings: readonly Finding[];
}

const TASK_TITLE_CHARACTERS = 14;

function clipped(text: string): string {
  const characters = Array.from(text);
  return characters.length > TASK_TITLE_CHARACTERS
    ? `${characters.slice(0, TASK_TITLE_CHARACTERS).join('')}…`
    : text;
}

function taskTitle(
  finding: Finding,
  tasks: readonly LedgerTask[],
  place: SheetPlace,
): { key: string; title: Bilingual } {
  if (finding.row === null) return { key: 'sheet', title: { zh: '整表', en: 'Whole sheet' } };
  if (finding.row === -1) return { key: 'header', title: { zh: '标题行', en: 'Header row' } };
  // A repeated 序号 names two rows: the finding's own row decides which task text heads it.
  const task =
    tasks.find((t) => t.no === finding.taskNo && t.row === finding.row) ??
    tasks.find((t) => t.no === finding.taskNo);
  // A 指标 row whose task is not in the ledger has no task to stand under.
  if (finding.table === 'indicators' && !task)
    return { key: 'indicators', title: { zh: '指标表', en: 'The 指标 table' } };
  const text = clipped(task?.task ?? '');
  if (finding.taskNo !== null) {
    return {
      key: `task:${finding.taskNo}:${task?.row ?? finding.row}`,
      title: { zh: `${finding.taskNo} ${text}`, en: `${finding.taskNo} ${text}` },
    };
  }
  const row = sheetRowNumber(place, finding.row);
  return { key: `row:${row}`, title: { zh: `第${row}行 ${text}`, en: `Row ${row} ${text}` } };
}

export function groupFindings(
  findings: readonly Finding[],
  by: FindingGrouping,
  tasks: readonly LedgerTask[],
  place: SheetPlace,
): FindingGroup[] {
  const groups = new Map<string, { title: Bilingual; findings: Finding[] }>();
  for (const finding of findings) {
    const { key, title } =
      by === 'rule'
        ? { key: `rule:${finding.rule}`, title: RULES[finding.rule].title }
        : taskTitle(finding, tasks, place);
    const group = groups.get(key) ?? { title, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, group]) => ({ key, title: group.title, findings: group.findings }));
}
