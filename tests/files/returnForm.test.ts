// The 反馈表 round trip up to the review: made here, filled by tools that did not write it
// (openpyxl; LibreOffice re-saving, as units on WPS or LibreOffice do), read back and checked.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import {
  describeFormFileError,
  FormFileError,
  readReturnForm,
  summaryWorkbook,
  writeReturnForm,
} from '../../src/files';
import {
  checkReturn,
  DEFAULT_STATUSES,
  describeFormProblem,
  returnFormSpec,
  summarize,
  tasksForUnit,
  textFingerprint,
  type CheckContext,
} from '../../src/ledger';
import { AS_OF_DATE, asOf } from '../asOf';
import { ledgerWith, set } from '../ledger/fixtures';

jest.setTimeout(120_000);

const PYTHON = '/usr/bin/python3';
const has = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const missing = [
  ...(has(PYTHON, ['-c', 'import openpyxl']) ? [] : ['openpyxl']),
  ...(has('soffice', ['--version']) ? [] : ['soffice']),
];
if (missing.length && process.env.CI) throw new Error(`CI must have ${missing.join(', ')} (see .ci/run)`);
if (missing.length)
  console.log(`反馈表 checks with other tools skipped: ${missing.join(', ')} not installed`);
const withTools = missing.length ? it.skip : it;

const ledger = ledgerWith((rows) => {
  set(rows, 2, 'status', '滞后');
  set(rows, 2, 'progress', 30);
});
const model = summarize(ledger, { asOf });
const UNIT = '双辽市人民政府';
const spec = returnFormSpec(model, UNIT, { ledgerId: 'ledger-1', statuses: DEFAULT_STATUSES });
const context: CheckContext = {
  ledgerId: 'ledger-1',
  statuses: DEFAULT_STATUSES,
  knowsUnit: (u) => u === UNIT,
};
const dir = mkdtempSync(join(tmpdir(), 'return-forms-'));

async function written(): Promise<string> {
  const path = join(dir, spec.fileName);
  writeFileSync(path, await writeReturnForm(spec, AS_OF_DATE));
  return path;
}

