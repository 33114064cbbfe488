// Issue 24: the ledger and the 指标 sheet the add-in makes, printed as Excel would print them
// (written out from the simulated workbook with their page layout, then through LibreOffice):
// body type at least 9 pt on every page, the header row on every page, the 序号 at the left of
// every page, and a row's second half on the page after its first (over, then down).
import { mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createLedger } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { OFFICIAL_TASKS } from '../../src/ledger';
import { ALL_SETS, taskCell } from '../excel/helpers';
import { pageText, printedPdf, smallestWord } from './printedPdf';
import { simSheetFile } from './simSheetFile';
import { itWith } from './tools';

jest.setTimeout(180_000);
const withTools = itWith('printed ledger checks', ['soffice', 'pdftotext', 'pdftoppm']);
const squeeze = (text: string) => text.replace(/\s+/gu, '');

async function filledLedger(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  // What a clerk types over a month: progress notes and problems of a few sentences each.
  for (const task of OFFICIAL_TASKS) {
    const row = 3 + task.no;
    sim.userEdit('任务台账', `D${row}`, [[task.no % 4 === 0 ? '滞后' : '序时推进']]);
    sim.userEdit('任务台账', `G${row}`, [[`第${task.no}项已召开专题会议，制定实施方案，正在组织推进。`]]);
    if (task.no % 4 === 0) sim.userEdit('任务台账', `H${row}`, [['资金尚未到位，场地待落实。']]);
    if (task.no % 8 === 0) sim.userEdit('任务台账', `N${row}`, [['场地改造需跨年度施工。']]);
  }
  expect(taskCell(sim, 4, '存在问题')).toBe('资金尚未到位，场地待落实。');
  return sim;
}

describe('the sheets a ledger is made with, printed', () => {
  withTools(
    'the ledger: 9 pt or more, header row and 序号 on every page, each row continued on the next page',
    async () => {
      const sim = await filledLedger();
      const { pdf, pages, layout } = printedPdf('ledger.xlsx', await simSheetFile(sim, '任务台账'));
      const smallest = smallestWord(pages);
      console.log(`任务台账: ${pages.length} pages, smallest printed word ${smallest.toFixed(1)} pt`);
      expect(smallest).toBeGreaterThanOrEqual(9);
      // Over, then down: a band of rows prints 工作任务 … 完成时限, then 进展情况 … 联系电话, then
      // 申请延期至 … 办结依据 (LibreOffice leaves out a part whose cells are all empty).
      const parts = [
        ['工作任务', '完成时限'],
        ['进展情况', '联系电话'],
        ['申请延期至', '办结依据'],
      ];
      const partOf = pages.map((page) => {
        const text = pageText(page);
        expect(text).toMatch(/第\d+页共\d+页/u);
        expect(text).toContain('序号');
        const found = parts.findIndex(([first, last]) => text.includes(first) && text.includes(last));
        expect(found).toBeGreaterThanOrEqual(0);
        return found;
      });
      expect(partOf[0]).toBe(0);
      expect(partOf.filter((p) => p === 0).length).toBe(partOf.filter((p) => p === 1).length);
      expect(partOf).toContain(2);
      // Each part follows the one before it in its band.
      partOf.forEach((part, i) => {
        if (part > 0) expect(partOf[i - 1]).toBe(part - 1);
      });
      expect(squeeze(layout[0])).toContain('四平市现代职业教育重点工作任务台账');
      // The task's 序号 on the left half and its note on the right half are on facing pages.
      const left = squeeze(layout[0]);
      const right = squeeze(layout[1]);
      expect(left).toContain(squeeze(OFFICIAL_TASKS[0].task).slice(0, 12));
      expect(right).toContain('第1项已召开专题会议');
      const out = join(__dirname, '../../test-output/print');
      mkdirSync(out, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(out, 'ledger')]);
    },
  );

  withTools('the 指标 sheet: one page wide at 9 pt or more, the header on every page', async () => {
    const sim = await filledLedger();
    const { pdf, pages } = printedPdf('indicators.xlsx', await simSheetFile(sim, '指标'));
    const out = join(__dirname, '../../test-output/print');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(out, 'indicators')]);
    const smallest = smallestWord(pages);
    console.log(`指标: ${pages.length} pages, smallest printed word ${smallest.toFixed(1)} pt`);
    expect(smallest).toBeGreaterThanOrEqual(9);
    for (const page of pages) {
      const text = pageText(page);
      expect(text).toContain('完成值');
      expect(text).toContain('说明');
      expect(text).toMatch(/第\d+页共\d+页/u);
    }
  });
});
