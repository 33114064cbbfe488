/**
 * @jest-environment jsdom
 */
// 起始日期 in the pane: the import review says the start it guessed and why, the import writes it
// into the plan's part, and 设置 › 方案 edits it.
import { act, cleanup, configure, fireEvent, screen, within } from '@testing-library/react';
import { ExcelSim } from '../../src/excel-sim';
import { TestPane } from './paneHarness';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 8000, defaultHidden: true });
beforeEach(() =>
  jest.useFakeTimers({ advanceTimers: true, doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] }),
);
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

const ANNEX = [
  '四平市2027年稳经济促增长重点任务分工',
  '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
  '1\t推进城市更新，改造老旧小区30个。\t市住建局\t各县（市）区政府\t2027年6月底前',
  '2\t落实助企纾困政策，确保惠企资金直达快享。\t市财政局\t市税务局\t2027年9月底前',
].join('\n');

async function clickButton(name: string | RegExp) {
  const button = await screen.findByRole('button', { name });
  act(() => button.click());
}

describe('起始日期', () => {
  it('is guessed from the year in the title, said in the review, and written with the plan', async () => {
    const sim = new ExcelSim();
    TestPane.open(sim);
    await screen.findByRole('button', { name: '新建任务台账' });
    fireEvent.change(screen.getByRole('textbox', { name: '粘贴的分工表文字' }), { target: { value: ANNEX } });
    await clickButton('读取粘贴的文字');
    const review = await screen.findByRole('region', { name: '导入分工表' });
    within(review).getByText(/^起始日期：2027年1月1日（取自方案名称中的年份）/);
    // A title without a year: the day of the import (the pane's today, 28 November 2026).
    fireEvent.change(within(review).getByRole('textbox', { name: /方案名称/ }), {
      target: { value: '某市稳经济重点任务' },
    });
    within(review).getByText(/^起始日期：2026年11月28日（方案名称中没有年份，取导入当天）/);
    fireEvent.change(within(review).getByRole('textbox', { name: /方案名称/ }), {
      target: { value: '四平市2027年稳经济促增长重点任务分工' },
    });
    await clickButton('导入，生成台账');
    await screen.findByText(/已导入“四平市2027年稳经济促增长重点任务分工”/);
    expect(sim.state.customXmlParts).toHaveLength(1);
    expect(sim.state.customXmlParts[0].xml).toContain('"start":"2027-01-01"');
  });

  it('takes the first year of a span, and warns when the start falls after a task’s deadline', async () => {
    TestPane.open(new ExcelSim());
    await screen.findByRole('button', { name: '新建任务台账' });
    const annex = [
      '某某市2026—2028年营商环境提升行动分工方案',
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
      '1\t推行企业开办全程网办。\t市市场监管局\t市政数局\t2026年6月底前',
      '2\t建设“一窗通办”综合窗口。\t市政数局\t各县（市）区政府\t2028年底前',
    ].join('\n');
    fireEvent.change(screen.getByRole('textbox', { name: '粘贴的分工表文字' }), { target: { value: annex } });
    await clickButton('读取粘贴的文字');
    const review = await screen.findByRole('region', { name: '导入分工表' });
    within(review).getByText(/^起始日期：2026年1月1日（取自方案名称中的年份）/);
    expect(within(review).queryByText(/^注意：起始日期/)).toBeNull();
    fireEvent.change(within(review).getByRole('textbox', { name: /方案名称/ }), {
      target: { value: '某某市2027年营商环境提升行动分工方案' },
    });
    within(review).getByText(
      '注意：起始日期2027年1月1日晚于方案中最早的完成时限（序号1，2026年6月30日），请核对起始日期——在起始日期之前到期的任务，序时进度不从起始日期起算。',
    );
    // A warning, not a refusal.
    expect((screen.getByRole('button', { name: '导入，生成台账' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('is edited in 设置 › 方案: empty for the built-in plan, saved into the workbook', async () => {
    const { sim } = await TestPane.withLedger();
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    await screen.findByText(/内置方案（本工作簿尚未保存方案）/);
    const field = screen.getByLabelText(/^起始日期/) as HTMLInputElement;
    expect(field.value).toBe('');
    fireEvent.change(field, { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: '保存方案名称' }));
    await screen.findByText(/已保存方案/);
    expect(sim.state.customXmlParts[0].xml).toContain('"start":"2026-12-01"');
  });
});