describe('the return form', () => {
  it('lists the unit’s tasks (collectives included) and says which ledger, unit and date it is for', () => {
    expect(spec.fileName).toBe('双辽市人民政府_重点任务反馈表_20261128.xlsx');
    expect(spec.rows.map((r) => r.no)).toEqual(tasksForUnit(model.tasks, UNIT));
    // Task 2 is 各县（市）人民政府's, so 双辽市 leads it as one of the counties.
    expect(spec.rows.find((r) => r.no === 2)).toMatchObject({
      status: '滞后',
      progress: 30,
      role: '牵头（集体任务）',
    });
    expect(spec.rows.some((r) => String(r.role).includes('集体任务'))).toBe(true);
    expect(spec.meta).toMatchObject({ version: 1, ledgerId: 'ledger-1', unit: UNIT, asOf: '2026-11-28' });
    expect(spec.meta.rows[0].fingerprint).toBe(textFingerprint(String(spec.rows[0].task)));
  });

  it('reads back as issued: nothing reported changed, no problem', async () => {
    const path = await written();
    const form = await readReturnForm(spec.fileName, readFileSync(path));
    expect(form.meta).toEqual(spec.meta);
    const checked = checkReturn(form, context);
    expect(checked.problems).toEqual([]);
    expect(checked.reported.map((r) => r.no)).toEqual(spec.rows.map((r) => r.no));
    expect(checked.reported.find((r) => r.no === 2)).toMatchObject({ status: '滞后', progress: 30 });
  });

  it('protects the official columns with no password and opens the progress columns, with a status list', async () => {
    const zip = await JSZip.loadAsync(readFileSync(await written()));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toMatch(/<sheetProtection[^>]*sheet="1"/);
    expect(sheet).not.toMatch(/<sheetProtection[^>]*(password|hashValue)=/);
    expect(sheet).toContain('<formula1>&quot;未启动,序时推进,滞后,已完成&quot;</formula1>');
    expect(sheet).toMatch(
      /type="whole"[^>]*sqref="F5:F\d+"><formula1>0<\/formula1><formula2>100<\/formula2>/,
    );
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/name="_renwu_meta"[^>]*state="veryHidden"/);
  });

  withTools(
    'takes a form a unit filled in with openpyxl, and reports each bad row in one sentence',
    async () => {
      const path = await written();
      const filled = join(dir, 'filled.xlsx');
      const [first, second, third, fourth] = spec.rows.map((r) => r.no);
      execFileSync(PYTHON, [
        '-c',
        `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["反馈表"]
rows = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
r = rows[${first}]; ws.cell(r, 5).value = "已完成"; ws.cell(r, 6).value = 100; ws.cell(r, 8).value = "已建成并投入使用"; ws.cell(r, 11).value = "张三"; ws.cell(r, 12).value = "13800000000"
r = rows[${second}]; ws.cell(r, 5).value = "完成了"
r = rows[${third}]; ws.cell(r, 6).value = "五十"
r = rows[${fourth}]; ws.cell(r, 2).value = ws.cell(r, 2).value + "（已调整）"
ws.cell(ws.max_row + 1, 1).value = 99; ws.cell(ws.max_row, 2).value = "单位自加的任务"
wb.save(sys.argv[2])
`,
        path,
        filled,
      ]);
      const checked = checkReturn(await readReturnForm('filled.xlsx', readFileSync(filled)), context);
      expect(checked.reported.find((r) => r.no === first)).toEqual({
        no: first,
        status: '已完成',
        progress: 100,
        progressNote: '已建成并投入使用',
        contact: '张三 13800000000',
      });
      expect(checked.problems.map(describeFormProblem).map((p) => p.zh)).toEqual([
        `第${second}项的状态“完成了”不在状态列表中，该行未导入。`,
        `第${third}项的进度“五十”不是0–100的数字，该行未导入。`,
        `第${fourth}项的工作任务文字被改动，该行未导入。`,
        '单位新增了一行（99 单位自加的任务），未导入。',
      ]);
    },
  );

  withTools('takes a form re-saved by LibreOffice, as units on WPS or LibreOffice send them', async () => {
    const path = await written();
    const out = join(dir, 'lo');
    execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', out, path], {
      stdio: 'ignore',
    });
    const form = await readReturnForm(spec.fileName, readFileSync(join(out, spec.fileName)));
    expect(form.meta).toEqual(spec.meta);
    expect(checkReturn(form, context).problems).toEqual([]);
  });

  it('refuses another ledger’s form and a unit the ledger no longer has, and reports deleted rows', async () => {
    const form = await readReturnForm(spec.fileName, readFileSync(await written()));
    expect(checkReturn(form, { ...context, ledgerId: 'other' })).toMatchObject({
      refused: true,
      problems: [{ kind: 'other-ledger' }],
    });
    expect(describeFormProblem({ kind: 'other-ledger' }).zh).toBe('这是另一份台账的反馈表，未导入。');
    expect(checkReturn(form, { ...context, knowsUnit: () => false })).toMatchObject({ refused: true });
    const fewer = { ...form, rows: form.rows.slice(1) };
    expect(checkReturn(fewer, context).problems).toEqual([{ kind: 'removed', no: spec.rows[0].no }]);
  });

  it('says in one sentence what is wrong with a file that is not a form', async () => {
    const reason = async (name: string, bytes: Uint8Array) => {
      const error = await readReturnForm(name, bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FormFileError);
      return describeFormFileError(error as FormFileError).zh;
    };
    expect(await reason('空.xlsx', new Uint8Array())).toBe('“空.xlsx”：文件是空的。');
    expect(await reason('big.xlsx', new Uint8Array(20 * 1024 * 1024).fill(0x50))).toContain('超过10 MB');
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    expect(await reason('report.xlsx', await docx.generateAsync({ type: 'uint8array' }))).toContain(
      '不是 .xlsx',
    );
    const other = await summaryWorkbook(model, { overview: true, behind: false }, { created: AS_OF_DATE });
    expect(await reason(other.name, other.bytes)).toContain('不是本加载项生成的反馈表');
    const macro = await JSZip.loadAsync(await writeReturnForm(spec, AS_OF_DATE));
    macro.file('xl/vbaProject.bin', new Uint8Array([1, 2, 3]));
    expect(await reason('宏.xlsm', await macro.generateAsync({ type: 'uint8array' }))).toContain('含宏');
  });
});
