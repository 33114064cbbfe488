// 导入分工表's review: a problem row edited or left out, and the source read again with every
// other row keeping its number.
import {
  editSourceRow,
  excludeSourceRow,
  readAnnexSource,
  sourceLineOf,
  sourceRowText,
  textSource,
} from '../../src/ledger';
import { FIXTURES } from './annexFixtures';

describe('fixing the source before import', () => {
  it('edits a list item that runs over two lines as one, and later lines keep their numbers', () => {
    const source = textSource(FIXTURES[4].text);
    expect(sourceRowText(source, 4)).toBe(
      '2.争取专项债券资金5亿元以上，\n加快债券项目开工。 牵头单位：区财政局 责任单位：区发改局 完成时限：2025年6月底前',
    );
    const edited = editSourceRow(source, 4, '2.争取专项债券资金6亿元以上。 牵头单位：区财政局');
    const read = readAnnexSource(edited, { year: 2025 });
    expect(read.tasks.map((t) => [t.no, t.text, t.lead, t.source])).toEqual([
      ['1', '全年实施亿元以上项目30个。', ['区发改局'], 3],
      ['2', '争取专项债券资金6亿元以上。', ['区财政局'], 4],
      ['3', '举办促消费活动不少于20场。', ['区商务局'], 7],
    ]);
  });

  it('leaves a table row out by blanking it: named as excluded with its text, the rest as before', () => {
    const source = { kind: 'table' as const, rows: FIXTURES[6].text.split('\n').map((l) => l.split('\t')) };
    const before = readAnnexSource(source);
    expect(before.problems.map((p) => p.source)).toEqual([4]);
    const after = readAnnexSource(excludeSourceRow(source, 4));
    expect(after.problems).toEqual([]);
    expect(after.tasks.map((t) => t.source)).toEqual([2, 3]);
    expect(after.skipped).toEqual([
      { source: 1, text: '序号 工作任务 责任单位 完成时限', reason: 'header' },
      { source: 4, text: '3 完善企业信用修复机制。 税务局、市市场监管局。 明年', reason: 'excluded' },
    ]);
  });

  it('takes an edited table row as tab-separated cells, padded to the row', () => {
    const source = {
      kind: 'table' as const,
      rows: [
        ['序号', '工作任务', '责任单位', '完成时限'],
        ['1', '任务。', '', ''],
      ],
    };
    expect(sourceRowText(source, 2)).toBe('1\t任务。\t\t');
    const read = readAnnexSource(editSourceRow(source, 2, '1\t任务。\t县政数局'));
    expect(read.tasks[0].lead).toEqual(['县政数局']);
    expect(read.problems).toEqual([]);
  });

  it('names an excluded pasted item as excluded, once, after a later edit too (N6)', () => {
    const source = textSource(
      ['1.谋划项目（市发改委牵头）', '2.推进开工', '续写一行', '3.压缩时间（市市场监管局牵头）'].join('\n'),
    );
    expect(readAnnexSource(source).problems.map((p) => [p.source, p.kind])).toEqual([[2, 'no-units']]);
    const left = excludeSourceRow(source, 2);
    const read = readAnnexSource(left);
    expect(read.problems).toEqual([]);
    expect(read.skipped).toEqual([{ source: 2, text: '2.推进开工 续写一行', reason: 'excluded' }]);
    const edited = readAnnexSource(editSourceRow(left, 4, '3.压缩时间（市政数局牵头）'));
    expect(edited.tasks.map((t) => [t.source, t.lead])).toEqual([
      [1, ['市发改委']],
      [4, ['市政数局']],
    ]);
    expect(edited.skipped).toEqual(read.skipped);
  });
});

describe('the numbers the user finds a row by (N6)', () => {
  // Copied from Excel: a cell holding a line break is quoted and spans two lines of the text.
  const pasted = [
    '序号\t工作任务\t责任单位',
    '1\t"谋划储备重大项目，',
    '分批推进开工。"\t市发改委',
    '2\t推进开工。\t',
    '3\t压缩企业开办时间。\t市市场监管局',
  ].join('\n');

  it('a pasted table row is named by the line it starts on, not its place among the rows', () => {
    const source = textSource(pasted);
    const read = readAnnexSource(source);
    expect(read.tasks[0].text).toBe('谋划储备重大项目，分批推进开工。');
    expect(read.problems.map((p) => [p.source, p.kind])).toEqual([[3, 'no-units']]);
    expect([1, 2, 3, 4].map((row) => sourceLineOf(source, row))).toEqual([1, 2, 4, 5]);
    // Edited and excluded rows keep their lines.
    expect(sourceLineOf(excludeSourceRow(editSourceRow(source, 2, '1\t任务。\t市财政局'), 3), 4)).toBe(5);
  });

  it('pasted lines and a sheet read are counted as they are', () => {
    const text = textSource('1.谋划项目（市发改委牵头）\n\n2.推进开工（市住建局牵头）');
    expect(sourceLineOf(text, 3)).toBe(3);
    expect(sourceLineOf({ kind: 'table', rows: [['序号'], ['1']] }, 2)).toBe(2);
  });
});
