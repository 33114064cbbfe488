// Paper a leader accepts (issue 24, part A): the exported summary workbook and a 反馈表 printed
// through LibreOffice, measured with pdftotext -bbox. On every page: body type at least 9 pt,
// a table running over pages repeats its header, and the footer (制表单位, 第 N 页 共 M 页, the
// 截至 date). The first pages of the overview and of the behind list are rendered with pdftoppm
// into test-output/print/ (docs/ holds copies for the README). Skipped with one line without the tools.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { returnFormFile, summaryWorkbook } from '../../src/files';
import {
  dayOf,
  DEFAULT_STATUSES,
  INDICATOR_HEADERS,
  indicatorSheetRows,
  OFFICIAL_TASKS,
  readIndicatorTable,
  readSnapshotTable,
  reportHistory,
  SNAPSHOT_HEADERS,
  snapshotRows,
  seedsForTasks,
  summarize,
  type Day,
} from '../../src/ledger';
import { AS_OF_DATE, asOf } from '../asOf';
import { ledgerWith, set } from '../ledger/fixtures';
import { pageText, printedPdf } from './printedPdf';
import { itWith } from './tools';

jest.setTimeout(180_000);

const withTools = itWith('printed sheet checks', ['soffice', 'pdftotext', 'pdftoppm']);

// Two thirds of the tasks behind with long notes: the lists run over several pages.
const ledger = ledgerWith((rows) => {
  for (const task of OFFICIAL_TASKS) {
    set(rows, task.no, 'status', task.no % 3 === 0 ? '序时推进' : '滞后');
    set(rows, task.no, 'problems', `第${task.no}项：资金、场地和师资尚未落实到位，`.repeat(4));
    set(rows, task.no, 'deadline', task.no % 2 ? 46022 : '2026年底前');
    set(rows, task.no, 'progress', 20);
  }
});
const model = summarize(ledger, { asOf });
const MAKER = '四平市人民政府督查室';

const printed = printedPdf;
const FOOTER = /第\d+页共\d+页/u;

