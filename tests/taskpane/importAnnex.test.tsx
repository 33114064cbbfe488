/**
 * @jest-environment jsdom
 */
// 开始 › 导入分工表: a table read from the current sheet and one pasted as text, shown before
// anything is written, a problem fixed in the pane, then imported. The whole workbook is diffed:
// only the new sheets, their tables and the plan part change; the source sheet stays as it was.
import { act, configure, fireEvent, screen, within } from '@testing-library/react';
import { ExcelSim, type WorkbookSnapshot } from '../../src/excel-sim';
import { FIXTURES } from '../ledger/annexFixtures';
import { paneClock, TestPane } from './paneHarness';

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 8000, defaultHidden: true });
paneClock();

/** Sheets, tables and parts the import added or changed, by name; a source sheet's change would show as its name. */
function changedParts(before: WorkbookSnapshot, after: WorkbookSnapshot) {
  const sheet = (s: WorkbookSnapshot, name: string) => JSON.stringify(s.sheets.find((x) => x.name === name));
  return {
    sheets: after.sheets.map((s) => s.name).filter((name) => sheet(before, name) !== sheet(after, name)),
    removed: before.sheets.map((s) => s.name).filter((name) => !after.sheets.some((s) => s.name === name)),
    parts: after.customXmlParts.length - before.customXmlParts.length,
  };
}

/** Pastes the text into the pane and reads it: nothing is written yet. */
async function readPasted(text: string) {
  fireEvent.change(await screen.findByRole('textbox', { name: '粘贴的分工表文字' }), {
    target: { value: text },
  });
  await clickButton('读取粘贴的文字');
}

async function clickButton(name: string | RegExp) {
  const button = await screen.findByRole('button', { name });
  act(() => button.click());
}

