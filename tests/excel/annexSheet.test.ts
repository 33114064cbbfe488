// 导入分工表 from the current sheet: the used range read as it shows, rows cited as the sheet numbers them.
import { readAnnexSheet } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { countSyncs } from './helpers';

describe('reading a pasted 分工 table from the current sheet', () => {
  it('reads the tasks as the cells show them, in one request, writing nothing', async () => {
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A3:D6').values = [
        ['序号', '工作任务', '责任单位', '完成时限'],
        [1, '推行企业开办全程网办。', '县市场监管局、县政数局', 46022],
        [2, '建设“一窗通办”综合窗口。', '县政数局，各乡镇人民政府', '2025年底前'],
        [3, '建立企业诉求直通车制度。', '', '长期坚持'],
      ];
      sheet.getRange('D4').numberFormat = [['yyyy"年"m"月"d"日"']];
      await c.sync();
    });
    const before = sim.snapshot();
    const { result, syncs } = await countSyncs(sim, () => sim.runExcel((c) => readAnnexSheet(c)));
    expect(syncs).toBe(1);
    expect(sim.snapshot()).toEqual(before);
    expect(result.sheet).toBe('Sheet1');
    expect(result.firstRow).toBe(3);
    expect(result.annex.tasks.map((t) => [t.no, t.lead, t.partners, t.deadline])).toEqual([
      ['1', ['县市场监管局'], ['县政数局'], '2025年12月31日'],
      ['2', ['县政数局'], ['各乡镇人民政府'], '2025年底前'],
      ['3', [], [], '长期坚持'],
    ]);
    // The task without units is kept, and named as a problem at its sheet row.
    const problem = result.annex.problems.find((p) => p.kind === 'no-units');
    expect(problem && result.firstRow + problem.source - 1).toBe(6);
  });

  it('says an empty sheet is empty', async () => {
    const sim = new ExcelSim();
    await expect(sim.runExcel((c) => readAnnexSheet(c))).rejects.toMatchObject({
      text: { zh: expect.stringContaining('是空的，未读取任何内容') },
    });
  });
});
