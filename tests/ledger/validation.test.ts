import {
  countBySeverity,
  dayOf,
  fixesFor,
  makeLedger,
  OFFICIAL_TASKS,
  RULES,
  serialFromDay,
  validateLedger,
  withCells,
  type CellValue,
  type Finding,
  type RuleId,
} from '../../src/ledger';
import { col, HEADER, ledgerWith, officialRows, set } from './fixtures';
import { asOf } from '../asOf';

const validate = (ledger = ledgerWith(), extra = {}) => validateLedger(ledger, { asOf, ...extra });
const rules = (findings: Finding[]) => findings.map((f) => f.rule);
const only = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.rule === rule);

describe('validateLedger', () => {
  it('finds nothing wrong in the official ledger with statuses set', () => {
    expect(validate()).toEqual([]);
  });

  it('gives every finding a severity, a cell and both languages', () => {
    const findings = validate(ledgerWith((r) => set(r, 3, 'status', '完成')));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'status.unknown',
      severity: 'error',
      row: 2,
      column: col('status'),
      columnKey: 'status',
      taskNo: 3,
      fix: { row: 2, column: col('status'), value: '已完成' },
    });
    expect(findings[0].message.zh).toContain('第3项');
    expect(findings[0].message.en).toContain('Task 3');
  });

  describe('headers', () => {
    it('reports a missing required column', () => {
      const header = HEADER.filter((_, i) => i !== col('status'));
      const rows = officialRows().map((r) => r.filter((_, i) => i !== col('status')));
      const f = only(validate(makeLedger({ header, rows })), 'header.missing');
      expect(f).toHaveLength(1);
      expect(f[0].message.zh).toContain('状态');
      expect(f[0].row).toBe(-1);
    });

    it.each(['状 态', '状态 ', '状态　'])('reads the near miss %p as 状态 and offers the fix', (text) => {
      const header = [...HEADER];
      header[col('status')] = text;
      const findings = validate(makeLedger({ header, rows: officialRows() }));
      expect(rules(findings)).toEqual(['header.variant']);
      expect(findings[0].fix).toEqual({ row: -1, column: col('status'), value: '状态' });
    });

    it('accepts English headers silently', () => {
      const header = [...HEADER];
      header[col('status')] = 'Status';
      expect(validate(makeLedger({ header, rows: officialRows() }))).toEqual([]);
    });

    it('reports a duplicated header', () => {
      const header = [...HEADER, '状态'];
      const rows = officialRows().map((r) => [...r, '']);
      expect(rules(validate(makeLedger({ header, rows })))).toEqual(['header.duplicate']);
    });
  });

  describe('序号', () => {
    it('reports a missing, a non-integer and a duplicated number', () => {
      const findings = validate(
        ledgerWith((r) => {
          set(r, 1, 'no', '');
          set(r, 2, 'no', '２');
          set(r, 3, 'no', 2.5);
          set(r, 4, 'no', 5);
        }),
      );
      // Each row's text says which official task it is, so the number to restore is known.
      const missing = only(findings, 'no.missing');
      expect(missing.map((f) => [f.row, f.fix?.value])).toEqual([[0, 1]]);
      const notInt = only(findings, 'no.notInteger');
      expect(notInt.map((f) => [f.row, f.fix?.value])).toEqual([
        [1, 2],
        [2, 3],
      ]);
      // Task 4's text under 序号 5: the number is what is wrong, not task 5's row below.
      expect(only(findings, 'no.official').map((f) => [f.row, f.fix?.value])).toEqual([[3, 4]]);
      expect(only(findings, 'no.duplicate')).toEqual([]);
      expect(only(findings, 'official.missingTask')).toEqual([]);
    });

    it('reports official tasks missing from the sheet', () => {
      const findings = validate(makeLedger({ header: HEADER, rows: officialRows().slice(0, 38) }));
      expect(only(findings, 'official.missingTask').map((f) => f.taskNo)).toEqual([39, 40]);
      expect(findings[0].row).toBeNull();
    });
  });

  describe('official wording', () => {
    it('shows where the task text differs and restores it', () => {
      const changed = OFFICIAL_TASKS[9].task.replace('名师培养工程', '名师工程');
      const [f] = validate(ledgerWith((r) => set(r, 10, 'task', changed)));
      expect(f.rule).toBe('task.changed');
      expect(f.message.zh).toContain('名师培养工程');
      expect(f.message.zh).toContain('名师工程');
      expect(f.fix?.value).toBe(OFFICIAL_TASKS[9].task);
    });

    it('reports changed units and restores them', () => {
      const [f] = validate(ledgerWith((r) => set(r, 1, 'units', '市教育局、市财政局')));
      expect(f.rule).toBe('units.changed');
      expect(f.fix?.value).toBe(OFFICIAL_TASKS[0].units);
    });

    it('keeps the task of a row with a clause added or cut: a wording finding, restore offered apart from 全部修复 (issue 21, item 5)', () => {
      const added = OFFICIAL_TASKS[7].task.replace(/。$/u, '，并建立联席会议制度。');
      const cut = '推进习近平新时代中国特色社会主义思想进课堂、进头脑。';
      const ledger = ledgerWith((r) => {
        set(r, 8, 'task', added);
        set(r, 8, 'units', '市教育局、四平职业大学');
        set(r, 12, 'task', cut);
      });
      const findings = validate(ledger);
      // Before: 台账中没有第8项任务, while the row is right there, and its units went unchecked.
      expect(only(findings, 'official.missingTask')).toEqual([]);
      const wording = only(findings, 'task.changed');
      expect(wording.map((f) => [f.taskNo, f.row, f.column, f.message.zh])).toEqual([
        [
          8,
          7,
          col('task'),
          `第8项：表述与正式任务第8项不同（多出“并建立联席会议制度”）；正式文本为“${OFFICIAL_TASKS[7].task}”`,
        ],
        [
          12,
          11,
          col('task'),
          `第12项：表述与正式任务第12项不同（少了“培育10门思政示范课和2个“三全育人”典型学校”）；正式文本为“${OFFICIAL_TASKS[11].task}”`,
        ],
      ]);
      // The restore is offered on its own button, never ticked in 全部修复.
      expect(wording.map((f) => [f.fix, f.offer?.fixes])).toEqual([
        [undefined, [{ row: 7, column: col('task'), value: OFFICIAL_TASKS[7].task }]],
        [undefined, [{ row: 11, column: col('task'), value: OFFICIAL_TASKS[11].task }]],
      ]);
      expect(wording[0].offer?.label.zh).toBe('恢复正式文本');
      expect(fixesFor(ledger, findings).map((f) => f.column)).toEqual([col('units')]);
      // The row keeps its task for the other checks: its units are compared with task 8's.
      expect(only(findings, 'units.changed').map((f) => f.taskNo)).toEqual([8]);
      // Another plan's row that shares one short clause with a task is not that task.
      const other = validate(ledgerWith((r) => set(r, 1, 'task', '深化产教融合')));
      expect(only(other, 'official.missingTask').map((f) => f.taskNo)).toEqual([1]);
    });

    it('names whole units in a units difference, never a cut at a shared prefix (issue 21, item 6)', () => {
      // Before: 正式为“育局、市财政局…” and 正式为“人民政府”, cut where the two texts first differed.
      const findings = validate(
        ledgerWith((r) => {
          set(r, 1, 'units', '市教育局、市发改委、市财政厅、四平职业大学');
          set(r, 3, 'units', '市教育局、市人社局、市财政局，各县（市）区人民政府');
          set(r, 5, 'units', '市教育局、市发改委、市自然资源局、市财政局、市交通局，铁西区人民政府');
          set(r, 6, 'units', '四平职业大学、市教育局、吉林省四平卫生学校');
        }),
      );
      const messages = only(findings, 'units.changed').map((f) => [f.taskNo, f.message.zh, f.message.en]);
      expect(messages).toEqual([
        [
          1,
          `第1项：责任单位与正式任务第1项不同：缺少“市财政局”；多出“市财政厅”（正式为“${OFFICIAL_TASKS[0].units}”）`,
          `Task 1: units differ from official task 1: missing 市财政局; also 市财政厅 (official: ${OFFICIAL_TASKS[0].units})`,
        ],
        [
          3,
          `第3项：责任单位与正式任务第3项不同：缺少“各县（市）人民政府”；多出“各县（市）区人民政府”（正式为“${OFFICIAL_TASKS[2].units}”）`,
          expect.stringContaining('missing 各县（市）人民政府; also 各县（市）区人民政府'),
        ],
        [
          5,
          expect.stringContaining('：“铁西区人民政府”正式写作“铁西区政府”（正式为'),
          expect.stringContaining('铁西区人民政府 is written 铁西区政府'),
        ],
        [6, expect.stringContaining('：单位相同，顺序或分组不同（正式为'), expect.any(String)],
      ]);
    });

    it('treats a punctuation-only difference as a format note', () => {
      const [f] = validate(
        ledgerWith((r) => set(r, 3, 'units', ' 市教育局、市人社局、市财政局,各县(市)人民政府')),
      );
      expect(f.rule).toBe('units.format');
      expect(f.severity).toBe('info');
      expect(f.fix?.value).toBe(OFFICIAL_TASKS[2].units);
    });

    it('can be turned off, and is off for a ledger of another plan', () => {
      const edited = ledgerWith((r) => set(r, 1, 'task', '别的任务'));
      expect(rules(validate(edited, { official: null }))).toEqual([]);
      const other = makeLedger({
        header: HEADER,
        rows: [[1, '自定的任务', '市教育局', '序时推进', '', '', '', '', '', '', '']],
      });
      expect(validate(other)).toEqual([]);
    });
  });

  describe('责任单位', () => {
    it('reports empty units (fix: the official text) and unknown ones with suggestions', () => {
      const findings = validate(
        ledgerWith((r) => {
          set(r, 1, 'units', '');
          set(r, 2, 'units', '市教育厅、某协会');
        }),
      );
      expect(only(findings, 'units.empty')[0].fix?.value).toBe(OFFICIAL_TASKS[0].units);
      const unknown = only(findings, 'units.unknown');
      expect(unknown).toHaveLength(2);
      expect(unknown[0].message.zh).toContain('市教育局');
      expect(new Set(unknown.map((f) => f.id)).size).toBe(2);
    });

    it('normalizes punctuation outside the official plan', () => {
      const other = makeLedger({
        header: HEADER,
        rows: [
          [1, '自定的任务', '市教育局 、市财政局,,各县(市)人民政府', '序时推进', '', '', '', '', '', '', ''],
        ],
      });
      const [f] = validate(other);
      expect(f.rule).toBe('units.format');
      expect(f.fix?.value).toBe('市教育局、市财政局，各县（市）人民政府');
    });
  });

  describe('状态', () => {
    it('reports empty, variant and unknown statuses', () => {
      const findings = validate(
        ledgerWith((r) => {
          set(r, 1, 'status', '');
          set(r, 2, 'status', '已 完成');
          set(r, 2, 'evidence', '四教发〔2026〕1号');
          set(r, 3, 'status', '进行中');
          set(r, 4, 'status', '随便');
        }),
      );
      expect(rules(findings)).toEqual(['status.empty', 'status.variant', 'status.unknown', 'status.unknown']);
      expect(findings[1].fix?.value).toBe('已完成');
      expect(findings[2].fix?.value).toBe('序时推进');
      expect(findings[3].fix).toBeUndefined();
    });

    it('uses the workbook status list', () => {
      expect(rules(validate(ledgerWith(), { statuses: ['进行', '结束'] }))).toHaveLength(40);
    });
  });

  describe('进度', () => {
    it('reads numbers, percent formats and text, and says what it read', () => {
      const formats = officialRows().map((r) => r.map(() => 'General'));
      formats[1][col('progress')] = '0%';
      formats[3][col('progress')] = '0%';
      const findings = validate(
        ledgerWith((r) => {
          set(r, 1, 'progress', 50);
          set(r, 2, 'progress', 0.5);
          set(r, 3, 'progress', '50%');
          set(r, 4, 'progress', '50%');
          set(r, 5, 'progress', 150);
          set(r, 6, 'progress', '大半');
        }, formats),
      );
      const text = only(findings, 'progress.text');
      expect(text.map((f) => [f.taskNo, f.fix?.value])).toEqual([
        [3, 50],
        [4, 0.5],
      ]);
      expect(text[0].message.zh).toContain('50%');
      expect(only(findings, 'progress.invalid').map((f) => f.taskNo)).toEqual([5, 6]);
    });

    it('checks progress against 已完成', () => {
      const findings = validate(
        ledgerWith((r) => {
          set(r, 1, 'status', '已完成');
          set(r, 1, 'progress', 80);
          set(r, 1, 'evidence', '验收报告');
          set(r, 2, 'progress', 100);
          set(r, 3, 'status', '已完成');
          set(r, 3, 'progress', 100);
          set(r, 3, 'evidence', '验收报告');
        }),
      );
      expect(rules(findings)).toEqual(['progress.doneBelow100', 'progress.fullNotDone']);
    });
  });

  describe('完成时限', () => {
    it('reports unparseable deadlines and overdue tasks', () => {
      const findings = validate(
        ledgerWith((r) => {
          set(r, 1, 'deadline', '尽快');
          set(r, 2, 'deadline', '2026年6月底前');
          set(r, 3, 'deadline', '2026年6月底前');
          set(r, 3, 'status', '已完成');
          set(r, 4, 'deadline', 60);
          set(r, 5, 'deadline', serialFromDay(dayOf(2026, 1, 31) as number));
          set(r, 6, 'deadline', '长期');
        }),
      );
      expect(only(findings, 'deadline.invalid').map((f) => f.taskNo)).toEqual([1, 4]);
      expect(only(findings, 'deadline.invalid')[1].message.zh).toContain('1900');
      // The ledger has a 申请延期至 column: an overdue task nobody asked to extend is said there.
      expect(only(findings, 'extension.notRequested').map((f) => f.taskNo)).toEqual([2, 5]);
      expect(only(findings, 'extension.notRequested')[0].message.zh).toContain('2026年6月30日');
      expect(only(findings, 'extension.notRequested')[0].columnKey).toBe('extendTo');
    });

    it('reads quarters and a month without a year, and keeps the clear message for the rest (issue 21, item 10)', () => {
      // Read on 2026-11-28: 11月底 is two days off, 10月底 next October, Q3 2026 is past.
      const findings = validate(
        ledgerWith((r) => {
          set(r, 1, 'deadline', '2026年第三季度');
          set(r, 2, 'deadline', '2026年四季度末');
          set(r, 3, 'deadline', 'Q3 2026');
          set(r, 4, 'deadline', '11月底');
          set(r, 5, 'deadline', '10月底前');
          set(r, 6, 'deadline', '下个季度');
        }),
      );
      expect(only(findings, 'deadline.invalid').map((f) => [f.taskNo, f.message.zh])).toEqual([
        [6, '第6项：完成时限“下个季度”无法识别，可写作“2026年12月底前”“2026-12-31”或“长期”'],
      ]);
      expect(only(findings, 'extension.notRequested').map((f) => [f.taskNo, f.message.zh])).toEqual([
        [
          1,
          '第1项：已超过完成时限（2026年9月30日），尚未完成，也未申请延期：请在“申请延期至”中填写新的时限并说明延期理由',
        ],
        [
          3,
          '第3项：已超过完成时限（2026年9月30日），尚未完成，也未申请延期：请在“申请延期至”中填写新的时限并说明延期理由',
        ],
      ]);
    });
  });

  describe('存在问题 and 更新日期', () => {
    it('asks for a problem note on 滞后 tasks', () => {
      const findings = validate(
        ledgerWith((r) => {
          set(r, 1, 'status', '滞后');
          set(r, 2, 'status', '滞后');
          set(r, 2, 'problems', '资金未到位');
        }),
      );
      expect(only(findings, 'problems.missing').map((f) => f.taskNo)).toEqual([1]);
    });

    it('flags stale and unreadable update dates, with a configurable age', () => {
      const ledger = ledgerWith((r) => {
        set(r, 1, 'updated', serialFromDay(asOf - 45));
        set(r, 2, 'updated', serialFromDay(asOf - 10));
        set(r, 3, 'updated', '2026-10-01');
        set(r, 4, 'updated', '上周');
      });
      expect(only(validate(ledger), 'updated.stale').map((f) => f.taskNo)).toEqual([1, 3]);
      expect(only(validate(ledger), 'updated.invalid').map((f) => f.taskNo)).toEqual([4]);
      expect(only(validate(ledger, { staleDays: 5 }), 'updated.stale').map((f) => f.taskNo)).toEqual([
        1, 2, 3,
      ]);
    });
  });

  it('works out a value once per ledger, and each finding still names its own task and value', () => {
    // Findings about equal values share their text; a cache keyed too coarsely would repeat the first.
    const findings = validate(
      ledgerWith((r) => {
        for (const no of [1, 2, 3]) set(r, no, 'updated', serialFromDay(asOf - 45));
        set(r, 4, 'updated', serialFromDay(asOf - 60));
        for (const no of [1, 2]) set(r, no, 'status', '随便');
        set(r, 3, 'status', '已 完成');
        set(r, 4, 'status', '已完成');
        set(r, 4, 'progress', 80);
        set(r, 5, 'status', '已完成');
        set(r, 5, 'progress', 60);
        for (const no of [3, 4, 5]) set(r, no, 'evidence', '验收报告');
        for (const no of [6, 7]) set(r, no, 'deadline', '2026年6月底前');
        set(r, 8, 'deadline', '2026年9月底前');
        for (const no of [9, 10]) set(r, no, 'deadline', '尽快');
        set(r, 11, 'deadline', '择机');
        for (const no of [12, 13]) set(r, no, 'progress', '大半');
        set(r, 14, 'progress', 150);
      }),
    );
    expect(findings.map((f) => f.message.zh)).toEqual([
      '第1项：状态“随便”不在列表（未启动、序时推进、滞后、已完成）中',
      '第1项：已有45天未更新（上次2026年10月14日）',
      '第2项：状态“随便”不在列表（未启动、序时推进、滞后、已完成）中',
      '第2项：已有45天未更新（上次2026年10月14日）',
      '第3项：状态“已 完成”应写作“已完成”',
      '第3项：已有45天未更新（上次2026年10月14日）',
      '第4项：状态为“已完成”，但进度为80%',
      '第4项：已有60天未更新（上次2026年9月29日）',
      '第5项：状态为“已完成”，但进度为60%',
      '第6项：已超过完成时限（2026年6月30日），尚未完成，也未申请延期：请在“申请延期至”中填写新的时限并说明延期理由',
      '第7项：已超过完成时限（2026年6月30日），尚未完成，也未申请延期：请在“申请延期至”中填写新的时限并说明延期理由',
      '第8项：已超过完成时限（2026年9月30日），尚未完成，也未申请延期：请在“申请延期至”中填写新的时限并说明延期理由',
      '第9项：完成时限“尽快”无法识别，可写作“2026年12月底前”“2026-12-31”或“长期”',
      '第10项：完成时限“尽快”无法识别，可写作“2026年12月底前”“2026-12-31”或“长期”',
      '第11项：完成时限“择机”无法识别，可写作“2026年12月底前”“2026-12-31”或“长期”',
      '第12项：进度“大半”不是数字',
      '第13项：进度“大半”不是数字',
      '第14项：进度“150”超出0–100',
    ]);
    expect(findings[3].message.en).toBe('Task 2: not updated for 45 days (last 2026-10-14)');
    expect(findings[4].fix?.value).toBe('已完成');
  });

  it('reports Excel error values in any cell, extra columns included', () => {
    const header = [...HEADER, '备注'];
    const rows = officialRows().map((r) => [...r, '']);
    rows[0][col('progress')] = '#DIV/0!';
    rows[1][HEADER.length] = '#N/A';
    const findings = only(validate(makeLedger({ header, rows })), 'cell.error');
    expect(findings.map((f) => [f.taskNo, f.column, f.columnKey])).toEqual([
      [1, col('progress'), 'progress'],
      [2, HEADER.length, null],
    ]);
  });

  it('notes blank rows inside the table and skips them otherwise', () => {
    const rows = officialRows();
    rows.splice(
      5,
      0,
      HEADER.map(() => ''),
    );
    expect(rules(validate(makeLedger({ header: HEADER, rows })))).toEqual(['row.blank']);
  });

  it('applies every safe fix so that its finding goes away', () => {
    const ledger = ledgerWith((r) => {
      set(r, 2, 'no', '２');
      set(r, 3, 'status', '完成');
      set(r, 4, 'units', '市教育局,市发改委,市财政局,四平职业大学 ');
      set(r, 10, 'task', OFFICIAL_TASKS[9].task.replace('名师培养工程', '名师工程'));
    });
    const before = validate(ledger);
    const fixes = before.filter((f) => f.fix).map((f) => f.fix as NonNullable<Finding['fix']>);
    expect(fixes.length).toBeGreaterThanOrEqual(4);
    const after = validate(withCells(ledger, fixes));
    for (const f of before.filter((x) => x.fix)) expect(after.map((x) => x.id)).not.toContain(f.id);
  });

  it('counts by severity and knows every rule', () => {
    const findings = validate(ledgerWith((r) => set(r, 1, 'status', '')));
    expect(countBySeverity(findings)).toEqual({ error: 0, warning: 1, info: 0 });
    for (const f of findings) expect(RULES[f.rule]).toBeDefined();
  });

  it.each<[string, CellValue]>([
    ['a boolean', true],
    ['a huge text', 'x'.repeat(100_000)],
    ['emoji', '🚧✅'],
    ['an error string', '#REF!'],
    ['a negative number', -3],
  ])('never throws on %s in every column', (_label, value) => {
    const rows = officialRows().map((r) => r.map(() => value));
    expect(() => validate(makeLedger({ header: HEADER, rows }))).not.toThrow();
  });
});
