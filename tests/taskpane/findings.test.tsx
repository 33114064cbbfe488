/**
 * @jest-environment jsdom
 */
// The 校验 and 筛选 tabs on this round's black-box findings (issue 21): offers that stand apart
// from 全部修复, formula cells named apart in a confirmation, a jump to a hidden row, the user's
// own filter, a 完成值 that is not a plain number. Every write is checked cell by cell.
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ExcelSim } from '../../src/excel-sim';
import { OFFICIAL_TASKS, tasksForUnit } from '../../src/ledger';
import { paneClock, TestPane } from './paneHarness';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 8000, defaultHidden: true });

paneClock();

const tab = (name: string) => screen.getByRole('tab', { name });

describe('校验: offers, formulas and hidden rows', () => {
  it('keeps task 8 with a clause added as task 8, and restores its text only when asked (item 5)', async () => {
    const pane = await TestPane.withLedger();
    const added = OFFICIAL_TASKS[7].task.replace(/。$/u, '，并建立联席会议制度。');
    await pane.userDoes(async () => {
      await pane.pasteInto(8, '工作任务', added);
      await pane.pasteInto(2, '状态', '完成');
    });
    fireEvent.click(tab('校验'));
    await screen.findByText(/第8项：表述与正式任务第8项不同（多出“并建立联席会议制度”）/);
    expect(screen.queryByText(/台账中没有第8项任务/)).toBeNull();
    // 全部修复 holds the status only: the clause may be the user's own.
    expect(screen.getByRole('button', { name: '全部修复（1）' })).toBeTruthy();
    const before = pane.snapshot();
    fireEvent.click(screen.getByRole('button', { name: '恢复正式文本' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('恢复正式文本')).toBeTruthy();
    expect(within(dialog).getByText(/^B11（工作任务）：“围绕和服务经济发展需求/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '修改' }));
    await screen.findByText('已修复1个单元格。');
    expect(pane.changedCells(before)).toEqual(['任务台账!B11']);
    expect(pane.cell(8, '工作任务')).toBe(OFFICIAL_TASKS[7].task);
  });

  it('groups 40 empty 状态 into one finding whose 设为“未启动” lists every cell (item 14)', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    await pane.userDoes(() =>
      sim.run(async (c) => {
        c.workbook.worksheets.getItem('任务台账').getRange('D4:D43').values = Array.from(
          { length: 40 },
          () => [''],
        );
        await c.sync();
      }),
    );
    fireEvent.click(tab('校验'));
    const finding = await screen.findByText(/^40项任务的状态未填写（第1项、第2项/);
    // A finding of the whole sheet is text, not a greyed-out button.
    expect(finding.closest('button')).toBeNull();
    expect(screen.queryAllByText(/：状态未填写$/)).toHaveLength(0);
    expect(screen.getByRole('button', { name: '全部修复（0）' })).toBeTruthy();
    const before = pane.snapshot();
    fireEvent.click(screen.getByRole('button', { name: '全部设为“未启动”（40）' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('将修改以下40个单元格（只修改有安全修复的单元格），其他单元格不变。确定吗？'),
    ).toBeTruthy();
    expect(within(dialog).getAllByText(/^D\d+（状态）：“” → “未启动”$/)).toHaveLength(40);
    fireEvent.click(within(dialog).getByRole('button', { name: '修改' }));
    await screen.findByText('已修复40个单元格。');
    expect(pane.changedCells(before)).toEqual(
      Array.from({ length: 40 }, (_, i) => `任务台账!D${i + 4}`).sort(),
    );
    await waitFor(() => expect(screen.queryByText(/状态未填写/)).toBeNull());
  });

  it('names a formula cell apart in 全部修复’s list and changes only the others (item 15)', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    await pane.userDoes(async () => {
      await pane.pasteInto(3, '状态', '进行中');
      // 进度 worked out by the user's formula: 0.5 reads as a fraction, a fix the formula must keep.
      await sim.run(async (c) => {
        c.workbook.worksheets.getItem('任务台账').getRange('E5').formulas = [['=1/2']];
        await c.sync();
      });
    });
    fireEvent.click(tab('校验'));
    fireEvent.click(await screen.findByRole('button', { name: '全部修复（2）' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('任务台账!E5 含公式，不修改，保持原样。')).toBeTruthy();
    expect(within(dialog).getByText(/将修改以下1个单元格/)).toBeTruthy();
    expect(within(dialog).getByText('D6（状态）：“进行中” → “序时推进”')).toBeTruthy();
    expect(within(dialog).queryByText(/^E5/)).toBeNull();
    const before = pane.snapshot();
    fireEvent.click(within(dialog).getByRole('button', { name: '修改' }));
    // Said as done: no "已修复0个单元格…含公式，未修改" after a list that promised the formula cell.
    await screen.findByText('已修复1个单元格。');
    expect(pane.changedCells(before)).toEqual(['任务台账!D6']);
  });

  it('says a jump landed on a row the unit filter hides, and offers 清除筛选 (item 14)', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    await pane.userDoes(() => pane.pasteInto(2, '状态', '完成'));
    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市总工会'));
    fireEvent.click(screen.getByRole('button', { name: '在表格中筛选' }));
    await screen.findByText(/表格已筛选/);
    expect(sim.sheet('任务台账').filteredRows.has(4)).toBe(true);
    fireEvent.click(tab('校验'));
    fireEvent.click(await screen.findByRole('button', { name: /^第2项：状态“完成”/ }));
    await screen.findByText('已选中 任务台账!D5，但该行被隐藏（如被筛选），在表格中看不到。');
    expect(screen.getByText('任务台账!D5 所在行被隐藏。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await screen.findByText('已清除表格筛选。');
    expect(sim.sheet('任务台账').filteredRows.size).toBe(0);
    await waitFor(() => expect(screen.queryByText('任务台账!D5 所在行被隐藏。')).toBeNull());
  });
});

describe('筛选: the user’s own filter, brackets, 完成值', () => {
  it('counts the rows the grid shows beside the user’s filter on 状态, and names it when clearing (item 7)', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    await pane.userDoes(async () => {
      pane.typeInto(3, '状态', '滞后');
      await sim.run(async (c) => {
        c.workbook.tables.getItem('TaskLedger').columns.getItem('状态').filter.applyValuesFilter(['滞后']);
        await c.sync();
      });
    });
    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市教育局'));
    const chosen = tasksForUnit(OFFICIAL_TASKS, '市教育局').length;
    fireEvent.click(screen.getByRole('button', { name: '在表格中筛选' }));
    await screen.findByText(
      `表格已筛选，显示1项任务。“状态”列另有筛选（不是本面板设置的），所选${chosen}项任务中有${chosen - 1}项因此未显示。`,
    );
    expect(40 - sim.sheet('任务台账').filteredRows.size).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await screen.findByText(
      '已清除按单位的筛选；“状态”列的筛选不是本面板设置的，仍然有效，表格显示1项任务。',
    );
  });

  it('finds 各县（市）人民政府 by 各县(市), brackets of either width (item 14)', async () => {
    await TestPane.withLedger();
    fireEvent.click(tab('筛选'));
    fireEvent.change(await screen.findByRole('searchbox'), { target: { value: '各县(市)' } });
    expect(await screen.findByLabelText('各县（市）人民政府')).toBeTruthy();
    expect(screen.getByLabelText('各县（市）区人民政府')).toBeTruthy();
    expect(screen.queryByLabelText('市教育局')).toBeNull();
  });

  it('refuses a typed 三 as it refuses 3个, with the number it could mean, and writes nothing (item 9)', async () => {
    const pane = await TestPane.withLedger();
    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市教育局'));
    const box = await screen.findByLabelText('“在线精品课”的完成值');
    const before = pane.snapshot();
    for (const typed of ['三', '3个']) {
      fireEvent.change(box, { target: { value: typed } });
      fireEvent.blur(box);
      await screen.findByText('不是数字：若指3，请填3。请填写0或正数；留空表示未填报。');
    }
    await pane.settle();
    expect(pane.changedCells(before)).toEqual([]);
  });
});

describe('开始: which sheet is the ledger (item 13)', () => {
  it('names a second ledger-like sheet as not read, and finds one copied later on 重新校验', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    // Right after 新建, nothing else in the workbook looks like a ledger: no sentence.
    expect(screen.queryByText(/看起来也是台账/)).toBeNull();
    // The user keeps last year's ledger beside it, typed by hand.
    await pane.userDoes(() =>
      sim.run(async (c) => {
        const sheet = c.workbook.worksheets.add('2025年台账');
        sheet.getRange('A1:C3').values = [
          ['2025年重点任务台账', '', ''],
          ['序号', '工作任务', '责任单位'],
          [1, '旧任务', '市教育局'],
        ];
        await c.sync();
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: '重新校验' }));
    await screen.findByText(
      '台账是工作表“任务台账”。“2025年台账”看起来也是台账，但本加载项不读取它：校验、筛选和汇总只用“任务台账”。',
    );
    // Summary sheets the add-in made list 序号 / 工作任务 / 责任单位 too, and are not named.
    fireEvent.click(tab('汇总'));
    fireEvent.click(await screen.findByRole('button', { name: '生成汇总表' }));
    await screen.findByText(/已生成2张汇总表/);
    fireEvent.click(tab('开始'));
    const before = pane.snapshot();
    fireEvent.click(await screen.findByRole('button', { name: '重新校验' }));
    await pane.settle();
    expect(screen.getAllByText(/看起来也是台账/)).toHaveLength(1);
    expect(screen.getByText(/^台账是工作表“任务台账”。“2025年台账”看起来/)).toBeTruthy();
    // Looking writes nothing.
    expect(pane.changedCells(before)).toEqual([]);
  });

  it('looks when the pane opens on a workbook that already has a ledger', async () => {
    const first = await TestPane.withLedger();
    // A copy of the ledger's values on a sheet of its own, header on row 3 as on the ledger.
    const values = first.sim.values('任务台账').slice(0, 6);
    await first.sim.run(async (c) => {
      c.workbook.worksheets.add('台账副本').getRange(`A1:K${values.length}`).values = values.map((r) =>
        Array.from({ length: 11 }, (_, i) => r[i] ?? ''),
      );
      await c.sync();
    });
    cleanup();
    TestPane.open(first.sim);
    expect(
      await screen.findByText(
        '台账是工作表“任务台账”。“台账副本”看起来也是台账，但本加载项不读取它：校验、筛选和汇总只用“任务台账”。',
      ),
    ).toBeTruthy();
  });
});

describe('sheets of the user’s with the names ours want (item 17)', () => {
  it('新建 beside a 单位名录 and a 指标 of the user’s: one true sentence each, and the dropdown works', async () => {
    const sim = new ExcelSim();
    await sim.run(async (c) => {
      c.workbook.worksheets.add('单位名录').getRange('A1').values = [['我的通讯录']];
      c.workbook.worksheets.add('指标').getRange('A1').values = [['去年的指标']];
      await c.sync();
    });
    const before = sim.snapshot();
    const pane = TestPane.open(sim);
    fireEvent.click(await screen.findByRole('button', { name: '新建任务台账' }));
    await screen.findByText(
      [
        '已新建台账“任务台账”，共40项任务。',
        '工作簿中原有的“单位名录”工作表没有单位名录表格，未改动也不读取；单位和状态列表建在“单位名录(2)”，从那里读取。',
        '工作簿中原有的“指标”工作表没有指标表格，未改动，其中填写的完成值不读取；量化指标建在“指标(2)”，完成值从那里读取。',
      ].join(' '),
    );
    expect(pane.changedCells(before).filter((a) => /^(单位名录|指标)!/u.test(a))).toEqual([]);
    // No warning that the status dropdown cannot be used: its list exists, on 单位名录(2).
    fireEvent.click(tab('校验'));
    await screen.findByText(/错误 0/);
    expect(screen.queryByText(/状态下拉列表无法选择/)).toBeNull();
    expect(sim.userEdit('任务台账', 'D4', [['已完成']]).ok).toBe(true);
    expect(sim.userEdit('任务台账', 'D5', [['完成了']]).ok).toBe(false);
  });

  it('创建指标表 beside a 指标 sheet without the table says its 完成值 are not read', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    // The user turns the table into plain cells (a 完成值 typed there stays), and 校验 offers the sheet again.
    await pane.userDoes(() =>
      sim.run(async (c) => {
        c.workbook.tables.getItem('Indicators').convertToRange();
        await c.sync();
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: '重新校验' }));
    fireEvent.click(tab('校验'));
    const create = await screen.findAllByRole('button', { name: '创建指标表' });
    fireEvent.click(create[0]);
    await screen.findByText(
      '已新建“指标(2)”表，共23项指标。 工作簿中原有的“指标”工作表没有指标表格，未改动，其中填写的完成值不读取；量化指标建在“指标(2)”，完成值从那里读取。',
    );
  });
});
