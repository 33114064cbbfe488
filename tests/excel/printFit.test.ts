// Issue 23, docs review: Excel on Windows may ignore PageLayout.zoom's fit to pages while the Page
// Layout tab is not selected (office-js #1860). The add-in reads the zoom back in the request that
// set it and says so, rather than claim a print setup it did not get.
import { adoptActiveSheet, generateSummaries } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { dayOf, OFFICIAL_TASKS, type Day } from '../../src/ledger';
import { adoptedNotice } from '../../src/taskpane/panels/startNotices';
import { textOf } from '../../src/taskpane/i18n';
import { ALL_SETS } from './helpers';

async function adopt(ignored: boolean) {
  const sim = new ExcelSim();
  sim.state.quirks.fitToPagesIgnored = ignored;
  await sim.run(async (c) => {
    c.workbook.worksheets.getItem('Sheet1').getRange('A1:D3').values = [
      ['序号', '工作任务', '责任单位', '状态'],
      [1, OFFICIAL_TASKS[0].task, OFFICIAL_TASKS[0].units, '序时推进'],
      [2, OFFICIAL_TASKS[1].task, OFFICIAL_TASKS[1].units, '已完成'],
    ];
    await c.sync();
  });
  return { sim, result: await sim.runExcel((c) => adoptActiveSheet(c, { supports: ALL_SETS })) };
}

describe('fit to pages, read back (office-js #1860)', () => {
  it('says when Excel did not keep an adopted sheet one page wide, and the pane tells how to set it', async () => {
    const kept = await adopt(false);
    expect(kept.result).toMatchObject({ printSetup: true, fitIgnored: false });
    expect(kept.sim.sheet('Sheet1').pageLayout.fitToPagesWide).toBe(1);
    const ignored = await adopt(true);
    expect(ignored.result).toMatchObject({ printSetup: true, fitIgnored: true });
    const notice = adoptedNotice(ignored.result);
    expect(notice.intent).toBe('warning');
    expect(textOf(notice.text, 'zh')).toContain('调整为 1 页宽');
    expect(textOf(adoptedNotice(kept.result).text, 'zh')).not.toContain('调整为 1 页宽');
  });

  it('names the summary sheets whose fit Excel did not keep', async () => {
    const sim = (await adopt(false)).sim;
    const options = {
      asOf: dayOf(2026, 11, 30) as Day,
      request: { overview: true, behind: true },
      supports: ALL_SETS,
    };
    expect((await generateSummaries((b) => sim.runExcel(b), options)).fitIgnored).toEqual([]);
    sim.state.quirks.fitToPagesIgnored = true;
    const again = await generateSummaries((b) => sim.runExcel(b), options);
    expect(again.fitIgnored).toEqual(again.sheets.map((s) => s.name));
  });
});