describe('printed through LibreOffice', () => {
  withTools(
    'the summary workbook: 9 pt or more on every page, headers repeated, a footer on every page',
    async () => {
      const file = await summaryWorkbook(
        model,
        { overview: true, behind: true, units: ['市教育局'] },
        { created: AS_OF_DATE, sender: MAKER },
      );
      const { pdf, pages, layout } = printed(file.name, file.bytes);
      expect(pages.length).toBeGreaterThan(3);
      const smallest = Math.min(...pages.flatMap((p) => p.map((w) => w.height)));
      console.log(`summary workbook: ${pages.length} pages, smallest printed word ${smallest.toFixed(1)} pt`);
      pages.forEach((page) => {
        expect(Math.min(...page.map((w) => w.height))).toBeGreaterThanOrEqual(9);
        const text = pageText(page);
        expect(text).toMatch(FOOTER);
        expect(text).toContain(`制表单位：${MAKER}`);
        expect(text).toContain('截至2026年11月28日');
      });
      // The overview's per-unit table starts a page of its own, whole: no row of it runs on headless.
      const unitTable = layout.findIndex((t) => /责任单位\s+未启动\s+序时推进/u.test(t));
      expect(unitTable).toBeGreaterThan(0);
      for (const u of model.units) expect(layout[unitTable]).toContain(u.name);
      // The behind list and the unit sheet run over pages, each page with the header row.
      const first = (title: string) => layout.findIndex((t) => t.includes(title));
      const behindFrom = first('滞后及逾期任务清单（截至');
      const unitFrom = first('市教育局：四平市现代职业教育重点工作任务推进情况（截至');
      expect(unitFrom - behindFrom).toBeGreaterThan(1);
      expect(pages.length - unitFrom).toBeGreaterThan(1);
      for (let i = behindFrom; i < unitFrom; i++)
        expect(layout[i]).toMatch(/序号\s+工作任务\s+牵头单位\s+完成时限/u);
      for (let i = unitFrom; i < pages.length; i++)
        expect(layout[i]).toMatch(/序号\s+工作任务\s+责任单位\s+角色/u);
      // The first pages of the overview and the behind list, to look at.
      const out = join(__dirname, '../../test-output/print');
      mkdirSync(out, { recursive: true });
      const behindPage = behindFrom + 1;
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        join(out, 'overview'),
      ]);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        String(behindPage),
        '-l',
        String(behindPage),
        '-singlefile',
        pdf,
        join(out, 'behind'),
      ]);
    },
  );

  withTools(
    'a 反馈表: 9 pt or more on every page, its header on every page, a footer on every page',
    async () => {
      const file = await returnFormFile(model, '市教育局', {
        ledgerId: 'print-test',
        statuses: DEFAULT_STATUSES,
        ledger,
        created: AS_OF_DATE,
      });
      const { pages, layout } = printed(file.name, file.bytes);
      expect(pages.length).toBeGreaterThan(1);
      const smallest = Math.min(...pages.flatMap((p) => p.map((w) => w.height)));
      console.log(`反馈表: ${pages.length} pages, smallest printed word ${smallest.toFixed(1)} pt`);
      pages.forEach((page, i) => {
        expect(Math.min(...page.map((w) => w.height))).toBeGreaterThanOrEqual(9);
        expect(layout[i]).toMatch(/序号\s+工作任务\s+责任单位/u);
        const text = pageText(page);
        expect(text).toMatch(FOOTER);
        expect(text).toContain('填报单位：市教育局');
        expect(text).toContain('截至2026年11月28日');
      });
      // Columns do not run together: 进度 and 完成时限, 序号 and 工作任务 each stand apart.
      for (const page of layout) expect(page).not.toMatch(/\d \d{4}年|^\s*\d+[^\s\d]/mu);
      // Stranger's defect 1: every band of rows prints both widths, the second too where the unit
      // has not filled it yet (LibreOffice left out pages whose cells were all empty).
      const first = layout.filter((t) => /序号\s+工作任务\s+责任单位\s+本单位角色\s+状态/u.test(t)).length;
      const second = layout.filter((t) => /序号\s+工作任务\s+责任单位\s+下步计划/u.test(t)).length;
      expect(first + second).toBe(pages.length);
      // Over, then down: each band's second width follows it.
      layout.forEach((t, i) => {
        if (i % 2 === 1) expect(t).toMatch(/序号\s+工作任务\s+责任单位\s+下步计划/u);
      });
      console.log(`反馈表: ${first} pages of the first width, ${second} of the second`);
      expect(second).toBe(first);
    },
  );

  // Issue 24 (stranger's defects 1 and 2): the unit sheet's 量化指标 block starts a page with its
  // own header, not under the task table's; a 1,500-character 存在问题 prints (its row capped at
  // Excel's 409 pt) with its 序号 and 工作任务, and a note says the full text is in the ledger.
  withTools(
    'a unit sheet: the indicators on a page of their own, a very long row still printed',
    async () => {
      const long = ledgerWith((rows) => {
        set(rows, 1, 'status', '滞后');
        set(rows, 1, 'problems', '资金、场地和师资尚未落实到位，需协调解决。'.repeat(75));
      });
      const seeds = seedsForTasks(OFFICIAL_TASKS.map((t) => ({ ...t, unitsText: t.units })));
      const place = { headerRow: 0, firstColumn: 0 };
      const indicators = readIndicatorTable({
        header: INDICATOR_HEADERS,
        rows: indicatorSheetRows(seeds, place),
        sheetName: '指标',
        place,
      });
      const withIndicators = summarize(long, { asOf, indicators });
      const file = await summaryWorkbook(
        withIndicators,
        { overview: false, behind: true, units: ['市教育局'] },
        { created: AS_OF_DATE, sender: MAKER },
      );
      const { layout } = printed(`long-${file.name}`, file.bytes);
      const taskHeader = /序号\s+工作任务\s+责任单位\s+角色/u;
      const indicatorPage = layout.findIndex((t) => t.includes('量化指标'));
      expect(indicatorPage).toBeGreaterThan(0);
      expect(layout[indicatorPage]).not.toMatch(taskHeader);
      const text = layout.join('');
      expect(text).toMatch(/全文见任务台账/u);
      // Task 1 prints on the behind list and the unit sheet, 序号 beside its 工作任务.
      const first = OFFICIAL_TASKS[0].task.slice(0, 6);
      expect(layout.filter((t) => t.includes(first)).length).toBeGreaterThanOrEqual(2);
      // The 反馈表 prints the same row, capped, with its 工作任务.
      const form = await returnFormFile(withIndicators, '市教育局', {
        ledgerId: 'print-test',
        statuses: DEFAULT_STATUSES,
        ledger: long,
        created: AS_OF_DATE,
      });
      expect(printed(`long-${form.name}`, form.bytes).layout.join('')).toContain(first);
    },
  );

  // Issue 24 (stranger's defect 3): every task changed since the last report, so 本期变化 runs
  // over pages; each of its pages carries its header, and no other table stands under it.
  withTools('the overview: a 本期变化 list over pages repeats its header', async () => {
    const before = summarize(
      ledgerWith((rows) => {
        for (const task of OFFICIAL_TASKS) set(rows, task.no, 'status', '序时推进');
      }),
      { asOf: dayOf(2026, 10, 31) as Day },
    );
    const history = reportHistory(
      model,
      readSnapshotTable({ header: SNAPSHOT_HEADERS, rows: snapshotRows(before) }),
    );
    expect(history.changes.lines.length).toBeGreaterThan(20);
    const file = await summaryWorkbook(
      model,
      { overview: true, behind: false },
      { created: AS_OF_DATE, sender: MAKER, history },
    );
    const { layout } = printed(`changes-${file.name}`, file.bytes);
    const pages = layout.filter((t) => /第\d+项 /u.test(t));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toMatch(/变化（类别：[^]*工作任务/u);
    for (const page of layout.filter((t) => /责任单位\s+未启动\s+序时推进/u.test(t)))
      expect(page).not.toMatch(/变化（类别：/u);
  });
});
