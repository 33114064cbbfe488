// Issue 26, items 5–6: 延期申请 and 办结依据 read from the ledger and checked.
import {
  approvalOf,
  behindSheet,
  behindTableRows,
  bulletinOf,
  overviewSheet,
  unitMail,
  unitSheet,
  summarize,
  dayOf,
  extensionNote,
  ledgerTasks,
  makeLedger,
  serialFromDay,
  validateLedger,
  type Day,
  type Finding,
  type RuleId,
} from '../../src/ledger';
import { asOf } from '../asOf';
import { col, HEADER, ledgerWith, officialRows, set } from './fixtures';

const only = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.rule === rule);
const serial = (y: number, m: number, d: number) => serialFromDay(dayOf(y, m, d) as Day);

describe('延期申请', () => {
  const ledger = ledgerWith((r) => {
    // 1: past its deadline, extension approved to next March: on time again.
    set(r, 1, 'deadline', serial(2026, 9, 30));
    set(r, 1, 'progress', 80);
    set(r, 1, 'extendTo', serial(2027, 3, 31));
    set(r, 1, 'extendReason', '资金未到位');
    set(r, 1, 'extendApproved', '是');
    // 2: the same, still waiting for approval: the old deadline stands.
    set(r, 2, 'deadline', serial(2026, 9, 30));
    set(r, 2, 'progress', 80);
    set(r, 2, 'extendTo', '2027-03-31');
    // 3: refused.
    set(r, 3, 'deadline', serial(2026, 9, 30));
    set(r, 3, 'extendTo', serial(2027, 3, 31));
    set(r, 3, 'extendApproved', '否');
    // 4: overdue, nothing asked.
    set(r, 4, 'deadline', '2026年10月底前');
    // 5: asks for a date before its deadline.
    set(r, 5, 'deadline', '2026年12月底前');
    set(r, 5, 'extendTo', serial(2026, 12, 1));
    // 6: not a date; 7: an unclear approval.
    set(r, 6, 'extendTo', '尽快');
    set(r, 7, 'deadline', '2027年6月底前');
    set(r, 7, 'extendTo', serial(2027, 12, 31));
    set(r, 7, 'extendApproved', '也许');
  });
  const tasks = ledgerTasks(ledger, { asOf });
  const findings = validateLedger(ledger, { asOf });

  it('moves the deadline the light uses only for an approved extension; 完成时限 stays as it was', () => {
    expect(tasks[0].extension).toMatchObject({
      approval: 'yes',
      reason: '资金未到位',
      to: dayOf(2027, 3, 31),
    });
    expect(tasks[0].current).toEqual({ kind: 'date', day: dayOf(2027, 3, 31), precision: 'day' });
    expect(tasks[0].deadline).toMatchObject({ day: dayOf(2026, 9, 30) });
    expect(tasks[0].deadlineText).toBe('2026-09-30');
    expect(tasks[0].health.overdue).toBe(false);
    expect(tasks[0].health.light).not.toBe('red');
    for (const t of [tasks[1], tasks[2]]) {
      expect(t.current).toBe(t.deadline);
      expect(t.health).toMatchObject({ light: 'red', overdue: true });
    }
    expect(tasks[1].extension).toMatchObject({ approval: 'pending', to: dayOf(2027, 3, 31) });
  });

  it('says 超期未申请延期 at the 申请延期至 cell only where nothing was asked', () => {
    expect(only(findings, 'extension.notRequested').map((f) => [f.taskNo, f.column])).toEqual([
      [4, col('extendTo')],
    ]);
    // A request waiting or refused leaves the task overdue against its 完成时限.
    expect(only(findings, 'deadline.overdue').map((f) => f.taskNo)).toEqual([2, 3]);
    expect(findings.some((f) => f.taskNo === 1 && /overdue|notRequested/u.test(f.rule))).toBe(false);
  });

  it('wants 申请延期至 to be a date after 完成时限, and 延期批准 to be 是 or 否', () => {
    expect(only(findings, 'extension.notLater').map((f) => [f.taskNo, f.column, f.message.zh])).toEqual([
      [5, col('extendTo'), '第5项：申请延期至2026年12月1日，不晚于完成时限2026年12月31日：延期应晚于原时限'],
    ]);
    expect(only(findings, 'extension.invalid').map((f) => [f.taskNo, f.message.zh])).toEqual([
      [6, '第6项：申请延期至“尽快”不是具体日期，请写作如“2026-12-31”'],
    ]);
    expect(only(findings, 'extension.approval').map((f) => [f.taskNo, f.column])).toEqual([
      [7, col('extendApproved')],
    ]);
    expect(tasks[6].extension?.approval).toBe('pending');
  });

  it('reads 是/否 and their spellings, and says each state for the summaries', () => {
    expect(['是', 'Yes', '同意', ' Y '].map((v) => approvalOf(v).approval)).toEqual([
      'yes',
      'yes',
      'yes',
      'yes',
    ]);
    expect(['否', 'no', '不同意'].map((v) => approvalOf(v).approval)).toEqual(['no', 'no', 'no']);
    expect(approvalOf('')).toEqual({ approval: 'pending', unclear: false });
    expect(extensionNote(tasks[0].extension)?.zh).toBe('已批准（延期至2027年3月31日）');
    expect(extensionNote(tasks[1].extension)?.zh).toBe('申请中（延期至2027年3月31日）');
    expect(extensionNote(tasks[2].extension)?.zh).toBe('未批准（申请延期至2027年3月31日）');
    expect(extensionNote(tasks[3].extension)).toBeNull();
  });

  // Stranger's defect 9: a request to a day not after 完成时限 (which 校验 reports) was listed as
  // an ordinary pending request on the summaries, the mail and the 通报.
  it('says a requested date not after 完成时限 is to be checked', () => {
    const request = tasks[1].extension;
    const due = (day: number) => ({ kind: 'date', day, precision: 'day' }) as const;
    const to = request?.to ?? 0;
    expect(extensionNote(request, due(to - 30))?.zh).toBe('申请中（延期至2027年3月31日）');
    expect(extensionNote(request, due(to))?.zh).toBe('申请中（延期至2027年3月31日，日期有误待核）');
    expect(extensionNote(request, due(to + 30))?.en).toBe(
      'requested (extension to 2027-03-31; the date is to be checked)',
    );
  });
});

