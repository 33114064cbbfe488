import {
  changeText,
  dayOf,
  leaderMail,
  overviewSheet,
  readSnapshotTable,
  replacementRows,
  reportHistory,
  SNAPSHOT_HEADERS,
  snapshotOf,
  snapshotRows,
  summarize,
  unitMail,
  unitSheet,
  type CellValue,
  type Day,
  type Ledger,
  type SnapshotTable,
  compareReports,
  type Snapshot,
} from '../../src/ledger';
import { ledgerWith, set } from './fixtures';

const SEP_30 = dayOf(2026, 9, 30) as Day;
const OCT_31 = dayOf(2026, 10, 31) as Day;
const NOV_30 = dayOf(2026, 11, 30) as Day;

/** Three monthly ledgers with edits between them. */
function ledgers(): Record<'sep' | 'oct' | 'nov', Ledger> {
  const base = (rows: CellValue[][]) => {
    for (let no = 1; no <= 40; no++) set(rows, no, 'deadline', '2026-12-31');
    // 85 is on schedule (green) for a year-end deadline through November.
    for (let no = 1; no <= 40; no++) set(rows, no, 'progress', 85);
  };
  return {
    sep: ledgerWith(base),
    oct: ledgerWith((rows) => {
      base(rows);
      set(rows, 3, 'status', '已完成');
      set(rows, 3, 'progress', 100);
      set(rows, 9, 'status', '滞后'); // newly behind
      set(rows, 10, 'progress', 95); // a gain of 10
    }),
    nov: ledgerWith((rows) => {
      base(rows);
      set(rows, 3, 'status', '已完成');
      set(rows, 3, 'progress', 100);
      set(rows, 9, 'status', '滞后');
      set(rows, 10, 'progress', 95);
      set(rows, 24, 'status', '已完成'); // 市总工会's only task
      set(rows, 24, 'progress', 100);
      set(rows, 12, 'progress', 30); // 85 → 30: lit red at the end of November
      set(rows, 16, 'status', '未启动'); // another status change
    }),
  };
}

function tableOf(...models: ReturnType<typeof summarize>[]): SnapshotTable {
  return readSnapshotTable({ header: SNAPSHOT_HEADERS, rows: models.flatMap((m) => snapshotRows(m)) });
}

