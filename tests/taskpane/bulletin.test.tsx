/**
 * @jest-environment jsdom
 */
// The 通报 section of the 汇总 tab: the file is made from the workbook as it is when the button
// is pressed (an edit typed just before is in it), the 下步工作 typed in the box are saved in the
// workbook and written into the 通报, no cell changes, and a Mac's pane offers the copy instead.
import { configure, fireEvent, screen, waitFor, act } from '@testing-library/react';
import JSZip from 'jszip';
import { TextDecoder, TextEncoder } from 'node:util';
import { readFileBytes } from '../../src/files';
import { paneClock, TestPane } from './paneHarness';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 15_000, defaultHidden: true });

const downloads: { name: string; blob: Blob }[] = [];
const blobs = new Map<string, Blob>();
let clipboard: Record<string, Blob> = {};
beforeAll(() => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => {},
  });
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href) as Blob });
  };
  class Item {
    constructor(readonly parts: Record<string, Blob>) {}
  }
  Object.assign(window, { ClipboardItem: Item });
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      write: async (items: Item[]) => {
        clipboard = items[0].parts;
      },
    },
  });
});
paneClock();

const blobText = async (blob: Blob) => new TextDecoder().decode(await readFileBytes(blob));
const STEPS_SETTING = 'renwuTaizhang.nextSteps';

