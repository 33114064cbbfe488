// Which ExcelApi requirement sets the host supports. Operations take this as a parameter so
// tests and the preview can say what they simulate; scripts/check-api.ts recognises calls to
// `supports('1.x')` (and Office.context.requirements.isSetSupported) as guards.
export type ApiSupport = (version: string) => boolean;

/** The manifest's minimum: everything up to it may be called unguarded. */
export const MINIMUM_EXCEL_API = '1.7';

export const officeApiSupport: ApiSupport = (version) =>
  typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;

/** Features above the minimum, and the set each needs; the diagnostics tab lists them. */
export const OPTIONAL_FEATURES = [
  {
    id: 'statusDropdown',
    set: '1.8',
    zh: '单元格中的状态下拉列表（无此功能时，请在面板“筛选”页修改状态）',
    en: 'Status dropdown in the cells (without it, set statuses on the pane’s Units tab)',
  },
  {
    id: 'printSetup',
    set: '1.9',
    zh: '打印设置（A4横向、适应页宽、重复标题行、页脚）',
    en: 'Print setup (A4 landscape, fit to width, repeated header, footer)',
  },
  {
    id: 'rowsBelowTables',
    set: '1.13',
    zh: '新行直接写在表格下方（无此功能时改为插入表格行，多人同时编辑时较易冲突）',
    en: 'New rows written directly below tables (without it they are inserted as table rows, which conflict more often when co-authoring)',
  },
] as const;
