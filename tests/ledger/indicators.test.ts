import {
  CELL_STYLES,
  completionFormula,
  dayOf,
  INDICATOR_HEADERS,
  indicatorSheetRows,
  leaderMail,
  ledgerTasks,
  OFFICIAL_TASKS,
  overviewSheet,
  proposeIndicators,
  readActual,
  readIndicatorTable,
  seedsForTasks,
  summarize,
  unitMail,
  unitSheet,
  validateLedger,
  type CellValue,
  type Day,
  type IndicatorTable,
} from '../../src/ledger';
import { ledgerWith, set } from './fixtures';

const SEEDS = seedsForTasks(OFFICIAL_TASKS.map((t) => ({ ...t, unitsText: t.units })));
const PLACE = { headerRow: 0, firstColumn: 0 };

/** The 指标 table as the add-in writes it, with some 完成值 filled in (by 序号 and name). */
function indicatorTable(
  actuals: Record<string, CellValue> = {},
  edit?: (rows: CellValue[][]) => void,
): IndicatorTable {
  const rows = indicatorSheetRows(SEEDS, PLACE).map((r) => {
    const key = `${String(r[0])}:${String(r[1])}:${String(r[4])}`;
    const plain = `${String(r[0])}:${String(r[1])}`;
    const copy = [...r];
    copy[5] = actuals[key] ?? actuals[plain] ?? '';
    return copy;
  });
  edit?.(rows);
  return readIndicatorTable({ header: INDICATOR_HEADERS, rows, sheetName: '指标', place: PLACE });
}

const JUNE_30 = dayOf(2026, 6, 30) as Day;

describe('the 指标 table', () => {
  it('writes 完成率 as a live formula on each row', () => {
    expect(completionFormula(PLACE, 0)).toBe('=IFERROR(F2/C2,"")');
    expect(completionFormula({ headerRow: 2, firstColumn: 1 }, 4)).toBe('=IFERROR(G8/D8,"")');
    expect(indicatorSheetRows(SEEDS, PLACE)[22][6]).toBe('=IFERROR(F24/C24,"")');
  });

  it('reads columns by header wherever the user moved them, and the values typed', () => {
    const header = ['完成值', '序号', '说明', '指标', '目标值', '我的备注'];
    const table = readIndicatorTable({
      header,
      rows: [
        [3, 14, '', '在线精品课', 10, 'x'],
        ['五', '12', '', '思政示范课', 10, ''],
        ['很多', 12, '', '典型学校', '两', ''],
        [-1, 99, '', '', 0, ''],
        ['', '', '', '', '', ''],
      ],
      sheetName: '指标',
    });
    expect(table.missing).toEqual([]);
    expect(table.indicators.map((i) => [i.no, i.name, i.target, i.actual])).toEqual([
      [14, '在线精品课', 10, { kind: 'ok', value: 3 }],
      // One rule for 完成值 (issue 21, item 9): 五 is refused, with the number it could mean.
      [12, '思政示范课', 10, { kind: 'invalid', reason: 'not-a-number', meant: 5 }],
      // 目标值 by the same rule (the sheet's 完成率 formula shows nothing for 两): no target read.
      [12, '典型学校', null, { kind: 'invalid', reason: 'not-a-number' }],
      [99, '', null, { kind: 'invalid', reason: 'negative' }],
    ]);
    expect(readIndicatorTable({ header: ['序号', '指标'], rows: [], sheetName: '指标' }).missing).toEqual([
      'target',
      'actual',
    ]);
  });
});