describe('the 通报 section', () => {
  it('downloads the 通报 made from the workbook as it is, with the 下步工作 typed, saved in the workbook', async () => {
    const pane = await TestPane.withLedger();
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    const box = await screen.findByRole('textbox', { name: /五、下步工作/ });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toContain('压实工作责任'));
    fireEvent.change(box, { target: { value: '召开推进会，逐项过堂<script>\n\n约谈滞后单位' } });
    // Typed in the ledger just before the click: the pane has not re-read it yet.
    await act(async () => {
      pane.typeInto(7, '状态', '滞后');
      pane.typeInto(7, '存在问题', '师资不足');
    });
    const before = pane.snapshot();
    const count = downloads.length;
    fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
    await waitFor(() => expect(downloads.length).toBe(count + 1));
    await screen.findByText(/已生成“四平市现代职业教育重点工作任务推进情况通报_截至20261128\.docx”/);
    const { name, blob } = downloads[count];
    expect(name).toBe('四平市现代职业教育重点工作任务推进情况通报_截至20261128.docx');
    const zip = await JSZip.loadAsync(await readFileBytes(blob));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('存在问题：师资不足。');
    expect(xml).toContain('（一）召开推进会，逐项过堂&lt;script&gt;。');
    expect(xml).toContain('（二）约谈滞后单位。');
    // Nothing in any cell changed; the lines are kept in the workbook, blank ones dropped.
    expect(pane.changedCells(before)).toEqual([]);
    expect(pane.snapshot().settings[STEPS_SETTING]).toEqual(['召开推进会，逐项过堂<script>', '约谈滞后单位']);
    expect((box as HTMLTextAreaElement).value).toBe('召开推进会，逐项过堂<script>\n约谈滞后单位');
  });

  it('keeps unsaved 下步工作 when the user leaves the tab, says so, and drops the note once saved', async () => {
    const pane = await TestPane.withLedger();
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    const box = await screen.findByRole('textbox', { name: /五、下步工作/ });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toContain('压实工作责任'));
    expect(screen.queryByText(/^下步工作有未保存的修改/)).toBeNull();
    fireEvent.change(box, { target: { value: '召开推进会，逐项过堂' } });
    screen.getByText(/^下步工作有未保存的修改/);
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    await screen.findByText(/的下步工作有未保存的修改，已保留；回到“汇总 › 进展情况通报”保存。$/);
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    const again = await screen.findByRole('textbox', { name: /五、下步工作/ });
    await waitFor(() => expect((again as HTMLTextAreaElement).value).toBe('召开推进会，逐项过堂'));
    expect(pane.snapshot().settings[STEPS_SETTING]).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: '保存下步工作' }));
    await screen.findByText('已保存1条下步工作。');
    expect(screen.queryByText(/^下步工作有未保存的修改/)).toBeNull();
    expect((screen.getByRole('textbox', { name: /五、下步工作/ }) as HTMLTextAreaElement).value).toBe(
      '召开推进会，逐项过堂',
    );
  });

  it('copies the 通报 as text and HTML, and a Mac’s pane offers only the copy', async () => {
    const pane = TestPane.open(undefined, undefined, { canDownload: false });
    fireEvent.click(await screen.findByRole('button', { name: '新建任务台账' }));
    await screen.findByText(/台账：工作表“任务台账”，共40项任务/);
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    const copy = await screen.findByRole('button', { name: '复制通报正文' });
    expect(screen.queryByRole('button', { name: '下载通报（.docx）' })).toBeNull();
    await screen.findByText(/通报在 Mac 上不能下载：请用“复制通报正文”/);
    await waitFor(() => expect((copy as HTMLButtonElement).disabled).toBe(false));
    const before = pane.snapshot();
    fireEvent.click(copy);
    await screen.findByText(/通报正文已复制/);
    const text = await blobText(clipboard['text/plain']);
    const html = await blobText(clipboard['text/html']);
    for (const heading of [
      '一、总体进展',
      '二、主要进展',
      '三、存在问题',
      '四、各单位推进情况',
      '五、下步工作',
    ])
      expect(text).toContain(`\n${heading}\n`);
    expect(text).toContain('（一）压实工作责任。');
    expect(html).toContain('关于《四平市现代职业教育重点工作任务》推进情况的通报');
    expect(pane.changedCells(before)).toEqual([]);
  });

  // Issue 24 (the stranger's defects 10 and 13): what the 通报 would say is told before it is made.
  it('says when 下步工作 is empty or the date is after today, and refuses a ledger with no task', async () => {
    const pane = await TestPane.withLedger();
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    const box = await screen.findByRole('textbox', { name: /五、下步工作/ });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toContain('压实工作责任'));
    expect(screen.queryByText(/下步工作为空/)).toBeNull();
    fireEvent.change(box, { target: { value: '\n  \n' } });
    await screen.findByText(/下步工作为空：通报第五部分将只写“（下步工作待补充。）”/);
    fireEvent.change(screen.getByLabelText('截至日期'), { target: { value: '2027-01-31' } });
    await screen.findByText(/截至日期2027年1月31日晚于今天/);
    fireEvent.change(screen.getByLabelText('截至日期'), { target: { value: '2026-11-28' } });
    await act(async () => {
      for (let no = 1; no <= 40; no++) pane.typeInto(no, '序号', '');
    });
    const count = downloads.length;
    fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
    await screen.findByText(/台账中没有可统计的任务.*不生成通报/);
    expect(downloads.length).toBe(count);
  });

  // Issue 24 (the stranger's defect 11): the 通报 follows the ledger as it is now; when the same
  // date's summary sheets were made before a change, the pane says which tasks, not silently.
  it('warns when the summary sheets of the same date predate a change in the ledger', async () => {
    const pane = await TestPane.withLedger();
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    fireEvent.click(await screen.findByRole('button', { name: '生成汇总表' }));
    await screen.findByText(/已生成/);
    const download = screen.getByRole('button', { name: '下载通报（.docx）' });
    await waitFor(() => expect((download as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(download);
    await screen.findByText(/已生成“四平市现代职业教育重点工作任务推进情况通报_截至20261128\.docx”。$/);
    expect(screen.queryByText(/汇总表生成后，台账又有改动/)).toBeNull();
    await act(async () => {
      pane.typeInto(9, '状态', '已完成');
    });
    fireEvent.click(download);
    await screen.findByText(
      /截至2026年11月28日的汇总表生成后，台账又有改动（第9项）。通报按台账现在的内容起草，与已生成的汇总表不一致/,
    );
  });

  // Stranger's defect 4: the workbook and the leaders' draft (with its 通报) follow the ledger as it
  // is now, so they differ from summary sheets made before a change: the pane says so for them too.
  it('warns on 导出汇总工作簿 and the leaders’ draft when the summary sheets predate a ledger change', async () => {
    const pane = await TestPane.withLedger();
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    fireEvent.click(await screen.findByRole('button', { name: '生成汇总表' }));
    await screen.findByText(/已生成/);
    const exportButton = screen.getByRole('button', { name: '导出汇总工作簿（.xlsx）' });
    await waitFor(() => expect((exportButton as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(exportButton);
    await screen.findByText(/^已导出“.*\.xlsx”。$/);
    await act(async () => {
      pane.typeInto(11, '状态', '已完成');
    });
    fireEvent.click(exportButton);
    await screen.findByText(
      /已导出“.*\.xlsx”。\s?注意：截至2026年11月28日的汇总表生成后，台账又有改动（第11项）/,
    );
    fireEvent.click(screen.getByRole('button', { name: '给领导的邮件草稿（.eml）' }));
    await screen.findByText(/已导出“.*\.eml”。.*台账又有改动（第11项）。本文件按台账现在的内容生成/);
  });
});
