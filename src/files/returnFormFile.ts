// The 反馈表 as a file, and back: a unit's tasks on a protected sheet (no password: it prevents
// accidents, it is not security) whose progress columns are open (on a partner's rows only the
// note columns; 延期批准, the office's decision, on none), with a status list and a 0–100 rule, and a very hidden sheet that says which
// ledger, unit and date the form belongs to and what each field held when issued. Reading takes
// any .xlsx a unit sends back (Excel, WPS, LibreOffice), runs nothing in it, reads each cell by
// its type (a date cell as a date, a formula by its saved result), and says in one sentence what
// is wrong with a file that is not a form.
import {
  chineseDate,
  dayFromIso,
  FILLABLE_KEYS,
  FORM_COLUMNS,
  FORM_SPEC,
  layoutOf,
  FORM_VERSION,
  formCellText,
  LEAD_ONLY_KEYS,
  OFFICE_KEYS,
  LINE_HEIGHT,
  MAX_ROW_HEIGHT,
  wrappedLines,
  type Day,
  type FillableKey,
  type FormCell,
  type FormColumnKey,
  type FormMeta,
  type IssuedRow,
  type OutsideCell,
  type ReturnFormSpec,
  type ReturnedForm,
} from '../ledger';
import { exceljs, validationsOf } from './exceljs';
import { WIDTH_PER_CHARACTER } from './workbookFile';

/** The form's columns of numbers and short words, printed centred. */
const CENTRED_KEYS: ReadonlySet<FormColumnKey> = new Set(['no', 'role', 'status', 'progress', 'deadline']);

const FORM_SHEET = '反馈表';
const META_SHEET = '_renwu_meta';
/** Under the title and the three lines of instructions. */
const HEADER_ROW = 5;
/** Larger files are refused before they are read: no unit's form comes near it. */
export const MAX_FORM_BYTES = 10 * 1024 * 1024;

/** Thin grey rules round every cell of the form's table. */
const RULE = { style: 'thin', color: { argb: 'FFA6A6A6' } } as const;
const GRID = { top: RULE, left: RULE, bottom: RULE, right: RULE };
const LOCKED_FILL = 'FFEDEDED';
const HEADER_FILL = 'FF1F4E79';

/** 2026-11-28 as 2026年11月28日; a date the meta does not hold as such is shown as it is. */
const formDate = (iso: string) => {
  const day = dayFromIso(iso);
  return day === null ? iso : chineseDate(day);
};