describe('完成值: one rule for typed and pasted values (issue 21, item 9)', () => {
  it.each<[CellValue, ReturnType<typeof readActual>]>([
    [3, { kind: 'ok', value: 3 }],
    [0, { kind: 'ok', value: 0 }],
    ['3', { kind: 'ok', value: 3 }],
    [' ２.５ ', { kind: 'ok', value: 2.5 }],
    ['', { kind: 'empty' }],
    [null, { kind: 'empty' }],
    [-1, { kind: 'invalid', reason: 'negative' }],
    ['-2', { kind: 'invalid', reason: 'negative' }],
    ['三', { kind: 'invalid', reason: 'not-a-number', meant: 3 }],
    ['3个', { kind: 'invalid', reason: 'not-a-number', meant: 3 }],
    ['十二所', { kind: 'invalid', reason: 'not-a-number', meant: 12 }],
    ['很多', { kind: 'invalid', reason: 'not-a-number' }],
    ['约3个', { kind: 'invalid', reason: 'not-a-number' }],
  ])('%p reads as %p', (value, reading) => {
    expect(readActual(value)).toEqual(reading);
  });

  it('names the number a refused 完成值 could mean, and a 完成率 typed over its formula', () => {
    const rows = indicatorSheetRows(SEEDS, PLACE);
    const formulas = rows.map((r) => r.map((v) => v ?? ''));
    const at = (no: number, name: string) => rows.findIndex((r) => r[0] === no && r[1] === name);
    rows[at(14, '在线精品课')][5] = '三';
    rows[at(14, '智慧课堂')][5] = '3个';
    // 完成率 overwritten with a number on one row, deleted on another; the formula stays elsewhere.
    const typed = at(12, '思政示范课');
    const cleared = at(1, '省内乃至东三省产教融合示范区');
    rows[typed][6] = 0.5;
    formulas[typed][6] = 0.5;
    rows[cleared][6] = '';
    formulas[cleared][6] = '';
    const table = readIndicatorTable({
      header: INDICATOR_HEADERS,
      rows,
      formulas,
      sheetName: '指标',
      place: PLACE,
    });
    const found = validateLedger(ledgerWith(), { asOf: JUNE_30, indicators: table }).filter((f) =>
      f.rule.startsWith('indicator'),
    );
    expect(found.map((f) => [f.rule, f.row, f.column, f.message.zh])).toEqual([
      [
        'indicator.rate',
        cleared,
        6,
        `指标表第${cleared + 2}行“省内乃至东三省产教融合示范区”：完成率的公式已被删除，不再随完成值更新；请恢复公式 =IFERROR(F${cleared + 2}/C${cleared + 2},"")`,
      ],
      [
        'indicator.rate',
        typed,
        6,
        `指标表第${typed + 2}行“思政示范课”：完成率已被改写为“0.5”，不再随完成值更新；请恢复公式 =IFERROR(F${typed + 2}/C${typed + 2},"")`,
      ],
      [
        'indicator.actual',
        at(14, '智慧课堂'),
        5,
        `指标表第${at(14, '智慧课堂') + 2}行“智慧课堂”：完成值“3个”不是数字；若指3，请改为3`,
      ],
      [
        'indicator.actual',
        at(14, '在线精品课'),
        5,
        `指标表第${at(14, '在线精品课') + 2}行“在线精品课”：完成值“三”不是数字；若指3，请改为3`,
      ],
    ]);
    // Not read as 3 anywhere: the task's light and the summary see no 完成值.
    const model = summarize(ledgerWith(), { asOf: JUNE_30, indicators: table });
    expect(model.indicators.lines.find((l) => l.no === 14 && l.name === '在线精品课')?.actual).toBeNull();
  });
});

