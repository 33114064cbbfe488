// The two renderers of a mail body: one list of blocks, as plain text and as HTML.
import { escapeHtml, mailContent, mailHtml, mailText, type MailBlock } from '../../src/ledger';

const blocks: MailBlock[] = [
  { kind: 'paragraph', text: '各位领导：' },
  { kind: 'paragraph', text: '截至2026年11月28日，<b>40</b>项任务。' },
  { kind: 'heading', text: '一、各状态任务数' },
  { kind: 'table', header: ['状态', '任务数'], rows: [['滞后', '1. 场地\n2. 师资\t不足']] },
  { kind: 'table', header: ['序号'], rows: [] },
  { kind: 'signature', lines: ['四平市教育局', '2026年12月2日'] },
];

describe('mailText', () => {
  it('puts a blank line between blocks and a table right under its heading', () => {
    expect(mailText(blocks)).toBe(
      [
        '各位领导：',
        '',
        '截至2026年11月28日，<b>40</b>项任务。',
        '',
        '一、各状态任务数',
        '状态\t任务数',
        '滞后\t1. 场地 / 2. 师资 不足',
        '',
        '序号',
        '',
        '四平市教育局',
        '2026年12月2日',
      ].join('\n'),
    );
  });

  it('keeps one table row a line whatever a cell holds', () => {
    const text = mailText([{ kind: 'table', header: ['a'], rows: [['x\r\ny'], ['p\rq']] }]);
    expect(text.split('\n')).toEqual(['a', 'x / y', 'p / q']);
  });

  it('renders no blocks as no text', () => {
    expect(mailText([])).toBe('');
  });
});

describe('mailHtml', () => {
  const html = mailHtml(blocks);

  it('renders every block in order: paragraphs, tables with a header row, a right-set 落款', () => {
    const order = [
      '<p>各位领导：</p>',
      '<p>一、各状态任务数</p>',
      '<th',
      '<td',
      '<p style="text-align:right">',
    ];
    const at = order.map((part) => html.indexOf(part));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(html).toContain('四平市教育局<br>2026年12月2日</p>');
    expect(html.match(/<table/g)).toHaveLength(2);
  });

  it('escapes typed text and keeps a cell’s line breaks as <br>', () => {
    expect(html).not.toContain('<b>');
    expect(html).toContain(escapeHtml('<b>40</b>'));
    expect(html).toContain('1. 场地<br>2. 师资\t不足');
  });

  it('is a whole UTF-8 document', () => {
    expect(html.startsWith('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body')).toBe(true);
    expect(html.endsWith('</body></html>')).toBe(true);
  });
});

it('mailContent gives both renderings of the same blocks', () => {
  expect(mailContent('主题', blocks)).toEqual({
    subject: '主题',
    text: mailText(blocks),
    html: mailHtml(blocks),
  });
});
