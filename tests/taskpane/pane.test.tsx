/**
 * @jest-environment jsdom
 */
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ExcelSim, simModel } from '../../src/excel-sim';
import { ensureLedgerId, readLedger, type LedgerRead } from '../../src/excel';
import { writeReturnForm } from '../../src/files';
import {
  dayFromLocalDate,
  DEFAULT_STATUSES,
  OFFICIAL_TASKS,
  returnFormSpec,
  summarize,
  tasksForUnit,
} from '../../src/ledger';
import { AS_OF_DATE } from '../asOf';
import { paneClock, TestPane } from './paneHarness';

// Tabs load their code on first use; give lazy chunks and simulated syncs time on a busy CI machine.
jest.setTimeout(30_000);
// Role queries skip the per-element visibility check (getComputedStyle), jsdom's slowest part; the pane hides nothing it renders.
configure({ asyncUtilTimeout: 8000, defaultHidden: true });

paneClock();

const tab = (name: string) => screen.getByRole('tab', { name });

describe('task pane', () => {
  it('offers create and adopt when there is no ledger, and creates the 40 tasks', async () => {
    const { sim } = TestPane.open();
    expect(await screen.findByText('当前工作簿中还没有任务台账。')).toBeTruthy();
    expect(screen.getByText(/新建“任务台账”“单位名录”和“指标”三张工作表/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '使用当前工作表' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '新建任务台账' }));
    await screen.findByText(/已新建台账“任务台账”，共40项任务/);
    expect(sim.values('任务台账').slice(3)).toHaveLength(40);
    expect(screen.getByText(/上次校验/)).toBeTruthy();
  });

  it('validates, jumps to a finding’s cell, fixes one and then all', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    await pane.userDoes(async () => {
      await pane.pasteInto(2, '状态', '完成');
      await pane.pasteInto(3, '状态', '进行中');
      // A near edit of task 4's text (its number agrees), so restoring it is safe.
      await pane.pasteInto(4, '工作任务', OFFICIAL_TASKS[3].task.replace('职教本科', '本科'));
    });
    fireEvent.click(tab('校验'));
    await screen.findByText(/状态“完成”不在列表/);
    fireEvent.click(screen.getByRole('button', { name: /^第2项：状态“完成”/ }));
    await screen.findByText('已选中 任务台账!D5');
    expect(sim.state.selection?.rect).toEqual({ row: 4, column: 3, rowCount: 1, columnCount: 1 });
    fireEvent.click(screen.getByRole('button', { name: /修复: 第2项/ }));
    await waitFor(() => expect(pane.cell(2, '状态')).toBe('已完成'));
    await waitFor(() => expect(screen.queryByText(/状态“完成”不在列表/)).toBeNull());
    await pane.settle();
    fireEvent.click(await screen.findByRole('button', { name: /全部修复（2）/ }));
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText(
        '将修改以下2个单元格（只修改有安全修复的单元格），其他单元格不变。确定吗？',
      ),
    ).toBeTruthy();
    // Task by task, each cell with its old and new text.
    expect(within(dialog).getByText(/^第3项（第6行）/)).toBeTruthy();
    expect(within(dialog).getByText('D6（状态）：“进行中” → “序时推进”')).toBeTruthy();
    expect(within(dialog).getByText(/^第4项（第7行）/)).toBeTruthy();
    expect(
      within(dialog).getByText(
        'B7（工作任务）：“支持四平职业大学申报本科专业。” → “支持四平职业大学申报职教本科专业。”',
      ),
    ).toBeTruthy();
    fireEvent.click(await within(dialog).findByRole('button', { name: '修改' }));
    await waitFor(() => expect(pane.cell(3, '状态')).toBe('序时推进'));
    await waitFor(() => expect(pane.cell(4, '工作任务')).toBe(OFFICIAL_TASKS[3].task));
    // What remains is new and true: task 2 is 已完成 while its three counties' 职教中心 are unreported.
    await waitFor(() => expect(screen.getAllByText(/第2项已标记“已完成”，但完成值未填写/)).toHaveLength(3));
    expect(screen.queryByText(/状态“/)).toBeNull();
  });

  it('filters by 双辽市人民政府 with and without collectives, agreeing with the core', async () => {
    const { sim } = await TestPane.withLedger();
    fireEvent.click(tab('筛选'));
    fireEvent.change(await screen.findByRole('searchbox'), { target: { value: '双辽' } });
    fireEvent.click(screen.getByLabelText('双辽市人民政府'));
    const all = tasksForUnit(OFFICIAL_TASKS, '双辽市人民政府');
    await screen.findByText(`已选1个单位，${all.length}项任务`);
    fireEvent.click(screen.getByRole('button', { name: '在表格中筛选' }));
    await screen.findByText(`表格已筛选，显示${all.length}项任务。`);
    expect(40 - sim.sheet('任务台账').filteredRows.size).toBe(all.length);
    fireEvent.click(screen.getByRole('switch'));
    const direct = tasksForUnit(OFFICIAL_TASKS, '双辽市人民政府', { includeCollectives: false });
    await screen.findByText(`已选1个单位，${direct.length}项任务`);
    fireEvent.click(screen.getByRole('button', { name: '在表格中筛选' }));
    await screen.findByText(`表格已筛选，显示${direct.length}项任务。`);
    expect(40 - sim.sheet('任务台账').filteredRows.size).toBe(direct.length);
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(sim.sheet('任务台账').filteredRows.size).toBe(0));
  });

  it('changes a status from the dropdown, writing only that cell', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市总工会'));
    const dropdown = await screen.findByLabelText('第24项的状态');
    const before = pane.snapshot();
    const batches = sim.batches.length;
    // Arrow keys move through the list without writing; the choice (Enter) writes once.
    dropdown.focus();
    fireEvent.keyDown(dropdown, { key: 'ArrowDown' });
    fireEvent.keyDown(dropdown, { key: 'ArrowDown' });
    fireEvent.keyDown(dropdown, { key: 'ArrowDown' });
    expect(sim.batches.length).toBe(batches);
    fireEvent.click(await within(await screen.findByRole('listbox')).findByText('已完成'));
    await screen.findByText(/第24项状态已改为“已完成”（任务台账!D27）/);
    expect(pane.changedCells(before)).toEqual([`任务台账!${pane.address(24, '状态')}`]);
  });

  it('generates the summary sheets and links to them', async () => {
    const { sim } = await TestPane.withLedger();
    fireEvent.click(tab('汇总'));
    fireEvent.click(await screen.findByRole('button', { name: '生成汇总表' }));
    await screen.findByText(/已生成2张汇总表/);
    expect(sim.state.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      '任务台账',
      '单位名录',
      '指标',
      '汇总-总体',
      '汇总-滞后逾期',
      '进度快照',
    ]);
    fireEvent.click(screen.getByRole('button', { name: '打开“汇总-滞后逾期”' }));
    await waitFor(() => expect(sim.state.activeSheet().name).toBe('汇总-滞后逾期'));
  });

  it('keeps the leaders’ recipients in the workbook, leaving out what is not an address', async () => {
    const { sim } = await TestPane.withLedger();
    fireEvent.click(tab('汇总'));
    fireEvent.change(await screen.findByLabelText('收件人（领导）'), {
      target: { value: 'wang@example.gov.cn; 王局长' },
    });
    fireEvent.change(screen.getByLabelText('抄送'), { target: { value: 'ducha@example.gov.cn' } });
    fireEvent.click(screen.getByRole('button', { name: '保存收件人' }));
    await screen.findByText('收件人已保存在本工作簿中。 以下内容不是邮箱地址，已忽略：王局长。');
    expect(sim.state.settings.get('renwuTaizhang.mailRecipients')).toEqual({
      to: [{ email: 'wang@example.gov.cn' }],
      cc: [{ email: 'ducha@example.gov.cn' }],
    });
    // Every unit with tasks gets a draft (a 统称 is no mailbox); none has an address in the default 单位名录.
    expect(screen.getByText('各单位邮件草稿（有任务的21个单位）')).toBeTruthy();
    // Settings travel with every copy of the workbook (issue 23, item 15): said beside the field.
    expect(screen.getByText(/地址存于本工作簿，随文件复制/)).toBeTruthy();
    expect(screen.getAllByText('缺邮箱')).toHaveLength(21);
  });

  it('on a Mac, where a pane cannot download, opens the summary workbook in Excel instead', async () => {
    const opened: string[] = [];
    const sim = new ExcelSim();
    TestPane.open(sim, 'zh-CN', {
      canDownload: false,
      openWorkbook: async (base64) => {
        opened.push(base64);
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: '新建任务台账' }));
    await screen.findByText(/台账：工作表“任务台账”，共40项任务/);
    fireEvent.click(tab('汇总'));
    expect(await screen.findByText(/Mac 上的任务窗格不能下载文件/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '导出汇总工作簿（.xlsx）' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '在新工作簿中打开' }));
    // Excel on a Mac opens the new workbook behind the current window (office-js #6943): say where it is.
    await screen.findByText(/已在新工作簿中打开汇总表（或在本窗口后，见“窗口”菜单）/);
    // The bytes Excel.createWorkbook is given are an .xlsx: a zip holding the workbook part.
    const bytes = Buffer.from(opened[0], 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('xl/workbook.xml'))).toBe(true);
  });

  it('imports a unit’s returned form: review, apply with a change log, undo', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    fireEvent.click(tab('反馈'));
    await screen.findByText('有任务的21个单位');
    // The form as the tab makes it, filled in as 市总工会 would.
    const ledgerId = await sim.runExcel((c) => ensureLedgerId(c));
    const read = (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
    const spec = returnFormSpec(summarize(read.ledger, { asOf: dayFromLocalDate(AS_OF_DATE) }), '市总工会', {
      ledgerId,
      statuses: DEFAULT_STATUSES,
      ledger: read.ledger,
    });
    const rows = spec.rows.map((r) => (r.no === 24 ? { ...r, status: '已完成' } : r));
    const bytes = await writeReturnForm({ ...spec, rows }, AS_OF_DATE);
    const file = new File([new Uint8Array(bytes)], spec.fileName);
    fireEvent.change(screen.getByLabelText('选择反馈表文件…', { selector: 'input' }), {
      target: { files: [file] },
    });
    await screen.findByText('已读取1个文件，共1处可能的更改，请审核。');
    const change = screen.getByLabelText('第24项 状态：“未启动” → “已完成”（市总工会）') as HTMLInputElement;
    expect(change.checked).toBe(true);
    const before = pane.snapshot();
    fireEvent.click(screen.getByRole('button', { name: '应用所选的1处更改' }));
    await screen.findByText('已导入1处更改，逐项记录在工作表“变更记录”。');
    const changed = pane.changedCells(before).filter((a) => !a.startsWith('变更记录!'));
    // The ledger's cell, and 报送登记 made for the return (a unit no round asked: recorded, not owed).
    expect(changed.filter((a) => !a.startsWith('报送登记!'))).toEqual([
      `任务台账!${pane.address(24, '状态')}`,
    ]);
    expect(changed.filter((a) => a.startsWith('报送登记!'))).toHaveLength(2 * 8);
    expect(pane.cell(24, '状态')).toBe('已完成');
    fireEvent.click(screen.getByRole('button', { name: '撤销上次导入' }));
    await screen.findByText(
      '已撤销“市总工会_四平市职教重点任务反馈表_20261128.xlsx”的1处更改。此前据导入内容生成的汇总表和邮件不会随之改变，如已生成，请重新生成。',
    );
    expect(pane.cell(24, '状态')).toBe('未启动');
  });

  it('explains a protected sheet and leaves the data unchanged', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    await pane.userDoes(() =>
      sim.run(async (c) => {
        c.workbook.worksheets.getItem('任务台账').protection.protect();
        await c.sync();
      }),
    );
    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市总工会'));
    const before = sim.snapshot();
    fireEvent.click(await screen.findByLabelText('第24项的状态'));
    fireEvent.click(await within(await screen.findByRole('listbox')).findByText('已完成'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('工作表受保护');
    expect(JSON.stringify(sim.snapshot().sheets)).toBe(JSON.stringify(before.sheets));
  });

  it('says when the ledger is missing and the adopt target has no header row', async () => {
    TestPane.open();
    fireEvent.click(await screen.findByRole('button', { name: '使用当前工作表' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sheet1');
    expect(alert.textContent).toContain('序号');
    // The title and the sentence are two parts, read as such: not 操作未完成在工作表….
    expect(alert.textContent).toMatch(/^操作未完成：在工作表“Sheet1”/u);
  });

  it('re-reads once per debounce window however many edits arrive', async () => {
    const pane = await TestPane.withLedger();
    // One re-read: one sync for the ledger (reference data is cached).
    expect(
      await pane.syncsFor(() => {
        for (let i = 0; i < 5; i++) pane.typeInto(1, '进展情况', `进展${i}`);
      }),
    ).toBe(1);
  });

  it('re-reads 单位名录 when its edit is followed by a ledger edit in the same window', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    expect(sim.values('单位名录')[1][0]).toBe('市教育局');
    await pane.userDoes(() => {
      sim.userEdit('单位名录', 'B2', [['教体局']]);
      pane.typeInto(4, '责任单位', '教体局、四平职业大学');
    });
    fireEvent.click(tab('校验'));
    await screen.findByText(/责任单位与正式任务第4项不同/);
    expect(screen.queryByText(/未知的责任单位“教体局”/)).toBeNull();
  });

  it('reports a deleted 单位名录 and rebuilds it from the 校验 tab', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    await pane.userDoes(() =>
      sim.run(async (c) => {
        c.workbook.worksheets.getItem('单位名录').delete();
        await c.sync();
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: '重新校验' }));
    fireEvent.click(tab('校验'));
    await screen.findByText(/工作簿中没有“单位名录”表格和状态列表/);
    fireEvent.click(screen.getByRole('button', { name: '重建' }));
    await screen.findByText('已在工作表“单位名录”重建单位名录和状态列表，状态下拉列表已恢复。');
    await waitFor(() => expect(screen.queryByText(/工作簿中没有“单位名录”/)).toBeNull());
    expect(sim.userEdit('任务台账', 'D5', [['已完成']]).ok).toBe(true);
  });

  it('keeps focus on the pane: the heading after 新建, the 全部修复 button after Esc', async () => {
    const pane = await TestPane.withLedger();
    await waitFor(() => expect(document.activeElement?.textContent).toContain('台账：工作表“任务台账”'));
    await pane.userDoes(() => pane.typeInto(1, '进度(%)', '0.5'));
    fireEvent.click(tab('校验'));
    const fixAll = await screen.findByRole('button', { name: /全部修复（1）/ });
    fireEvent.click(fixAll);
    const dialog = await screen.findByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(fixAll);
  });

  it("shows the protection switch as the sheet is, leaves a user's protection alone, and notices follow a language switch", async () => {
    const { sim } = await TestPane.withLedger();
    fireEvent.click(tab('设置'));
    const toggle = await screen.findByRole('switch', { name: /保护正式列/ });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    await screen.findByText(/已保护正式列/);
    expect(sim.sheet('任务台账').protection.protected).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: '界面语言' }), { target: { value: 'en' } });
    await screen.findByText(/Official columns protected/);
    fireEvent.click(toggle);
    await screen.findByText('Protection removed.');
    expect(sim.sheet('任务台账').protection.protected).toBe(false);
  });

  it("shows a user's own protection as on, and does not offer to lift it", async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    await pane.userDoes(() =>
      sim.run(async (c) => {
        c.workbook.worksheets.getItem('任务台账').protection.protect(undefined, '口令');
        await c.sync();
      }),
    );
    fireEvent.click(tab('设置'));
    const toggle = await screen.findByRole('switch', { name: /保护正式列/ });
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true));
    expect((toggle as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/此工作表的保护不是本加载项设置的/)).toBeTruthy();
  });

  it('re-checks when a dropdown choice raised no change event: the one cell on leaving it, and all when the pane is shown again', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    const sheet = sim.sheet('任务台账');
    // Excel on the web may not raise onChanged for a value picked from a cell's dropdown (office-js
    // #3888, #4066): the user clicks task 2's status, picks, and clicks elsewhere.
    sim.userSelect('任务台账', pane.address(2, '状态'));
    await pane.settle();
    expect(
      await pane.syncsFor(() =>
        pane.userDoes(() => {
          expect(sim.userPick('任务台账', pane.address(2, '状态'), '滞后').ok).toBe(true);
          sim.userSelect('任务台账', 'B10');
        }),
      ),
    ).toBe(2);
    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市总工会'));
    fireEvent.click(tab('校验'));
    // A value the dropdown cannot offer, put in past it: the same path, the one cell read first.
    sim.userSelect('任务台账', pane.address(3, '状态'));
    await pane.userDoes(() => {
      simModel.storeValue(simModel.writableCell(sheet, 5, 3), '进行中');
      sim.userSelect('任务台账', 'B10');
    });
    await screen.findByText(/第3项：状态“进行中”不在列表/);
    await pane.userDoes(() => {
      simModel.storeValue(simModel.writableCell(sheet, 6, 3), '办理中');
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await screen.findByText(/第4项：状态“办理中”不在列表/);
  });

  it('re-reads nothing for clicks that leave no status cell, nor for edits in tables it does not show (issue 23, item 2)', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    // Clicks anywhere, a status cell left unchanged included: no request at all.
    expect(
      await pane.syncsFor(() =>
        pane.userDoes(() => {
          sim.userSelect('任务台账', 'B10');
          sim.userSelect('任务台账', pane.address(5, '进展情况'));
          sim.userSelect('单位名录', 'A3');
        }),
      ),
    ).toBe(0);
    sim.userSelect('任务台账', pane.address(5, '状态'));
    await pane.settle();
    // Leaving a status cell that still holds what the pane shows: the one cell read, nothing more.
    expect(await pane.syncsFor(() => pane.userDoes(() => sim.userSelect('任务台账', 'B10')))).toBe(1);
    // A table of the user's own, on a sheet of theirs: edits there are none of the pane's business.
    await sim.run(async (c) => {
      const mine = c.workbook.worksheets.add('我的表');
      mine.getRange('A1:B2').values = [
        ['事项', '备注'],
        ['甲', ''],
      ];
      mine.tables.add('A1:B2', true);
      await c.sync();
    });
    await pane.settle();
    expect(await pane.syncsFor(() => pane.userDoes(() => sim.userEdit('我的表', 'B2', [['改']])))).toBe(0);
  });

  it('removes its change handler when the pane goes away', async () => {
    const pane = await TestPane.withLedger();
    cleanup();
    await pane.wait(50);
    expect(await pane.syncsFor(() => pane.typeInto(1, '进展情况', '进展'))).toBe(0);
  });

  it('waits for few round trips: create 2, a status 2, one fix 2, summaries 3 (again 3), the pane settled included', async () => {
    const pane = TestPane.open();
    const create = await screen.findByRole('button', { name: '新建任务台账' });
    expect(
      await pane.syncsFor(async () => {
        fireEvent.click(create);
        await screen.findByText(/台账：工作表“任务台账”，共40项任务/);
      }),
    ).toBe(2);

    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市总工会'));
    const dropdown = await screen.findByLabelText('第24项的状态');
    expect(
      await pane.syncsFor(async () => {
        fireEvent.click(dropdown);
        fireEvent.click(await within(await screen.findByRole('listbox')).findByText('滞后'));
        await screen.findByText(/第24项状态已改为“滞后”/);
      }),
    ).toBe(2);

    await pane.userDoes(() => pane.pasteInto(2, '状态', '完成'));
    fireEvent.click(tab('校验'));
    const fix = await screen.findByRole('button', { name: /修复: 第2项/ });
    expect(
      await pane.syncsFor(async () => {
        fireEvent.click(fix);
        await screen.findByText('已修复1个单元格。');
      }),
    ).toBe(2);
    expect(screen.queryByText(/状态“完成”不在列表/)).toBeNull();

    fireEvent.click(tab('汇总'));
    const generate = await screen.findByRole('button', { name: '生成汇总表' });
    expect(
      await pane.syncsFor(async () => {
        fireEvent.click(generate);
        // 总体, 滞后逾期 and the sheet of 市总工会, chosen on the 筛选 tab.
        await screen.findByText(/已生成3张汇总表/);
      }),
      // Read everything (the snapshots kept included); write; remember.
    ).toBe(3);
    // Again, with earlier summary sheets to check and replace and a snapshot to replace: still three.
    expect(
      await pane.syncsFor(async () => {
        fireEvent.click(generate);
        await screen.findByText(/已更新截至2026-11-28的进度快照/);
      }),
    ).toBe(3);
  });

  it('takes a 完成值 on a task card in two syncs, and the light and the 指标 sheet follow', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    fireEvent.click(tab('筛选'));
    fireEvent.click(await screen.findByLabelText('市教育局'));
    const box = await screen.findByLabelText('“在线精品课”的完成值');
    const before = pane.snapshot();
    const row = sim.values('指标').findIndex((r) => r[0] === 14 && r[1] === '在线精品课') + 1;
    // Text that is not a number is refused in the pane and never written.
    fireEvent.change(box, { target: { value: '很多' } });
    fireEvent.blur(box);
    await screen.findByText('请填写0或正数；留空表示未填报。');
    expect(pane.changedCells(before)).toEqual([]);
    fireEvent.change(box, { target: { value: '4' } });
    expect(
      await pane.syncsFor(async () => {
        fireEvent.keyDown(box, { key: 'Enter' });
        await screen.findByText(`“在线精品课”完成值已记为4（指标!F${row}）。`);
      }),
    ).toBeLessThanOrEqual(2);
    expect(pane.changedCells(before)).toEqual([`指标!F${row}`, `指标!G${row}`, `指标!H${row}`]);
    expect(sim.values('指标')[row - 1][6]).toBe(0.4);
    expect(await screen.findByText(/目标10门 · 完成40%/)).toBeTruthy();
    // Leaving the box unchanged writes nothing.
    const batches = sim.batches.length;
    fireEvent.blur(await screen.findByLabelText('“在线精品课”的完成值'));
    expect(sim.batches.length).toBe(batches);
  });

  it('offers the 指标 sheet when it is gone, makes it, and 重新识别 proposes only what is missing', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    await pane.userDoes(() =>
      sim.run(async (c) => {
        c.workbook.worksheets.getItem('指标').delete();
        await c.sync();
      }),
    );
    // A deleted sheet raises no table event: the user's 重新校验 reads the workbook again.
    fireEvent.click(screen.getByRole('button', { name: '重新校验' }));
    fireEvent.click(tab('校验'));
    await screen.findByText(/任务正文中有23个量化指标/);
    expect(screen.getByText('工作簿中还没有本方案的“指标”表。')).toBeTruthy();
    const [fromFinding] = await screen.findAllByRole('button', { name: '创建指标表' });
    fireEvent.click(fromFinding);
    await screen.findByText('已新建“指标”表，共23项指标。');
    await screen.findByText('“指标”表共23项指标，已填报0项。');
    expect(screen.queryByText(/任务正文中有23个量化指标/)).toBeNull();
    await pane.userDoes(() =>
      sim.run(async (c) => {
        c.workbook.worksheets.getItem('指标').getRange('3:3').delete('Up');
        await c.sync();
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: '重新识别' }));
    const offer = await screen.findByLabelText(/第2项 职教中心（梨树县人民政府），目标1所/);
    expect(offer).toBeTruthy();
    const before = pane.snapshot();
    fireEvent.click(screen.getByRole('button', { name: '添加选中的指标（1）' }));
    await screen.findByText('已在指标表末尾添加1项指标。');
    // One new row at the table's end (22 rows were left): nothing else changes.
    expect(pane.changedCells(before)).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I'].map((c) => `指标!${c}24`),
    );
    fireEvent.click(await screen.findByRole('button', { name: '重新识别' }));
    await screen.findByText('任务正文中的量化指标都已在指标表中。');
  });

  it('keeps each report: lists the dates, compares with the one chosen, and says what changed', async () => {
    const pane = await TestPane.withLedger();
    const { sim } = pane;
    fireEvent.click(tab('汇总'));
    await screen.findByText(/尚无已保存的报告/);
    const date = screen.getByLabelText('截至日期');
    fireEvent.change(date, { target: { value: '2026-09-30' } });
    fireEvent.click(screen.getByRole('button', { name: '生成汇总表' }));
    await screen.findByText(/已记录截至2026-09-30的进度快照。/);
    await screen.findByText('已保存的报告（1期，见“进度快照”表）：2026-09-30');
    await pane.userDoes(() => pane.typeInto(5, '状态', '已完成'));
    fireEvent.change(date, { target: { value: '2026-10-31' } });
    fireEvent.click(screen.getByRole('button', { name: '生成汇总表' }));
    await screen.findByText(/已记录截至2026-10-31的进度快照。/);
    await pane.userDoes(() => pane.typeInto(6, '状态', '已完成'));
    fireEvent.change(date, { target: { value: '2026-11-28' } });
    // The latest earlier report is offered first; September is chosen instead.
    const choice = await screen.findByRole('combobox', { name: '本期变化与哪一期报告比较' });
    expect(choice.textContent).toContain('最近一期（2026-10-31）');
    fireEvent.click(choice);
    fireEvent.click(await within(await screen.findByRole('listbox')).findByText('2026-09-30'));
    fireEvent.click(screen.getByRole('button', { name: '生成汇总表' }));
    await screen.findByText(/已记录截至2026-11-28的进度快照。与上期（2026年9月30日）相比，本期新完成2项/);
    await screen.findByText('已保存的报告（3期，见“进度快照”表）：2026-09-30、2026-10-31、2026-11-28');
    const overview = sim.values('汇总-总体');
    expect(overview[3][0]).toBe('本期变化：与上期（2026年9月30日）相比，本期新完成2项，新增滞后0项。');
    expect(
      overview.filter((r) => String(r[1]).startsWith('【新完成')).map((r) => String(r[0]).slice(0, 4)),
    ).toEqual(['第5项 ', '第6项 ']);
    expect(sim.sheet('汇总-总体').charts.some((c) => c.type === 'Line')).toBe(true);
  });

  it('speaks English when Office does', async () => {
    TestPane.open(new ExcelSim(), 'en-US');
    fireEvent.click(await screen.findByRole('button', { name: 'Create the ledger' }));
    await screen.findByText('Ledger: sheet 任务台账, 40 tasks');
    fireEvent.click(tab('Settings'));
    await screen.findByRole('button', { name: 'Run self-test' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'zh' } });
    await screen.findByRole('button', { name: '运行自检' });
  });

  it('runs the self-test from the settings tab', async () => {
    TestPane.open();
    fireEvent.click(tab('设置'));
    fireEvent.click(await screen.findByRole('button', { name: '运行自检' }));
    const list = await screen.findByRole('list', { name: '运行自检' });
    await waitFor(() => expect(within(list).getAllByText('✓')).toHaveLength(18));
  });
});