describe('indicator checks', () => {
  const options = { asOf: JUNE_30 };
  const findingsFor = (table: IndicatorTable | null, edit?: Parameters<typeof ledgerWith>[0]) =>
    validateLedger(ledgerWith(edit), { ...options, indicators: table }).filter((f) =>
      f.rule.startsWith('indicator'),
    );

  it('says nothing of a table it was not given', () => {
    expect(validateLedger(ledgerWith(), options).filter((f) => f.rule.startsWith('indicator'))).toEqual([]);
  });

  it('offers to create the table when the text sets targets and the workbook has none', () => {
    const [finding] = findingsFor(null);
    expect(finding).toMatchObject({
      rule: 'indicators.missing',
      severity: 'info',
      action: 'createIndicators',
    });
    expect(finding.message.zh).toContain('23个量化指标');
  });

  it('names a 目标值 written in words, with the number it could mean; the task counts no share from it', () => {
    const table = indicatorTable({ '18:虚拟仿真实训室': 3 }, (rows) => {
      const row = rows.find((r) => r[0] === 18 && r[1] === '虚拟仿真实训室');
      if (row) row[2] = '五';
    });
    const target = table.indicators.find((i) => i.no === 18 && i.name === '虚拟仿真实训室');
    expect(target?.target).toBeNull();
    const [finding] = findingsFor(table).filter((f) => f.rule === 'indicator.target');
    expect(finding.message.zh).toContain('目标值“五”不是数字（表中的完成率因此为空）；若指5，请改为5');
  });

  it('finds a bad 完成值, one above target, a done task short of target and an orphan row', () => {
    const table = indicatorTable(
      { '14:在线精品课': 'abc', '14:智慧课堂': 12, '12:思政示范课': 4, '12:“三全育人”典型学校': -2 },
      (rows) => rows.push([77, '自加指标', 3, '个', '市教育局', 1, '', '', '']),
    );
    const found = findingsFor(table, (rows) => set(rows, 12, 'status', '已完成'));
    const brief = found.map((f) => [f.rule, f.severity, f.row, f.column, f.table]);
    const row = (no: number, name: string) =>
      table.indicators.find((i) => i.no === no && i.name === name)?.row;
    expect(brief).toEqual(
      expect.arrayContaining([
        ['indicator.actual', 'error', row(14, '在线精品课'), 5, 'indicators'],
        ['indicator.aboveTarget', 'info', row(14, '智慧课堂'), 5, 'indicators'],
        ['indicator.doneBelowTarget', 'warning', row(12, '思政示范课'), 5, 'indicators'],
        ['indicator.actual', 'error', row(12, '“三全育人”典型学校'), 5, 'indicators'],
        ['indicator.orphan', 'warning', 23, 0, 'indicators'],
      ]),
    );
    expect(found).toHaveLength(5);
    expect(found.find((f) => f.rule === 'indicator.doneBelowTarget')?.message.zh).toBe(
      '指标表第7行“思政示范课”：第12项已标记“已完成”，但完成值4门未达目标值10门',
    );
    // Ids are stable and distinct from the ledger's own cells.
    expect(new Set(found.map((f) => f.id)).size).toBe(5);
    expect(found.every((f) => f.id.startsWith('indicators:'))).toBe(true);
  });

  it('warns of a done task whose indicator has no 完成值 yet, naming a member’s share by its owner', () => {
    const found = findingsFor(indicatorTable(), (rows) => set(rows, 21, 'status', '已完成'));
    expect(found.map((f) => [f.rule, f.taskNo])).toEqual([['indicator.doneBelowTarget', 21]]);
    const counties = findingsFor(indicatorTable(), (rows) => set(rows, 30, 'status', '已完成'));
    expect(counties.map((f) => f.message.zh.replace(/：.*/u, ''))).toEqual([
      '指标表第22行“电商直播基地（梨树县人民政府）”',
      '指标表第23行“电商直播基地（伊通满族自治县人民政府）”',
      '指标表第24行“电商直播基地（双辽市人民政府）”',
    ]);
  });
});

describe('proposals of 重新识别', () => {
  it('proposes only what the table lacks, a differing target, and seeded rows the text dropped', () => {
    const table = indicatorTable({}, (rows) => {
      rows.splice(0, 1); // task 1's indicator deleted by the user
      rows[0][2] = 2; // task 2's first county: target changed by hand
      rows.push([12, '旧指标', 1, '个', '市教育局', '', '', '', '据任务正文：“…”']);
      rows.push([12, '我自己的指标', 1, '个', '市教育局', '', '', '', '']);
    });
    const proposals = proposeIndicators(table, SEEDS, new Set(OFFICIAL_TASKS.map((t) => t.no)));
    expect(proposals.map((p) => [p.kind, p.kind === 'gone' ? p.indicator.name : p.seed.name])).toEqual([
      ['add', '省内乃至东三省产教融合示范区'],
      ['target', '职教中心'],
      ['gone', '旧指标'],
    ]);
    expect(proposeIndicators(indicatorTable(), SEEDS, new Set(OFFICIAL_TASKS.map((t) => t.no)))).toEqual([]);
  });
});