export async function writeReturnForm(spec: ReturnFormSpec, created: Date): Promise<Uint8Array> {
  const ExcelJS = await exceljs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '任务台账';
  workbook.created = created;
  const sheet = workbook.addWorksheet(FORM_SHEET, {
    // Sixteen columns do not fit one A4 landscape width at 9 pt: two pages wide, with 序号,
    // 工作任务 and 责任单位 repeated on each so every page says which task a row is; the header
    // row on every page; the unit, the page and the 截至 date at every page's foot.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 2,
      fitToHeight: 0,
      // A band of rows, then its second width, then the next band: a task's row continues on
      // the next page, not six pages on.
      pageOrder: 'overThenDown',
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      printTitlesColumn: 'A:C',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: `&L填报单位：${spec.meta.unit.replace(/&/gu, '&&')}&C第 &P 页 共 &N 页&R截至${formDate(spec.meta.asOf)}`,
    },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  sheet.columns = FORM_COLUMNS.map((c) => ({ width: c.width * WIDTH_PER_CHARACTER }));
  // The title and instructions span the columns of the first printed width (to 存在问题), so
  // no sentence is cut at the page's edge when the form prints two pages wide.
  const width = FORM_COLUMNS.findIndex((c) => c.key === 'problems') + 1;
  const lines = [spec.title, ...spec.instructions];
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.font = i === 0 ? { bold: true, size: 14 } : { color: { argb: 'FF595959' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    sheet.mergeCells(i + 1, 1, i + 1, width);
    sheet.getRow(i + 1).height = i === 0 ? 28 : 30;
  });
  FORM_COLUMNS.forEach((column, c) => {
    const cell = sheet.getCell(HEADER_ROW, c + 1);
    cell.value = column.header;
    cell.border = GRID;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  spec.rows.forEach((values, r) => {
    const row = HEADER_ROW + 1 + r;
    // Rows as tall as their wrapped text: not every reader of the file sizes them (LibreOffice does not).
    // At most Excel's tallest row: LibreOffice leaves a taller one out of the printout.
    const lines = Math.max(
      1,
      ...FORM_COLUMNS.map((column) => wrappedLines(String(values[column.key] ?? ''), column.width)),
    );
    if (lines > 1) sheet.getRow(row).height = Math.min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT);
    // A partner's row keeps the lead's fields locked: they are the lead unit's to report.
    const partner = spec.meta.rows[r]?.role === 'partner';
    FORM_COLUMNS.forEach((column, c) => {
      const cell = sheet.getCell(row, c + 1);
      cell.value = values[column.key];
      cell.numFmt = FORM_SPEC.columns[c].format;
      // Short fields centred, text indented a little: a right-aligned 进度 ran into the 完成时限
      // beside it in print ("20 2027年3月31日"), and 序号 touched 工作任务.
      cell.alignment = CENTRED_KEYS.has(column.key)
        ? { wrapText: true, vertical: 'top', horizontal: 'center' }
        : { wrapText: true, vertical: 'top', horizontal: 'left', indent: 1 };
      // A ruled grid, as paper forms have: it also keeps a printout from leaving out the second
      // width of a band of rows the unit has not filled yet (LibreOffice skips "empty" pages).
      cell.border = GRID;
      const locked =
        column.locked ||
        (OFFICE_KEYS as readonly string[]).includes(column.key) ||
        (partner && (LEAD_ONLY_KEYS as readonly string[]).includes(column.key));
      if (locked) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LOCKED_FILL } };
      else cell.protection = { locked: false };
    });
  });
  // One rule per column over all its rows: rules given cell by cell come out of exceljs as
  // overlapping ranges (its merge walks the addresses in text order, E10 before E5).
  if (spec.rows.length) {
    const last = HEADER_ROW + spec.rows.length;
    const range = (key: FormColumnKey) => {
      const letter = String.fromCharCode(65 + FORM_COLUMNS.findIndex((c) => c.key === key));
      return `${letter}${HEADER_ROW + 1}:${letter}${last}`;
    };
    validationsOf(sheet).add(range('status'), {
      type: 'list',
      allowBlank: true,
      formulae: [`"${spec.statuses.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '状态',
      error: `请从列表中选择：${spec.statuses.join('、')}`,
    });
    validationsOf(sheet).add(range('progress'), {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      errorTitle: '进度',
      error: '请填写0–100的数字',
    });
  }
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  });
  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([
    ['version', spec.meta.version],
    ['ledgerId', spec.meta.ledgerId],
    ['unit', spec.meta.unit],
    ['asOf', spec.meta.asOf],
    ['returnBy', spec.meta.returnBy],
    ['fields', ...META_FIELDS],
    ...spec.meta.rows.map((r) => [
      'row',
      r.no,
      r.fingerprint,
      r.role ?? '',
      r.units,
      r.roleLabel,
      ...FILLABLE_KEYS.map((key) => r.values[key]),
    ]),
  ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The issued row's fields in the hidden sheet, after the 'row' mark, named in its 'fields' row. */
const META_FIELDS = ['no', 'fingerprint', 'role', 'units', 'roleLabel', ...FILLABLE_KEYS] as const;

export type FormFileProblem = 'empty' | 'too-big' | 'not-xlsx' | 'macro' | 'not-a-form' | 'newer-version';

/** A file that is not a form this add-in can read; its code names why. */
export class FormFileError extends Error {
  constructor(
    readonly problem: FormFileProblem,
    readonly fileName: string,
  ) {
    super(`${fileName}: ${problem}`);
    this.name = 'FormFileError';
  }
}

const FORM_FILE_SENTENCE: Record<FormFileProblem, { readonly zh: string; readonly en: string }> = {
  empty: { zh: '文件是空的。', en: 'The file is empty.' },
  'too-big': { zh: '文件超过10 MB，不是反馈表。', en: 'The file is over 10 MB; it is not a form.' },
  'not-xlsx': { zh: '不是 .xlsx 工作簿文件。', en: 'It is not an .xlsx workbook.' },
  macro: {
    zh: '文件含宏，为安全起见不读取。请另存为普通的 .xlsx 后再导入。',
    en: 'It holds macros and is not read. Save it as a plain .xlsx.',
  },
  'not-a-form': { zh: '不是本加载项生成的反馈表。', en: 'It is not a form made by this add-in.' },
  'newer-version': {
    zh: '反馈表来自更新版本的加载项，请更新加载项后再导入。',
    en: 'The form comes from a newer version of the add-in.',
  },
};

export function describeFormFileError(error: FormFileError): { readonly zh: string; readonly en: string } {
  const sentence = FORM_FILE_SENTENCE[error.problem];
  return { zh: `“${error.fileName}”：${sentence.zh}`, en: `${error.fileName}: ${sentence.en}` };
}

const cellValue = (value: unknown): unknown => {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    // Rich text, a hyperlink or a formula's cached result: the text or the result the cell shows.
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if (v.result !== undefined) return v.result;
    if (v.text !== undefined) return v.text;
  }
  return value;
};

const MS_PER_DAY = 86_400_000;

/**
 * A date as exceljs hands it (midnight UTC of the cell's day, give or take the float error of
 * the serial's conversion): that day.
 */
const dayOfDate = (date: Date): Day => Math.floor((date.getTime() + 1000) / MS_PER_DAY);

/** What a value of the file is, by its type; a formula shows its saved result, or has none. */
function formCellOf(value: unknown, format: string | undefined): FormCell {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as {
      formula?: string;
      sharedFormula?: string;
      result?: unknown;
      error?: string;
      richText?: { text: string }[];
      text?: unknown;
    };
    const formula = v.formula ?? v.sharedFormula;
    if (formula !== undefined) {
      if (v.result === undefined || v.result === null) return { kind: 'no-result', formula };
      return { ...formCellOf(v.result, format), formula };
    }
    if (typeof v.error === 'string') return { kind: 'error', text: v.error };
    if (v.richText) return { kind: 'text', text: v.richText.map((part) => part.text).join('') };
    if (v.text !== undefined) return formCellOf(v.text, format);
    return { kind: 'error', text: String(value) };
  }
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (value instanceof Date) return { kind: 'date', day: dayOfDate(value) };
  if (typeof value === 'number') return { kind: 'number', value, ...(format ? { format } : {}) };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'text', text: String(value) };
}

/** A cell of the file (exceljs's, not Excel's): its value and number format, by type. */
const fileCell = (cell: { readonly value: unknown; readonly numFmt: string }): FormCell =>
  formCellOf(cell.value, cell.numFmt || undefined);

const metaText = (value: unknown) => (value === null || value === undefined ? '' : String(value));

function readMeta(rows: readonly (readonly unknown[])[]): FormMeta | null {
  const field = (key: string) => rows.find((r) => r[0] === key)?.[1];
  const version = Number(field('version'));
  const ledgerId = field('ledgerId');
  const unit = field('unit');
  if (!Number.isInteger(version) || typeof ledgerId !== 'string' || typeof unit !== 'string') return null;
  const named = rows
    .find((r) => r[0] === 'fields')
    ?.slice(1)
    .map(metaText);
  // Version 1 wrote status, progress, deadline and problems after the fingerprint, and issued
  // the other fields empty.
  const fields = named ?? ['no', 'fingerprint', 'status', 'progress', 'deadline', 'problems'];
  return {
    version,
    ledgerId,
    unit,
    asOf: metaText(field('asOf')),
    returnBy: metaText(field('returnBy')),
    rows: rows
      .filter((r) => r[0] === 'row')
      .map((r): IssuedRow => {
        const at = (name: string) => {
          const i = fields.indexOf(name);
          return i < 0 ? '' : metaText(r[i + 1]);
        };
        const role = at('role');
        return {
          no: Number(at('no')),
          fingerprint: at('fingerprint'),
          role: role === 'lead' || role === 'partner' ? role : null,
          units: at('units'),
          roleLabel: at('roleLabel'),
          values: Object.fromEntries(FILLABLE_KEYS.map((key) => [key, at(key)])) as Record<
            FillableKey,
            string
          >,
        };
      })
      .filter((r) => Number.isInteger(r.no)),
  };
}

/** A returned form's metadata and cells; a FormFileError for anything that is not one. */
export async function readReturnForm(fileName: string, bytes: Uint8Array): Promise<ReturnedForm> {
  if (bytes.length === 0) throw new FormFileError('empty', fileName);
  if (bytes.length > MAX_FORM_BYTES) throw new FormFileError('too-big', fileName);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new FormFileError('not-xlsx', fileName);
  const { default: JSZip } = await import(/* webpackChunkName: "zip" */ 'jszip');
  const parts = await JSZip.loadAsync(bytes).catch(() => null);
  // A zip that is not a workbook (a .docx renamed, a damaged file): one sentence, not a stack.
  if (!parts?.file('xl/workbook.xml')) throw new FormFileError('not-xlsx', fileName);
  if (parts.file('xl/vbaProject.bin')) throw new FormFileError('macro', fileName);
  const ExcelJS = await exceljs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new FormFileError('not-xlsx', fileName);
  }
  const metaSheet = workbook.worksheets.find((s) => s.name === META_SHEET);
  // The form's sheet by its name, or, renamed by the unit, the one other sheet with the form's header.
  const formSheet =
    workbook.worksheets.find((s) => s.name === FORM_SHEET) ??
    only(workbook.worksheets.filter((s) => s !== metaSheet && headerRowOf(s) > 0));
  if (!metaSheet || !formSheet) throw new FormFileError('not-a-form', fileName);
  const metaRows: unknown[][] = [];
  metaSheet.eachRow((row) => metaRows.push((row.values as unknown[]).slice(1).map(cellValue)));
  const meta = readMeta(metaRows);
  if (!meta) throw new FormFileError('not-a-form', fileName);
  if (meta.version > FORM_VERSION) throw new FormFileError('newer-version', fileName);

  // The header row is found by its texts, wherever a unit's program left it.
  const headerRow = headerRowOf(formSheet);
  if (!headerRow) throw new FormFileError('not-a-form', fileName);
  const headerTexts = rowTexts(formSheet.getRow(headerRow));
  // Each column by its header text (exceljs counts columns from 1: the 0th text is always empty).
  const { columns: found } = layoutOf(FORM_SPEC, headerTexts);
  const columnOf = new Map<FormColumnKey, number>();
  for (const { key } of FORM_SPEC.columns) {
    const at = found[key];
    if (at !== undefined && at > 0) columnOf.set(key, at);
  }
  const formColumns = new Set(columnOf.values());
  const rows: Partial<Record<FormColumnKey, FormCell>>[] = [];
  const outside: OutsideCell[] = [];
  formSheet.eachRow((row, number) => {
    if (number <= headerRow) return;
    const entry: Partial<Record<FormColumnKey, FormCell>> = {};
    for (const [key, at] of columnOf) entry[key] = fileCell(row.getCell(at));
    if (Object.values(entry).some((cell) => cell.kind !== 'empty')) rows.push(entry);
    // Whatever the unit wrote in a column the form does not have is kept to be named.
    const numberCell = columnOf.get('no');
    const no = numberCell === undefined ? null : Number(cellValue(row.getCell(numberCell).value));
    row.eachCell((cell, column) => {
      if (formColumns.has(column)) return;
      const value = formCellText(fileCell(cell));
      if (value)
        outside.push({
          address: cell.address,
          header: headerTexts[column] ?? '',
          no: no !== null && Number.isInteger(no) && no > 0 ? no : null,
          value,
        });
    });
  });
  return { fileName, meta, columns: [...columnOf.keys()], rows, outside };
}

function rowTexts(row: { values: unknown }): string[] {
  return (row.values as unknown[]).map((v) => String(cellValue(v) ?? '').trim());
}

/** The first row holding the form's 序号 and 工作任务 headers; 0 for none. */
function headerRowOf(sheet: { eachRow: (f: (row: { values: unknown }, n: number) => void) => void }): number {
  let found = 0;
  sheet.eachRow((row, number) => {
    if (found) return;
    const texts = rowTexts(row);
    if (texts.includes('序号') && texts.includes('工作任务')) found = number;
  });
  return found;
}

const only = <T>(items: readonly T[]): T | undefined => (items.length === 1 ? items[0] : undefined);
