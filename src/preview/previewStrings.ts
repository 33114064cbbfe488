// The preview page's own words (the pane's are in the pane's catalog), in both languages.
import type { Language } from '../ledger';

const zh = {
  bannerText:
    '预览：这里是模拟的工作簿，不是 Excel。在 Excel 中使用请按 README 的“旁加载”步骤安装 manifest.xml。',
  bannerLink: '旁加载说明',
  workbook: '模拟工作簿',
  pane: '任务台账面板',
  nameBox: '名称框',
  formulaBar: '编辑栏',
  dropdown: (address: string) => `${address} 下拉列表`,
  pickFromList: '从列表选择…',
  sheets: '工作表',
  badToday: (given: string) =>
    `地址中的 today=“${given}” 不是有效日期（应写作 YYYY-MM-DD，如 2026-11-28），预览按今天的实际日期运行。`,
};

export type PreviewStrings = typeof zh;

const en: PreviewStrings = {
  bannerText:
    'Preview with a simulated workbook, not Excel. To use it in Excel, sideload manifest.xml as the README explains.',
  bannerLink: 'Sideloading',
  workbook: 'Simulated workbook',
  pane: 'Task Ledger pane',
  nameBox: 'Name box',
  formulaBar: 'Formula bar',
  dropdown: (address: string) => `${address} dropdown`,
  pickFromList: 'Pick from list…',
  sheets: 'Sheets',
  badToday: (given: string) =>
    `today="${given}" in the address is not a date (write YYYY-MM-DD, e.g. 2026-11-28); the preview runs on the real today.`,
};

export const PREVIEW_STRINGS: Record<Language, PreviewStrings> = { zh, en };