describe('indicators in the light and the summaries', () => {
  const actuals = { '14:在线精品课': 2, '14:智慧课堂': 10, '27:老年大学:梨树县人民政府': 1 };
  const ledger = ledgerWith((rows) => {
    set(rows, 14, 'deadline', '2026-12-31');
    set(rows, 14, 'progress', 60);
  });

  it('lights a task by its least-achieved indicator, by the rule of progress', () => {
    const table = indicatorTable(actuals);
    const task = ledgerTasks(ledger, { asOf: JUNE_30, indicators: table }).find((t) => t.no === 14);
    // 181 of 365 days gone (49.6 %); 进度 60 is green, 在线精品课 at 20 % is 29.6 points behind.
    expect(task?.health).toMatchObject({ light: 'yellow', indicator: { name: '在线精品课', share: 0.2 } });
    const without = ledgerTasks(ledger, { asOf: JUNE_30 }).find((t) => t.no === 14);
    expect(without?.health.light).toBe('green');
    expect(without?.indicators).toEqual([]);
  });

  it('leaves unreported indicators out of the light', () => {
    const task = ledgerTasks(ledger, { asOf: JUNE_30, indicators: indicatorTable() }).find(
      (t) => t.no === 14,
    );
    expect(task?.health.light).toBe('green');
    expect(task?.indicators).toHaveLength(3);
  });

  it('puts a 量化指标完成情况 block on the overview, totalling only an indicator carried in parts', () => {
    const model = summarize(ledger, { asOf: JUNE_30, indicators: indicatorTable(actuals) });
    expect(model.indicators).toMatchObject({ present: true, reported: 3, met: 2 });
    expect(model.indicators.lines).toHaveLength(23);
    const sheet = overviewSheet(model);
    const texts = sheet.rows.map((r) => r.cells.map((c) => c.value));
    const heading = texts.findIndex((r) => String(r[0]).startsWith('量化指标完成情况'));
    expect(texts[heading][0]).toBe('量化指标完成情况：共23项，已填报3项，已达目标2项。');
    expect(texts[heading + 1]).toEqual(['指标', '序号', '目标值', '完成值', '完成率', '计量单位']);
    expect(texts).toContainEqual(['在线精品课', 14, 10, 2, 0.2, '门']);
    expect(texts).toContainEqual(['老年大学（梨树县人民政府）', 27, 1, 1, 1, '所']);
    expect(texts).toContainEqual(['职教中心（双辽市人民政府）', 2, 1, '', '—', '所']);
    // Three indicators are carried by each county (or county and district): only they are
    // totalled, each under its own last row. 思政示范课 and 在线精品课 (门), or the thirteen
    // indicators counted in 个, are different things and are never added up.
    const totals = texts.slice(heading).filter((r) => String(r[0]).includes('合计'));
    expect(totals).toEqual([
      ['职教中心合计（3个单位，已填报0个）', '', 3, '', '—', '所'],
      ['老年大学合计（5个单位，已填报1个）', '', 5, 1, '—', '所'],
      ['电商直播基地合计（3个单位，已填报0个）', '', 3, '', '—', '个'],
    ]);
    const below = (label: string) => String(texts[texts.findIndex((r) => r[0] === label) + 1][0]);
    expect(below('职教中心（双辽市人民政府）')).toBe('职教中心合计（3个单位，已填报0个）');
    expect(below('老年大学（铁东区人民政府）')).toBe('老年大学合计（5个单位，已填报1个）');
    // Named after the indicator, the label is wider than its column: wrapped, or the printout
    // cuts it off (电商直播基地合计… lost its first character); and text, the name being the user's.
    const label = sheet.rows.find((r) => r.cells[0]?.value === '电商直播基地合计（3个单位，已填报0个）')
      ?.cells[0];
    expect(label && CELL_STYLES[label.style]).toMatchObject({ format: '@', wrap: true });
    // The charts' data blocks are untouched by the new rows.
    expect(sheet.charts[0].data.row).toBe(3);
  });

  it('gives an indicator carried in parts its 完成率 once every part is reported', () => {
    const all = { '27:老年大学': 1, '27:老年大学:伊通满族自治县人民政府': 0 };
    const model = summarize(ledger, { asOf: JUNE_30, indicators: indicatorTable(all) });
    const texts = overviewSheet(model).rows.map((r) => r.cells.map((c) => c.value));
    expect(texts).toContainEqual(['老年大学合计（5个单位）', '', 5, 4, 0.8, '所']);
  });

  it('counts a copied 指标 row once and reports the copy (issue 21, item 16)', () => {
    // Task 1's row (1个 示范区) copied to the end, with a 完成值 of its own.
    const table = indicatorTable(actuals, (rows) => rows.push([...rows[0].slice(0, 5), 1, '', '', '']));
    const model = summarize(ledger, { asOf: JUNE_30, indicators: table });
    const texts = overviewSheet(model).rows.map((r) => r.cells.map((c) => c.value));
    // Counted twice, the copy would make a total of the one indicator.
    expect(texts.filter((r) => String(r[0]).startsWith('省内乃至东三省产教融合示范区'))).toEqual([
      ['省内乃至东三省产教融合示范区', 1, 1, '', '—', '个'],
    ]);
    expect(model.indicators.lines).toHaveLength(23);
    const found = validateLedger(ledger, { asOf: JUNE_30, indicators: table }).filter(
      (f) => f.rule === 'indicator.repeated',
    );
    expect(found.map((f) => [f.row, f.message.zh])).toEqual([
      [
        23,
        '指标表第25行“省内乃至东三省产教融合示范区”：与第2行是同一指标（同一任务、指标和责任单位），合计和完成率只计第2行；如是误复制，请删除本行',
      ],
    ]);
  });

  it('shows each unit its own indicators: a county its own, the lead all of its task', () => {
    const model = summarize(ledger, { asOf: JUNE_30, indicators: indicatorTable(actuals) });
    const names = (unit: string) =>
      unitSheet(model, unit)
        .rows.filter((r) => r.cells.length === 7 && typeof r.cells[0].value === 'number')
        .map((r) => `${r.cells[0].value}:${r.cells[1].value}:${r.cells[2].value}`);
    const lishu = names('梨树县人民政府');
    expect(lishu).toContain('27:老年大学:梨树县人民政府');
    expect(lishu).not.toContain('27:老年大学:双辽市人民政府');
    expect(lishu).toContain('2:职教中心:梨树县人民政府');
    expect(lishu).toContain('8:省级特色高水平中高职专业（群）:市教育局、四平职业大学，各县（市）人民政府');
    expect(names('市教育局').filter((n) => n.startsWith('27:'))).toHaveLength(5);
    expect(names('市委组织部')).toEqual([]);
  });

  it('carries the indicators into the leaders’ mail and each unit’s mail', () => {
    const model = summarize(ledger, { asOf: JUNE_30, indicators: indicatorTable(actuals) });
    const mail = leaderMail(model, '汇总.xlsx');
    expect(mail.text).toContain('三、量化指标完成情况（共23项，已填报3项，已达目标2项）');
    expect(mail.text).toContain('14\t在线精品课\t10门\t2门\t20.0%');
    expect(mail.html).toContain('在线精品课');
    const county = unitMail(model, '铁西区人民政府', '铁西.xlsx');
    expect(county.text).toContain('27\t老年大学（铁西区人民政府）\t1所\t\t—');
    expect(county.text).not.toContain('梨树县人民政府）');
    const none = summarize(ledger, { asOf: JUNE_30 });
    expect(leaderMail(none, 'x.xlsx').text).not.toContain('量化指标');
    expect(none.indicators.present).toBe(false);
  });
});