describe('snapshots', () => {
  const l = ledgers();
  const sep = summarize(l.sep, { asOf: SEP_30 });
  const oct = summarize(l.oct, { asOf: OCT_31 });
  const nov = summarize(l.nov, { asOf: NOV_30 });

  it('reads back what it writes: every task and indicator of the report', () => {
    const table = tableOf(sep);
    expect(table.snapshots).toHaveLength(1);
    expect(table.snapshots[0]).toEqual(snapshotOf(sep));
    expect(table.rowsByDate.get(SEP_30)).toHaveLength(40);
    expect(snapshotRows(sep)[0]).toEqual([
      46295,
      1,
      '',
      '序时推进',
      85,
      '2026-12-31',
      '绿灯',
      '',
      'TaskLedger',
    ]);
  });

  it('lists each task that changed once, with every label and every change on one line', () => {
    const history = reportHistory(nov, tableOf(sep, oct));
    const brief = history.changes.lines.map((l) => `${l.no}:${l.kinds.join('+')}:${changeText(l)}`);
    expect(history.changes.previous).toBe(OCT_31);
    expect(brief).toEqual([
      '24:newlyDone+gain:状态 序时推进 → 已完成，进度 85% → 100%',
      // Its status stays 序时推进: not 滞后 (the status column's word), but a new 预警.
      '12:newlyWarned:预警 绿灯 → 红灯，进度 85% → 30%',
      '16:otherStatus:状态 序时推进 → 未启动',
    ]);
    expect(history.changes.sentence).toBe(
      '与上期（2026年10月31日）相比，本期新完成1项，新增滞后0项，新增预警1项，状态变化1项。',
    );
    expect(history.changes.units.find((u) => u.name === '市总工会')).toEqual({
      name: '市总工会',
      before: 0,
      now: 1,
    });
    // Compared with September instead: task 3 and task 9 moved too, and 10 gained alone.
    const fromSep = reportHistory(nov, tableOf(sep, oct), { compareWith: SEP_30 });
    expect(fromSep.changes.lines.map((l) => [l.no, l.kinds.join('+')])).toEqual([
      [3, 'newlyDone+gain'],
      [24, 'newlyDone+gain'],
      // A status moved to 滞后 is 新增滞后, not another status change; it lights the task yellow too.
      [9, 'newlyBehind+newlyWarned'],
      [12, 'newlyWarned'],
      [16, 'otherStatus'],
      [10, 'gain'],
    ]);
    expect(fromSep.changes.counts).toEqual({
      newlyDone: 2,
      newlyBehind: 1,
      newlyWarned: 2,
      newlyRed: 0,
      otherLight: 0,
      otherStatus: 1,
      gain: 3,
    });
  });

  // Stranger's defect 5: a light that moved otherwise (红灯 → 逾期, 红灯 → 黄灯 after an approved
  // extension) had its part on no line, so the task was left out of 本期变化.
  it('lists a task whose light moved in any other way, labelled 预警变化', () => {
    const current = snapshotOf(nov);
    const moved = [...current.tasks.values()].filter((t) => !t.done).slice(0, 2);
    const previous: Snapshot = {
      date: OCT_31,
      indicators: current.indicators,
      tasks: new Map(
        [...current.tasks].map(([no, t]) => {
          if (no === moved[0].no) return [no, { ...t, light: 'yellow', overdue: false }];
          if (no === moved[1].no)
            return [no, { ...t, light: t.light === 'red' ? 'yellow' : 'red', overdue: false }];
          return [no, t];
        }),
      ),
    };
    const changes = compareReports(nov, current, previous);
    const lines = changes.lines.filter((l) => moved.some((m) => m.no === l.no));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.parts.some((p) => p.field === '预警')).toBe(true);
    expect(changes.counts.newlyWarned + changes.counts.newlyRed + changes.counts.otherLight).toBe(
      lines.length,
    );
  });

  it('says in its sentence what a reader counts in its table, label by label', () => {
    const history = reportHistory(nov, tableOf(sep, oct), { compareWith: SEP_30 });
    const rows = overviewSheet(nov, { history }).rows;
    const head = rows.findIndex((r) => r.cells[0]?.value === '工作任务');
    const table = rows.slice(head + 1).filter((r) => /^第\d+项/.test(String(r.cells[0]?.value ?? '')));
    const sentence = String(
      rows.find((r) => String(r.cells[0]?.value).startsWith('本期变化'))?.cells[0].value,
    );
    const tasks = table.map((r) => String(r.cells[0].value).split(' ')[0]);
    expect(new Set(tasks).size).toBe(tasks.length);
    for (const label of ['新完成', '新增滞后', '新转红灯', '状态变化']) {
      const said = new RegExp(`${label}(\\d+)项`).exec(sentence);
      const shown = table.filter((r) =>
        String(r.cells[1].value)
          .match(/^【([^】]*)】/)?.[1]
          .split('、')
          .includes(label),
      );
      expect([label, Number(said?.[1] ?? 0)]).toEqual([label, shown.length]);
    }
  });

  it('says a first report has nothing to compare with', () => {
    const history = reportHistory(sep, null);
    expect(history.changes).toMatchObject({
      previous: null,
      lines: [],
      sentence: '本期为首次报告，暂无上期报告可比。',
    });
    expect(history.trend).toHaveLength(1);
    const rows = overviewSheet(sep, { history }).rows.map((r) => r.cells[0]?.value);
    expect(rows).toContain('本期变化：本期为首次报告，暂无上期报告可比。');
    expect(overviewSheet(sep, { history }).charts.map((c) => c.type)).not.toContain('Line');
  });

  it('keeps the trend of the completion rate over report dates, this report in place of its date', () => {
    // November kept once already, with different numbers: this report replaces it.
    const history = reportHistory(nov, tableOf(sep, oct, summarize(l.sep, { asOf: NOV_30 })));
    expect(history.trend.map((p) => [p.date, p.done, p.total])).toEqual([
      [SEP_30, 0, 40],
      [OCT_31, 1, 40],
      [NOV_30, 2, 40],
    ]);
    // An earlier date regenerated sees only the reports before it.
    expect(reportHistory(oct, tableOf(sep, oct, nov)).trend.map((p) => p.date)).toEqual([SEP_30, OCT_31]);
  });

  it('puts 本期变化 at the top of the overview and the trend with a line chart below', () => {
    const history = reportHistory(nov, tableOf(sep, oct));
    const sheet = overviewSheet(nov, { history });
    const values = sheet.rows.map((r) => r.cells.map((c) => c.value));
    expect(values[3][0]).toBe(
      '本期变化：与上期（2026年10月31日）相比，本期新完成1项，新增滞后0项，新增预警1项，状态变化1项。',
    );
    // The task list runs over pages: it comes last, on a page of its own, its header repeated.
    const header = sheet.headerRows[0];
    expect(values[header]).toEqual(['工作任务', '变化（类别：变化情况）']);
    const lastBreak = Math.max(...sheet.pageBreaks);
    expect(values[lastBreak][0]).toBe('本期变化（与上期相比）');
    expect(lastBreak).toBeLessThan(header);
    expect(values[header + 1].slice(1)).toEqual([
      '【新完成、进度提升】状态 序时推进 → 已完成，进度 85% → 100%',
    ]);
    expect(String(values[header + 1][0])).toMatch(/^第24项 推进建设职工技能提升平台/);
    expect(values.length).toBe(header + 1 + history.changes.lines.length);
    expect(values).toContainEqual(['市总工会', 0, 1, '+100.0']);
    const line = sheet.charts.find((c) => c.type === 'Line');
    if (!line) throw new Error('no trend chart');
    expect(values[line.data.row]).toEqual(['报告日期', '完成率', '已完成', '任务数']);
    expect(values[line.data.row + 3]).toEqual(['2026-11-30', 0.05, 2, 40]);
    expect(line.data.rowCount).toBe(4);
    // The status chart still reads the status table, below the new block.
    const status = sheet.charts[0];
    expect(values[status.data.row]).toEqual(['状态', '任务数', '占比']);
    // The unit bar chart starts below the trend chart.
    const bar = sheet.charts.find((c) => c.type === 'BarStacked');
    expect(bar && bar.anchor.row >= line.anchor.row + 12).toBe(true);
  });

  it('gives each unit sheet its own trend and each mail its sentence', () => {
    const history = reportHistory(nov, tableOf(sep, oct));
    const sheet = unitSheet(nov, '市总工会', { history });
    const values = sheet.rows.map((r) => r.cells.map((c) => c.value));
    const header = values.findIndex((r) => r[1] === '报告日期');
    expect(values.slice(header + 1, header + 4).map((r) => r.slice(1))).toEqual([
      ['2026-09-30', 0, 0, 1],
      ['2026-10-31', 0, 0, 1],
      ['2026-11-30', 1, 1, 1],
    ]);
    expect(sheet.charts).toHaveLength(1);
    expect(leaderMail(nov, 'x.xlsx', { history }).text).toContain('本期新完成1项，新增滞后0项，新增预警1项');
    expect(unitMail(nov, '市总工会', 'x.xlsx', { history }).text).toContain(
      '与上期（2026年10月31日）相比，贵单位任务完成率由0.0%变为100.0%。',
    );
    // A share that did not move is said to stay, not to move from itself to itself.
    expect(unitMail(nov, '市发改委', 'x.xlsx', { history }).text).toContain(
      '与上期（2026年10月31日）相比，贵单位任务完成率仍为0.0%。',
    );
  });

  it('replaces a date’s rows, carrying a user’s words, and keeping a row whose task is gone', () => {
    const header = [...SNAPSHOT_HEADERS, '备注'];
    const existing = [...snapshotRows(sep), ...snapshotRows(oct)].map((r) => [...r, '']);
    existing[40 + 4][9] = '已电话核实'; // October, task 5
    existing[40 + 6][9] = ''; // October, task 7: nothing typed
    const gone = [...existing[40 + 7]];
    gone[1] = 99; // a task no longer in the ledger, with a note
    gone[9] = '已撤销的任务';
    existing.push(gone);
    const table = readSnapshotTable({ header, rows: existing });
    const { placed, remove } = replacementRows(existing, table, snapshotRows(oct), OCT_31);
    expect(placed.find((r) => r[1] === 5 && r[2] === '')?.[9]).toBe('已电话核实');
    expect(placed.every((r) => r.length === 10)).toBe(true);
    // Every October row goes but the note of task 99; bottom up.
    expect(remove).toEqual(Array.from({ length: 40 }, (_, i) => 79 - i));
    expect(remove).not.toContain(80);
  });

  it('reads, compares and replaces only its own plan’s rows; a blank 方案 is the first plan’s', () => {
    const old = snapshotRows(sep).map((r) => [...r.slice(0, 8), '']);
    const other = snapshotRows(oct, '1900', '台账_稳经济');
    const existing = [...old, ...other, ...snapshotRows(oct)];
    const first = readSnapshotTable({ header: SNAPSHOT_HEADERS, rows: existing });
    expect(first.snapshots.map((s) => s.date)).toEqual([SEP_30, OCT_31]);
    expect(first.otherPlans).toBe(other.length);
    const b = readSnapshotTable({ header: SNAPSHOT_HEADERS, rows: existing, plan: '台账_稳经济' });
    expect(b.snapshots.map((s) => s.date)).toEqual([OCT_31]);
    // Table names compare case-insensitively, as Excel's do.
    expect(
      readSnapshotTable({ header: SNAPSHOT_HEADERS, rows: existing, plan: 'taskledger' }).otherPlans,
    ).toBe(other.length);
    // The same date regenerated on plan B removes B's rows only.
    const { remove } = replacementRows(existing, b, other, OCT_31);
    expect(remove).toEqual(other.map((_, i) => old.length + other.length - 1 - i));
    // Without the column every row is the first plan's.
    const bare = readSnapshotTable({
      header: SNAPSHOT_HEADERS.slice(0, 8),
      rows: existing,
      plan: '台账_稳经济',
    });
    expect(bare.snapshots).toEqual([]);
  });

  it('reads a table the user changed: columns moved, one added, rows deleted or blank', () => {
    const rows = [...snapshotRows(sep), ...snapshotRows(oct)];
    const order = [7, 0, 3, 1, 2, 4, 5, 6];
    const header = ['我的备注', ...order.map((i) => SNAPSHOT_HEADERS[i])];
    const moved = rows
      .filter((_, i) => i !== 5 && i !== 50)
      .map((r, i) => [i === 0 ? '核对过' : '', ...order.map((c) => r[c])]);
    moved.splice(10, 0, ['', '', '', '', '', '', '', '', '']);
    const table = readSnapshotTable({ header, rows: moved });
    expect(table.snapshots.map((s) => [s.date, s.tasks.size])).toEqual([
      [SEP_30, 39],
      [OCT_31, 39],
    ]);
    expect(table.unread).toBe(1);
    expect(table.columns.date).toBe(2);
    // A task the earlier report lacks is not counted as changed.
    const history = reportHistory(oct, table);
    expect(history.changes.lines.map((c) => c.no)).toEqual([3, 9, 10]);
  });
});
