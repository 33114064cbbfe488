// 导入分工表's review: a problem row edited or left out, and the source read again with every
// other row keeping its number.
import {
  editSourceRow,
  excludeSourceRow,
  readAnnexSource,
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

  it('leaves a table row out by blanking it: skipped as blank, the rest as before', () => {
    const source = { kind: 'table' as const, rows: FIXTURES[6].text.split('\n').map((l) => l.split('\t')) };
    const before = readAnnexSource(source);
    expect(before.problems.map((p) => p.source)).toEqual([4]);
    const after = readAnnexSource(excludeSourceRow(source, 4));
    expect(after.problems).toEqual([]);
    expect(after.tasks.map((t) => t.source)).toEqual([2, 3]);
    expect(after.skipped).toContainEqual({ source: 4, text: '', reason: 'blank' });
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
});
