import {
  makeLedger,
  matchOfficialTasks,
  OFFICIAL_TASKS,
  officialTextIndex,
  ledgerTasks,
  validateLedger,
  withCells,
  type CellValue,
  type Finding,
  type Ledger,
} from '../../src/ledger';
import { col, HEADER, officialRows } from './fixtures';
import { asOf } from '../asOf';

const official = (no: number) => OFFICIAL_TASKS[no - 1];

function row(no: CellValue, task: string, units: string, status = '序时推进'): CellValue[] {
  const r: CellValue[] = HEADER.map(() => '');
  r[col('no')] = no;
  r[col('task')] = task;
  r[col('units')] = units;
  r[col('status')] = status;
  return r;
}

function ledgerOf(rows: CellValue[][]): Ledger {
  return makeLedger({ header: HEADER, rows });
}

/** Cells that fix-all would write, as [row, column key, value]. */
function fixAll(ledger: Ledger): { findings: Finding[]; writes: [number, string, CellValue][] } {
  const findings = validateLedger(ledger, { asOf });
  const writes = findings
    .filter((f) => f.fix)
    .map((f) => [f.fix!.row, HEADER[f.fix!.column] as string, f.fix!.value] as [number, string, CellValue]);
  return { findings, writes };
}

/** The row's task text after fix-all: its own, or the official text of the task its text is. */
function expectTextsKept(before: Ledger): void {
  const fixes = validateLedger(before, { asOf })
    .filter((f) => f.fix)
    .map((f) => f.fix!);
  const after = withCells(before, fixes);
  const find = officialTextIndex(OFFICIAL_TASKS);
  after.rows.forEach((r, i) => {
    const was = String(before.rows[i][col('task')] ?? '');
    const now = String(r[col('task')] ?? '');
    if (now !== was) expect(now).toBe(find(was)?.official.task);
  });
}

