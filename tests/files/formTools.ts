// Return forms as units handle them, with tools that did not write them: openpyxl fills cells
// (text, numbers, dates, formulas, emptied cells), LibreOffice re-saves the file, and openpyxl
// reads back what a unit filled. Without the tools a test says so in one line and is skipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYTHON } from './tools';

export { missingTools, PYTHON } from './tools';

const dir = mkdtempSync(join(tmpdir(), 'return-forms-'));
let files = 0;

/** One cell a unit fills: the task by its 序号 (or a new row), the column by its header. */
export interface FormEdit {
  /** The task's 序号; 'new' is the row below the last (one added row, however many cells). */
  readonly no: number | 'new';
  readonly header: string;
  readonly kind: 'text' | 'number' | 'date' | 'formula' | 'empty';
  /** Text, a number, a date as 2026-12-31, or a formula as =40+40. */
  readonly value?: string | number;
}

const EDIT = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["反馈表"]
head = None
for r in range(1, 10):
    if ws.cell(r, 1).value == "序号":
        head = r
        break
cols = {ws.cell(head, c).value: c for c in range(1, ws.max_column + 1)}
rows = {ws.cell(r, 1).value: r for r in range(head + 1, ws.max_row + 1)}
added = ws.max_row + 1
for e in json.loads(sys.argv[3]):
    if e["no"] == "new":
        r = added
    else:
        r = rows[e["no"]]
    cell = ws.cell(r, cols[e["header"]])
    kind, value = e["kind"], e.get("value")
    if kind == "empty":
        cell.value = None
    elif kind == "date":
        cell.value = datetime.datetime.strptime(value, "%Y-%m-%d")
        cell.number_format = "yyyy-mm-dd"
    elif kind == "number":
        cell.value = value
        cell.number_format = "General"
    else:
        cell.value = value
wb.save(sys.argv[2])
`;

/** A form as a unit returns it after filling it with openpyxl (which ignores sheet protection, as WPS may). */
export function fillWithOpenpyxl(bytes: Uint8Array, edits: readonly FormEdit[]): Uint8Array {
  const from = join(dir, `form-${++files}.xlsx`);
  const to = join(dir, `filled-${files}.xlsx`);
  writeFileSync(from, bytes);
  execFileSync(PYTHON, ['-c', EDIT, from, to, JSON.stringify(edits)]);
  return new Uint8Array(readFileSync(to));
}

/** The form re-saved by LibreOffice (.xlsx → .xlsx), as a unit on LibreOffice or WPS sends it. */
export function resaveWithLibreOffice(bytes: Uint8Array, name: string): Uint8Array {
  const folder = join(dir, `lo-${++files}`);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', folder, path], {
    stdio: 'ignore',
  });
  return new Uint8Array(readFileSync(join(folder, name)));
}

/** A filled cell of the form's fillable columns, as openpyxl reads it. */
export interface FilledCell {
  readonly no: number;
  readonly header: string;
  /** As the review shows it: text trimmed, a whole number without .0, a date as 2026-12-31, a formula's result or, without one, the formula. */
  readonly value: string;
  readonly locked: boolean;
}

const READ = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["反馈表"]
# A formula's saved result where the file has one (LibreOffice saves them, openpyxl does not).
shown = openpyxl.load_workbook(sys.argv[1], data_only=True)["反馈表"]
head = [r for r in range(1, 10) if ws.cell(r, 1).value == "序号"][0]
names = ["状态", "进度(%)", "完成时限", "进展情况", "存在问题", "下步计划", "联系人", "联系电话", "申请延期至", "延期理由", "延期批准", "办结依据"]
cols = {ws.cell(head, c).value: c for c in range(1, ws.max_column + 1)}
out = []
for r in range(head + 1, ws.max_row + 1):
    no = ws.cell(r, 1).value
    for name in names:
        if name not in cols:
            continue
        cell = ws.cell(r, cols[name])
        v = shown.cell(r, cols[name]).value
        if v is None:
            v = cell.value
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        if isinstance(v, datetime.datetime):
            v = v.strftime("%Y-%m-%d")
        elif isinstance(v, float) and v.is_integer():
            v = str(int(v))
        else:
            v = str(v).strip()
        out.append({"no": no, "header": name, "value": v, "locked": bool(cell.protection.locked)})
print(json.dumps(out, ensure_ascii=False))
`;

/** Every filled cell of the fillable columns, read by openpyxl: what the walk over a form checks. */
export function filledCells(bytes: Uint8Array): FilledCell[] {
  const path = join(dir, `read-${++files}.xlsx`);
  writeFileSync(path, bytes);
  return JSON.parse(execFileSync(PYTHON, ['-c', READ, path], { encoding: 'utf8' })) as FilledCell[];
}