describe('办结依据', () => {
  const ledger = ledgerWith((r) => {
    for (const no of [1, 2, 3]) {
      set(r, no, 'status', '已完成');
      set(r, no, 'progress', 100);
    }
    set(r, 2, 'evidence', '四教发〔2026〕12号');
    set(r, 3, 'evidence', '   ');
  });

  it('asks a completed task for its evidence, at the 办结依据 cell', () => {
    const found = only(validateLedger(ledger, { asOf }), 'evidence.missing');
    expect(found.map((f) => [f.taskNo, f.column, f.severity])).toEqual([
      [1, col('evidence'), 'warning'],
      [3, col('evidence'), 'warning'],
    ]);
    expect(found[0].message.zh).toContain('办结依据');
  });

  it('is silent when the office turned the check off in 设置', () => {
    expect(only(validateLedger(ledger, { asOf, requireEvidence: false }), 'evidence.missing')).toEqual([]);
  });

  it('keeps a ledger without the new columns working: overdue as before, no evidence asked, 添加列 offered', () => {
    const keep = HEADER.map((_, i) => i).filter((i) => i < col('extendTo'));
    const rows = officialRows().map((r) => keep.map((i) => r[i]));
    rows[0][col('status')] = '已完成';
    rows[1][col('deadline')] = '2026年6月底前';
    const old = makeLedger({ header: keep.map((i) => HEADER[i]), rows });
    const found = validateLedger(old, { asOf });
    expect(found.map((f) => [f.rule, f.taskNo])).toEqual([
      ['columns.extension', null],
      ['deadline.overdue', 2],
    ]);
    expect(ledgerTasks(old, { asOf })[0]).toMatchObject({ extension: null, evidence: '' });
  });
});