describe('pairing rows with official tasks by their text', () => {
  it("a unit's own ledger: a subset renumbered 1–N is paired by text and nothing is rewritten", () => {
    const subset = [3, 7, 12, 18, 27, 30, 33, 36].map((no, i) =>
      row(i + 1, official(no).task, official(no).units),
    );
    const { findings, writes } = fixAll(ledgerOf(subset));
    expect(writes).toEqual([]);
    expect(findings).toEqual([]);
    const matching = matchOfficialTasks(ledgerTasks(ledgerOf(subset), { asOf }), OFFICIAL_TASKS);
    expect(matching.byRow.flatMap((p) => (p ? [p.official.no] : []))).toEqual([3, 7, 12, 18, 27, 30, 33, 36]);
    expect(matching.numbersAgree).toBe(false);
    expect(matching.wholePlan).toBe(false);
  });

  it('a user task inserted and the rows below renumbered: no task is rewritten, no number changed', () => {
    const rows = officialRows();
    rows.splice(5, 0, row(6, '本单位自定的任务：完善台账报送制度', '市教育局'));
    for (let i = 6; i < rows.length; i++) rows[i][col('no')] = i + 1;
    const { findings, writes } = fixAll(ledgerOf(rows));
    expect(writes).toEqual([]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('one mistyped 序号: the number is the finding, with the free official number as its fix', () => {
    const rows = officialRows();
    rows[5][col('no')] = 5;
    const { findings, writes } = fixAll(ledgerOf(rows));
    expect(findings.map((f) => f.rule)).toEqual(['no.official']);
    expect(findings[0].message.zh).toContain('正式任务第6项');
    expect(writes).toEqual([[5, '序号', 6]]);
  });

  it('another plan sharing one row with the official list: the wording check stays off', () => {
    const rows = [
      row(1, '推进全市老旧小区改造，年内完成改造20个小区。', '市住建局'),
      row(2, '完善城市排水防涝设施，消除易涝点。', '市住建局、市水利局'),
      row(3, official(4).task, '市教育局'),
      row(4, '开展农村人居环境整治。', '市农业农村局'),
    ];
    const { findings, writes } = fixAll(ledgerOf(rows));
    expect(writes.filter(([, key]) => key === '工作任务' || key === '责任单位')).toEqual([]);
    expect(findings.map((f) => f.rule)).not.toContain('official.missingTask');
  });

  it('a near text with its own number is restored; with another number it is reported without a fix', () => {
    const near = official(10).task.replace('名师培养工程', '名师工程');
    const same = fixAll(
      ledgerOf(officialRows().map((r, i) => (i === 9 ? row(10, near, official(10).units) : r))),
    );
    expect(same.writes).toEqual([[9, '工作任务', official(10).task]]);
    const subset = [row(1, official(4).task, official(4).units), row(2, near, official(10).units)];
    const other = fixAll(ledgerOf(subset));
    expect(other.findings.map((f) => [f.rule, f.fix])).toEqual([['task.changed', undefined]]);
    expect(other.findings[0].message.zh).toContain('正式任务第10项');
  });

  it('restores official units where the text is the task beyond doubt, whatever the number', () => {
    const rows = [row(1, official(4).task, '市教育局'), row(2, official(10).task, official(10).units)];
    const { writes } = fixAll(ledgerOf(rows));
    expect(writes).toEqual([[0, '责任单位', official(4).units]]);
  });

  it('does not take a text as an official task when two are about as near', () => {
    const find = officialTextIndex([
      { no: 1, task: '推进甲项目建设工作。', units: '市教育局' },
      { no: 2, task: '推进乙项目建设工作。', units: '市教育局' },
    ]);
    expect(find('推进甲项目建设工作。')?.official.no).toBe(1);
    expect(find('推进丙项目建设工作。')).toBeNull();
    expect(find('  推进甲项目 建设工作。 ')?.how).toBe('exact');
  });

  it('flags an official task entered twice and fills an empty text only when the units say which', () => {
    const rows = officialRows();
    rows[20][col('task')] = '';
    rows.push(row(41, official(3).task, official(3).units));
    const { findings, writes } = fixAll(ledgerOf(rows));
    expect(findings.find((f) => f.rule === 'task.repeated')?.message.zh).toContain('与第4行是同一项正式任务');
    expect(writes).toEqual([[20, '工作任务', official(21).task]]);
    rows[20][col('units')] = '市财政局';
    expect(fixAll(ledgerOf(rows)).writes).toEqual([]);
  });

  it('does not call every row a repeat in a sheet that lists the tasks once a month', () => {
    const monthly = [1, 2, 3].flatMap((month) =>
      [1, 2, 3, 4].map((no) => row((month - 1) * 4 + no, official(no).task, official(no).units)),
    );
    const findings = validateLedger(ledgerOf(monthly), { asOf });
    expect(findings.filter((f) => f.rule === 'task.repeated')).toEqual([]);
  });

  it('cites Excel row numbers when the table sits below a title', () => {
    const rows = officialRows();
    rows[3][col('no')] = '';
    rows.splice(
      6,
      0,
      HEADER.map(() => ''),
    );
    const findings = validateLedger(ledgerOf(rows), { asOf, place: { headerRow: 2, firstColumn: 0 } });
    expect(findings.find((f) => f.rule === 'no.missing')?.message.zh).toBe('第7行：序号为空');
    expect(findings.find((f) => f.rule === 'row.blank')?.message.zh).toBe('第10行为空行');
  });

  it('every text in a whole-plan ledger keeps its own text or the official one of the task it is', () => {
    const rows = officialRows();
    rows[0][col('task')] = official(1).task.replace('东三省', '东北三省');
    rows[1][col('task')] = '完全不同的本单位任务';
    rows[2][col('no')] = 9;
    rows[8][col('no')] = 3;
    expectTextsKept(ledgerOf(rows));
  });
});
