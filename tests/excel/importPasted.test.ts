// 导入分工表 into a workbook from what clerks paste: cells copied from Excel (a quoted cell
// holding two units), and an annex whose numbers restart per group and that names leaders. The
// workbook is compared cell by cell before and after: only the sheets the import makes change.
import { ExcelSim } from '../../src/excel-sim';
import { importPlan } from '../../src/excel';
import { excludeRow, keepApart, planOfReview, reviewText } from '../../src/taskpane/importWorkflow';
import { ALL_SETS, changedCells, columnBelow } from './helpers';

async function importText(
  text: string,
  edit: (r: ReturnType<typeof reviewText>) => ReturnType<typeof reviewText>,
) {
  const sim = new ExcelSim();
  const review = edit(reviewText(text, 2027));
  expect(review.annex.problems).toEqual([]);
  const before = sim.snapshot();
  await sim.runExcel((c) => importPlan(c, planOfReview(review), { supports: ALL_SETS, from: null }));
  const changed = changedCells(before, sim.snapshot());
  return { sim, changed };
}

describe('导入 from cells copied from Excel', () => {
  const pasted = [
    '某市2027年稳经济促增长重点任务分工',
    '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
    '1\t举办促消费活动50场以上。\t"市商务局\n市文旅局"\t市财政局\t2027年12月31日',
    '2\t培育夜间经济示范街区3个。\t市商务局\t市城管执法局\t长期坚持',
    '注：各地可结合实际细化落实。',
  ].join('\r\n');

  it('writes the two tasks and only the units named, no date or quote among them', async () => {
    const { sim, changed } = await importText(pasted, (r) => r);
    expect(columnBelow(sim, '任务台账', '工作任务')).toEqual([
      '举办促消费活动50场以上。',
      '培育夜间经济示范街区3个。',
    ]);
    expect(columnBelow(sim, '任务台账', '责任单位')).toEqual([
      '市商务局（牵头）、市文旅局（牵头）、市财政局',
      '市商务局、市城管执法局',
    ]);
    expect(columnBelow(sim, '单位名录', '单位')).toEqual([
      '市商务局',
      '市文旅局',
      '市财政局',
      '市城管执法局',
    ]);
    expect(changed.filter((c) => !/^(任务台账|单位名录|指标)!/u.test(c))).toEqual([]);
  });
});

describe('导入 keeps the annex’s numbers and its leaders', () => {
  const pasted = [
    '某市营商环境攻坚行动重点任务清单',
    '序号\t重点任务\t责任领导\t牵头单位\t配合单位\t完成时限',
    '一、优化政务服务',
    '1\t推行“高效办成一件事”。\t张伟\t市政数局\t市直各有关部门\t2027年6月底前',
    '2\t企业开办时间压缩至1个工作日以内。\t张伟\t市市场监管局\t市公安局\t全年',
    '二、强化要素保障',
    '1\t新增普惠小微贷款50亿元。\t李明\t市金融办\t市财政局\t2027年12月底前',
    '2\t保障重点项目用地需求。\t李明\t市自然资源局\t市发改委\t长期坚持',
  ].join('\n');

  it('writes 原序号 and 责任领导 beside the ledger’s 序号, leaders never in 单位名录', async () => {
    // Row 5 (the second task of the first group) is left out in the review.
    const { sim, changed } = await importText(pasted, (r) => excludeRow(r, 5));
    expect(columnBelow(sim, '任务台账', '序号')).toEqual([1, 2, 3]);
    // Numbering restarts per group: each 原序号 carries its group's numeral (M1).
    expect(columnBelow(sim, '任务台账', '原序号')).toEqual(['一-1', '二-1', '二-2']);
    expect(columnBelow(sim, '任务台账', '责任领导')).toEqual(['张伟', '李明', '李明']);
    const units = columnBelow(sim, '单位名录', '单位');
    expect(units).not.toContain('张伟');
    expect(units).not.toContain('李明');
    expect(changed.filter((c) => !/^(任务台账|单位名录|指标)!/u.test(c))).toEqual([]);
  });

  it('a plan numbered as the ledger is, without leaders, gets neither column', async () => {
    const { sim } = await importText(
      [
        '序号\t工作任务\t责任单位',
        '1\t推行企业开办全程网办。\t市市场监管局',
        '2\t建设综合窗口。\t市政数局',
      ].join('\n'),
      (r) => ({ ...r, title: '某市营商环境重点任务' }),
    );
    const header = sim.values('任务台账').find((r) => r.includes('序号')) ?? [];
    expect(header).not.toContain('原序号');
    expect(header).not.toContain('责任领导');
  });
});

describe('the title offered', () => {
  it('leaves 附件1： off the plan’s title', () => {
    const review = reviewText(
      [
        '附件1：某市2027年数字经济发展重点任务分工',
        '序号\t工作任务\t责任单位',
        '1\t新建5G基站1000个。\t市工信局',
      ].join('\n'),
      2027,
    );
    expect(review.title).toBe('某市2027年数字经济发展重点任务分工');
  });
});

describe('导入 with a full name beside its short form', () => {
  const pasted = [
    '某市就业促进行动重点任务分工',
    '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
    '1\t开发城镇公益性岗位500个。\t四平市人力资源和社会保障局\t市财政局\t2027年12月底前',
    '2\t组织专项招聘活动不少于20场。\t市人社局\t市教育局（按职责分工负责）\t每季度',
  ].join('\n');

  it('writes one unit to 单位名录, the full name its alias; a role remark is no unit', async () => {
    const { sim } = await importText(pasted, (r) => r);
    expect(columnBelow(sim, '单位名录', '单位')).toEqual(['市人社局', '市财政局', '市教育局']);
    expect(columnBelow(sim, '单位名录', '别名')[0]).toBe('四平市人力资源和社会保障局');
  });

  it('kept apart in the review, writes two units', async () => {
    const { sim } = await importText(pasted, (r) => keepApart(r, '四平市人力资源和社会保障局'));
    expect(columnBelow(sim, '单位名录', '单位')).toEqual([
      '四平市人力资源和社会保障局',
      '市财政局',
      '市人社局',
      '市教育局',
    ]);
  });
});