describe('开始 › 导入分工表', () => {
  it('reads a table on the current sheet, shows it, and imports it without touching the sheet', async () => {
    const sim = new ExcelSim();
    const { rows } = FIXTURES[0];
    const width = Math.max(...rows.map((r) => r.length));
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange(`A1:D${rows.length}`).values = rows.map((r) =>
        Array.from({ length: width }, (_, i) => r[i] ?? ''),
      );
      await c.sync();
    });
    TestPane.open(sim);
    await screen.findByRole('button', { name: '新建任务台账' });
    const before = sim.snapshot();

    await clickButton('读取当前工作表');
    await screen.findByText('已读取工作表“Sheet1”：4项任务，8个单位。尚未写入任何内容。');
    // Read, nothing written.
    expect(sim.snapshot()).toEqual(before);
    const review = screen.getByRole('region', { name: '导入分工表' });
    const table = within(review).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    within(table).getByText('推行企业开办全程网办，开办时间压缩至1个工作日以内。');
    expect(within(table).getAllByText('一、提升政务服务效能')).toHaveLength(2);
    // The guessed kinds, each a dropdown; the skipped rows with their reasons; the title offered.
    const kind = within(review).getByRole('combobox', {
      name: '“各乡镇人民政府”的类别',
    }) as HTMLSelectElement;
    expect(kind.value).toBe('collective');
    const lab = within(review).getByRole('combobox', { name: '“县工商联”的类别' }) as HTMLSelectElement;
    expect(lab.value).toBe('department');
    fireEvent.change(lab, { target: { value: 'enterprise' } });
    within(review).getByText('第9行（空行）');
    expect((within(review).getByRole('textbox', { name: /方案名称/ }) as HTMLInputElement).value).toBe(
      '梨川县优化营商环境重点任务分工',
    );

    await clickButton('导入，生成台账');
    await screen.findByText(/已导入“梨川县优化营商环境重点任务分工”：工作表“任务台账”共4项任务/);
    const after = sim.snapshot();
    const changed = changedParts(before, after);
    expect(changed.removed).toEqual([]);
    expect(changed.sheets).not.toContain('Sheet1');
    expect(changed.sheets.every((name) => !before.sheets.some((s) => s.name === name))).toBe(true);
    expect(changed.sheets).toContain('任务台账');
    expect(changed.sheets).toContain('单位名录');
    expect(changed.parts).toBe(1);
    expect(after.customXmlParts[0].xml).toContain('梨川县优化营商环境重点任务分工');
    // The kind the user chose is the one stored.
    expect(after.customXmlParts[0].xml).toMatch(/"name":"县工商联","aliases":\[\],"kind":"enterprise"/);
    const ledger = sim.values('任务台账').map((r) => r.join('|'));
    expect(ledger.some((r) => r.includes('推行企业开办全程网办'))).toBe(true);
  });

  it('reads pasted text, blocks the import on a problem until the row is fixed, then imports', async () => {
    const sim = new ExcelSim();
    TestPane.open(sim);
    await screen.findByRole('button', { name: '新建任务台账' });
    const before = sim.snapshot();

    await readPasted(FIXTURES[6].text);
    await screen.findByText('已读取粘贴的文字：3项任务，6个单位。尚未写入任何内容。');
    const review = screen.getByRole('region', { name: '导入分工表' });
    within(review).getByText(/第4行（粘贴的文字）：完成时限无法识别（明年）/);
    expect(within(review).getByRole('button', { name: '导入，生成台账' })).toHaveProperty('disabled', true);

    // The row's text is edited in the pane and read again: the problem is gone, nothing guessed.
    await clickButton('修改此行');
    const edit = within(review).getByRole('textbox', {
      name: /第4行（粘贴的文字）的内容/,
    }) as HTMLTextAreaElement;
    expect(edit.value).toBe('3\t完善企业信用修复机制。\t税务局、市市场监管局。\t明年');
    fireEvent.change(edit, {
      target: { value: '3\t完善企业信用修复机制。\t税务局、市市场监管局。\t2026年底前' },
    });
    await clickButton('按修改重新读取');
    await screen.findByText('2026年底前', { selector: 'td' });
    expect(within(review).queryByRole('alert')).toBeNull();
    // No title row in this text: the import waits for one, typed by the user.
    within(review).getByText('请填写方案名称。');
    fireEvent.change(within(review).getByRole('textbox', { name: /方案名称/ }), {
      target: { value: '某市营商环境重点任务' },
    });
    await clickButton('导入，生成台账');
    await screen.findByText(/已导入“某市营商环境重点任务”：工作表“任务台账”共3项任务/);
    const after = sim.snapshot();
    const changed = changedParts(before, after);
    expect(changed.removed).toEqual([]);
    expect(changed.sheets).not.toContain('Sheet1');
    expect(changed.parts).toBe(1);
    const ledger = sim.values('任务台账').map((r) => r.join('|'));
    expect(ledger.some((r) => r.includes('完善企业信用修复机制。') && r.includes('2026年底前'))).toBe(true);
  });

  it('shows a full name taken for its short form as a guess, and keeps them apart on 分开', async () => {
    const sim = new ExcelSim();
    TestPane.open(sim);
    await screen.findByRole('button', { name: '新建任务台账' });
    await readPasted(
      [
        '序号\t重点任务\t牵头单位\t配合单位',
        '1\t开发城镇公益性岗位500个。\t梨川市人力资源和社会保障局\t市财政局',
        '2\t组织专项招聘活动不少于20场。\t市人社局\t市教育局',
      ].join('\n'),
    );
    await screen.findByText('已读取粘贴的文字：2项任务，3个单位。尚未写入任何内容。');
    const review = screen.getByRole('region', { name: '导入分工表' });
    within(review).getByText(/“梨川市人力资源和社会保障局”视为“市人社局”/);
    await clickButton('把“梨川市人力资源和社会保障局”作为单独的单位');
    await screen.findByText('已读取粘贴的文字：2项任务，4个单位。尚未写入任何内容。');
    expect(within(review).queryByText(/视为“市人社局”/)).toBeNull();
    // No directory lists 梨川's bureau: nothing to say about it.
    expect(within(review).queryByText(/将作为单独的单位/)).toBeNull();
    // The 分开 is shown and can be taken back without reading the source again.
    within(review).getByText('“梨川市人力资源和社会保障局”已分开，作为单独的单位。');
    await clickButton('撤销分开“梨川市人力资源和社会保障局”');
    await screen.findByText('已读取粘贴的文字：2项任务，3个单位。尚未写入任何内容。');
    within(review).getByText(/“梨川市人力资源和社会保障局”视为“市人社局”/);
    expect(within(review).queryByText(/已分开/)).toBeNull();
  });

  it('lists a row with two problems once, with one editor', async () => {
    TestPane.open(new ExcelSim());
    await screen.findByRole('button', { name: '新建任务台账' });
    await readPasted(
      [
        '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
        '1\t推进项目开工。\t市发改委\t\t2027年底前',
        '2\t完善信用修复机制。\t\t\t明年',
      ].join('\n'),
    );
    const problems = await screen.findByRole('alert');
    expect(within(problems).getByRole('heading').textContent).toMatch(/2/);
    const items = within(problems).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toMatch(/；/);
    expect(within(problems).getAllByRole('button', { name: '修改此行' })).toHaveLength(1);
    act(() => within(problems).getByRole('button', { name: '修改此行' }).click());
    expect(await within(problems).findAllByRole('textbox')).toHaveLength(1);
  });

  it('says before the import that a name kept apart is an alias of another unit in 单位名录', async () => {
    const sim = new ExcelSim();
    TestPane.open(sim);
    await clickButton('新建任务台账');
    await screen.findByText(/台账：工作表“任务台账”，共40项任务/);
    // Beside a ledger the hint says what the import makes: its own 指标 sheet (it once said 指标 stayed the first plan's).
    await screen.findByText(/另建一个该方案的台账.*该方案的指标另建一个工作表/);
    expect(screen.queryByText(/指标仍只属第一个方案/)).toBeNull();
    await readPasted(
      [
        '四平市就业促进行动重点任务分工',
        '序号\t重点任务\t牵头单位\t配合单位',
        '1\t开发城镇公益性岗位500个。\t四平市人力资源和社会保障局\t市财政局',
        '2\t组织专项招聘活动不少于20场。\t市人社局\t市教育局',
      ].join('\n'),
    );
    const review = await screen.findByRole('region', { name: '导入分工表' });
    expect(within(review).queryByText(/将作为单独的单位/)).toBeNull();
    const before = sim.snapshot();
    await clickButton('把“四平市人力资源和社会保障局”作为单独的单位');
    await within(review).findByText(
      '单位名录中“市人社局”的别名“四平市人力资源和社会保障局”将作为单独的单位。',
    );
    expect(sim.snapshot()).toEqual(before);
  });

  const EMPLOYMENT = [
    '四平市就业促进行动重点任务分工',
    '序号\t重点任务\t牵头单位\t配合单位',
    '1\t开发城镇公益性岗位500个。\t四平市人力资源和社会保障局\t市财政局',
    '2\t组织专项招聘活动不少于20场。\t市人社局\t市教育局',
  ].join('\n');

  it('names the built-in directory, not 单位名录, when a workbook without one has the alias (Q2)', async () => {
    TestPane.open(new ExcelSim());
    await screen.findByRole('button', { name: '新建任务台账' });
    await readPasted(EMPLOYMENT);
    const review = await screen.findByRole('region', { name: '导入分工表' });
    await clickButton('把“四平市人力资源和社会保障局”作为单独的单位');
    await within(review).findByText(
      '内置单位名录中“市人社局”的别名“四平市人力资源和社会保障局”将作为单独的单位。',
    );
    expect(within(review).queryByText(/^单位名录中/)).toBeNull();
  });

  it('says a pair an earlier import kept apart stays apart, and offers no 分开 (Q1)', async () => {
    const sim = new ExcelSim();
    TestPane.open(sim);
    await screen.findByRole('button', { name: '新建任务台账' });
    await readPasted(EMPLOYMENT);
    await clickButton('把“四平市人力资源和社会保障局”作为单独的单位');
    await clickButton('导入，生成台账');
    await screen.findByText(/已导入“四平市就业促进行动重点任务分工”/);
    // A second plan naming both forms again.
    await readPasted(
      [
        '四平市稳岗扩岗重点任务分工',
        '序号\t重点任务\t牵头单位\t配合单位',
        '1\t发放稳岗返还资金。\t四平市人力资源和社会保障局\t市财政局',
        '2\t开展技能培训。\t市人社局\t市教育局',
      ].join('\n'),
    );
    const review = await screen.findByRole('region', { name: '导入分工表' });
    await within(review).findByText(
      '单位名录中“四平市人力资源和社会保障局”已是单独的单位（此前已分开），导入后仍与“市人社局”分开。',
    );
    expect(within(review).queryByText(/视为“市人社局”/)).toBeNull();
    expect(
      within(review).queryByRole('button', { name: '把“四平市人力资源和社会保障局”作为单独的单位' }),
    ).toBeNull();
  });

  it('shows a 统称 the workbook’s 单位名录 lists with the members listed there', async () => {
    const sim = new ExcelSim();
    TestPane.open(sim);
    await clickButton('新建任务台账');
    await screen.findByText(/台账：工作表“任务台账”，共40项任务/);
    await readPasted(
      ['序号\t工作任务\t牵头单位\t配合单位', '1\t改造老旧小区30个。\t市住建局\t各县（市）区人民政府'].join(
        '\n',
      ),
    );
    const review = await screen.findByRole('region', { name: '导入分工表' });
    await within(review).findByText(/单位名录中已有此统称，成员：.*铁西区人民政府.*（导入时沿用）/);
    expect(within(review).queryByText(/未推测出成员/)).toBeNull();
  });

  it('on a workbook without 单位名录, says a 统称’s members come from the built-in directory', async () => {
    TestPane.open(new ExcelSim());
    await readPasted(
      ['序号\t工作任务\t牵头单位\t配合单位', '1\t改造老旧小区30个。\t市住建局\t各县（市）区人民政府'].join(
        '\n',
      ),
    );
    const review = await screen.findByRole('region', { name: '导入分工表' });
    await within(review).findByText(
      '成员取自内置名录：各县（市）人民政府（统称：梨树县人民政府、伊通满族自治县人民政府、双辽市人民政府）、铁西区人民政府、铁东区人民政府（导入时写入单位名录）。',
    );
    expect(within(review).queryByText(/单位名录中已有/)).toBeNull();
  });

  it('excludes a problem row when the user leaves it out', async () => {
    TestPane.open(new ExcelSim());
    await screen.findByRole('button', { name: '新建任务台账' });
    await readPasted(FIXTURES[6].text);
    await clickButton('不导入此行');
    await screen.findByText('已读取粘贴的文字：2项任务，4个单位。尚未写入任何内容。');
    expect(screen.queryByText('完善企业信用修复机制。', { selector: 'td' })).toBeNull();
  });
});