describe('延期 on the summaries', () => {
  const ledger = ledgerWith((r) => {
    // 1: approved to next March but far behind even so: listed, with the extension after 完成时限.
    set(r, 1, 'deadline', serial(2026, 9, 30));
    set(r, 1, 'progress', 10);
    set(r, 1, 'extendTo', serial(2027, 3, 31));
    set(r, 1, 'extendApproved', '是');
    // 2: asked for, not yet decided: overdue against 完成时限, and the request shows.
    set(r, 2, 'deadline', serial(2026, 9, 30));
    set(r, 2, 'extendTo', serial(2027, 1, 31));
    // 3: approved and on schedule: not on the list, but counted as 已延期.
    set(r, 3, 'deadline', serial(2026, 6, 30));
    set(r, 3, 'progress', 90);
    set(r, 3, 'extendTo', serial(2026, 12, 31));
    set(r, 3, 'extendApproved', '是');
    // 4: overdue with nothing asked.
    set(r, 4, 'deadline', serial(2026, 9, 30));
  });
  const model = summarize(ledger, { asOf });

  it('lists each behind task with its 完成时限 and its extension, and counts 已延期 tasks', () => {
    expect(model.extended).toBe(2);
    expect(model.overdue).toBe(2);
    expect(model.behind.map((b) => [b.no, b.extension])).toEqual([
      [1, '已批准（延期至2027年3月31日）'],
      [2, '申请中（延期至2027年1月31日）'],
      [4, ''],
    ]);
    // The leaders' mail and the 通报's 附件1 share these rows.
    expect(behindTableRows(model).map((r) => r[3])).toEqual([
      '2026年9月30日；已批准（延期至2027年3月31日）',
      '2026年9月30日；申请中（延期至2027年1月31日）',
      '2026年9月30日',
    ]);
  });

  it('shows both dates on the 滞后逾期 sheet and 已延期 on the overview', () => {
    const sheet = behindSheet(model);
    const cells = sheet.rows.flatMap((row) => row.cells.map((c) => c.value));
    expect(cells).toContain('2026年9月30日；已批准（延期至2027年3月31日）');
    expect(cells).toContain('2026年9月30日；申请中（延期至2027年1月31日）');
    // Task 4 keeps its date cell.
    expect(cells).toContain(serial(2026, 9, 30));
    const overview = overviewSheet(model).rows.map((row) => row.cells.map((c) => c.value));
    expect(String(overview[1][0])).toContain('逾期2项，已延期2项，');
    expect(overview).toContainEqual(['已延期任务', 2]);
    // Without an approved extension the overview reads as it always did.
    const plain = overviewSheet(summarize(ledgerWith(), { asOf })).rows.map((row) =>
      row.cells.map((c) => c.value),
    );
    expect(plain.some((r) => r[0] === '已延期任务')).toBe(false);
    expect(String(plain[1][0])).not.toContain('已延期');
  });

  it('says 已延期 in the 通报 一、总体进展 as the overview does, and nothing when none is', () => {
    const first = (m: typeof model) =>
      bulletinOf(m, { issuer: '督查室', date: asOf, nextSteps: [] }).sections[0].blocks.flatMap((b) =>
        b.kind === 'table' ? [] : [b.text],
      )[0];
    expect(first(model)).toContain('逾期2项，已延期2项，预警红灯');
    expect(first(summarize(ledgerWith(), { asOf }))).not.toContain('已延期');
  });

  it('shows a unit its extensions on its sheet and in its mail, as the behind list does', () => {
    const cells = unitSheet(model, '市教育局').rows.flatMap((row) => row.cells.map((c) => c.value));
    expect(cells).toContain('2026年9月30日；已批准（延期至2027年3月31日）');
    // Task 3 is on schedule after its extension: on no behind list, but its unit sees both dates.
    expect(cells).toContain('2026年6月30日；已批准（延期至2026年12月31日）');
    // A task with no extension keeps its date cell.
    expect(cells).toContain(serial(2026, 9, 30));
    const lishu = unitMail(model, '梨树县人民政府', '汇总.xlsx');
    expect(lishu.text).toContain('2026年9月30日；申请中（延期至2027年1月31日）');
    expect(lishu.html).toContain('2026年9月30日；申请中（延期至2027年1月31日）');
    const education = unitMail(model, '市教育局', '汇总.xlsx').text;
    expect(education).toContain('2026年6月30日；已批准（延期至2026年12月31日）');
  });
});