describe('导入分工表 preview: 原序号, 责任领导 and the rows the user finds (M1, N6)', () => {
  it('shows the 序号 and 原序号 the import writes, the 责任领导, and names rows by the sheet row', async () => {
    const sim = new ExcelSim();
    const rows = [
      ['序号', '工作任务', '责任领导', '牵头单位', '配合单位'],
      ['一、扩大投资', '', '', '', ''],
      ['1', '谋划储备重大项目。', '张副市长', '市发改委', '市财政局'],
      ['2', '推进项目开工。', '李副市长', '', ''],
      ['二、优化环境', '', '', '', ''],
      ['1', '压缩企业开办时间。', '', '市市场监管局', ''],
    ];
    // Two rows above the table are empty: the table starts at sheet row 3.
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange(`A3:E${rows.length + 2}`).values = rows;
      await c.sync();
    });
    TestPane.open(sim);
    await screen.findByRole('button', { name: '新建任务台账' });
    await clickButton('读取当前工作表');
    const review = await screen.findByRole('region', { name: '导入分工表' });
    const table = within(review).getByRole('table');
    const cells = (row: HTMLElement) =>
      within(row)
        .queryAllByRole('cell')
        .map((c) => c.textContent);
    const header = within(table).getAllByRole('row')[0];
    expect(
      within(header)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['序号', '原序号', '工作任务', '牵头单位', '配合单位', '完成时限', '责任领导', '分组']);
    expect(cells(within(table).getAllByRole('row')[1])).toEqual([
      '1',
      '一-1',
      '谋划储备重大项目。',
      '市发改委',
      '市财政局',
      '',
      '张副市长',
      '一、扩大投资',
    ]);
    // The problem row is sheet row 6 (table row 4); left out, it is named as the user's exclusion.
    within(review).getByText(/^第6行：没有责任单位/);
    await clickButton('不导入此行');
    await screen.findByText('已读取工作表“Sheet1”：2项任务，3个单位。尚未写入任何内容。');
    within(review).getByText('第6行（已排除：您选择不导入此行）2 推进项目开工。 李副市长');
    expect(within(review).queryByText(/空行/)).toBeNull();
  });

  it('names a pasted table row by the line of the text it starts on', async () => {
    TestPane.open(new ExcelSim());
    await screen.findByRole('button', { name: '新建任务台账' });
    await readPasted(
      [
        '序号\t工作任务\t责任单位',
        '1\t"谋划储备重大项目，',
        '分批推进开工。"\t市发改委',
        '2\t推进项目开工。\t',
      ].join('\n'),
    );
    const review = await screen.findByRole('region', { name: '导入分工表' });
    within(review).getByText(/^第4行（粘贴的文字）：没有责任单位/);
    await clickButton('修改此行');
    within(review).getByRole('textbox', { name: /第4行（粘贴的文字）的内容/ });
  });
});
