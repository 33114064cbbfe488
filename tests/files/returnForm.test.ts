// The 反馈表 round trip up to the review: made here, filled by tools that did not write it
// (openpyxl; LibreOffice re-saving, as units on WPS or LibreOffice do), read back and checked
// cell by cell, each cell by its type.
import JSZip from 'jszip';
import { exceljs } from '../../src/files/exceljs';
import {
  describeFormFileError,
  FormFileError,
  readReturnForm,
  summaryWorkbook,
  writeReturnForm,
} from '../../src/files';
import {
  checkReturn,
  dayOf,
  DEFAULT_STATUSES,
  describeFormProblem,
  returnFormSpec,
  summarize,
  tasksForUnit,
  textFingerprint,
  type CheckContext,
  type Day,
} from '../../src/ledger';
import { AS_OF_DATE, asOf } from '../asOf';
import { ledgerWith, set } from '../ledger/fixtures';
import { fillWithOpenpyxl, filledCells, missingTools, PYTHON, resaveWithLibreOffice } from './formTools';

jest.setTimeout(120_000);

const withPython = missingTools('反馈表 checks with openpyxl', ['openpyxl']).length ? it.skip : it;
const withOffice = missingTools('反馈表 checks with LibreOffice', ['soffice']).length ? it.skip : it;

const ledger = ledgerWith((rows) => {
  set(rows, 2, 'status', '滞后');
  set(rows, 2, 'progress', 30);
  set(rows, 2, 'progressNote', '三个职教中心已选址');
  set(rows, 2, 'problems', '经费缺口约500万元');
  set(rows, 2, 'nextSteps', '年底前开工');
  set(rows, 19, 'contact', '王五');
});
const model = summarize(ledger, { asOf });
const UNIT = '双辽市人民政府';
const DEC_5 = dayOf(2026, 12, 5) as Day;
const spec = returnFormSpec(model, UNIT, {
  ledgerId: 'ledger-1',
  statuses: DEFAULT_STATUSES,
  ledger,
  returnBy: DEC_5,
});
const context: CheckContext = {
  ledgerId: 'ledger-1',
  statuses: DEFAULT_STATUSES,
  knowsUnit: (u) => u === UNIT,
  isCollective: (u) => u.startsWith('各'),
};
const written = () => writeReturnForm(spec, AS_OF_DATE);
const read = async (bytes: Uint8Array) => readReturnForm(spec.fileName, bytes);
const partnerNo = spec.meta.rows.find((r) => r.role === 'partner')?.no as number;
const leadNo = 19;

describe('the return form', () => {
  it('lists the unit’s tasks (collectives included) with every field it may change filled in as issued', () => {
    expect(spec.fileName).toBe('双辽市人民政府_四平市职教重点任务反馈表_20261128.xlsx');
    expect(spec.rows.map((r) => r.no)).toEqual(tasksForUnit(model.tasks, UNIT));
    // Task 2 is 各县（市）人民政府's, so 双辽市 leads it as one of the counties.
    expect(spec.rows.find((r) => r.no === 2)).toMatchObject({
      status: '滞后',
      progress: 30,
      role: '牵头（集体任务）',
      progressNote: '三个职教中心已选址',
      problems: '经费缺口约500万元',
      nextSteps: '年底前开工',
    });
    expect(spec.rows.find((r) => r.no === 19)).toMatchObject({ contact: '王五' });
    expect(spec.meta).toMatchObject({
      version: 3,
      ledgerId: 'ledger-1',
      unit: UNIT,
      asOf: '2026-11-28',
      returnBy: '2026-12-05',
    });
    expect(spec.meta.rows.find((r) => r.no === 2)).toMatchObject({
      role: 'lead',
      values: { status: '滞后', progress: '30', progressNote: '三个职教中心已选址', nextSteps: '年底前开工' },
    });
    expect(spec.meta.rows[0].fingerprint).toBe(textFingerprint(String(spec.rows[0].task)));
    expect(spec.instructions.join('')).toContain('请于2026年12月5日前保存为.xlsx');
  });

  it('reads back as issued: no problem, nothing changed, every filled cell counted as issued', async () => {
    const form = await read(await written());
    expect(form.meta).toEqual(spec.meta);
    const checked = checkReturn(form, context);
    expect(checked.problems).toEqual([]);
    expect(checked.reported).toEqual([]);
    const filled = spec.rows.flatMap((r) =>
      (
        [
          'status',
          'progress',
          'deadline',
          'progressNote',
          'problems',
          'nextSteps',
          'contact',
          'phone',
        ] as const
      )
        .map((k) => r[k])
        .filter((v) => String(v).trim() !== ''),
    );
    expect(checked.asIssued).toBe(filled.length);
  });

  // Issue 27: the form's table is read by its headers: a unit's program inserted a column,
  // renamed 进度(%) and 存在问题 to the ledger's other spellings of them.
  it('reads a form whose unit inserted a column and renamed two headers to known spellings', async () => {
    const ExcelJS = await exceljs();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await written()).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('反馈表');
    if (!sheet) throw new Error('no form sheet');
    let headerRow = 0;
    sheet.eachRow((row, n) => {
      if (!headerRow && (row.values as unknown[]).includes('序号')) headerRow = n;
    });
    const header = sheet.getRow(headerRow);
    const at = (text: string) => (header.values as unknown[]).indexOf(text);
    header.getCell(at('进度(%)')).value = '进度';
    header.getCell(at('存在问题')).value = '存在的问题';
    sheet.spliceColumns(at('状态'), 0, [
      ...Array.from({ length: headerRow - 1 }, () => ''),
      '单位备注',
      ...spec.rows.map(() => '已核对'),
    ]);
    const form = await read(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(form.columns).toEqual(expect.arrayContaining(['progress', 'problems', 'status']));
    // No column missing; what the unit wrote in its own column is named, as anything outside the form's columns is.
    const checked = checkReturn(form, context);
    expect(checked.problems.map((p) => p.kind)).toEqual(['outside']);
    expect(checked.reported).toEqual([]);
    const lead = form.rows.find((r) => r.no?.kind === 'number' && r.no.value === 2);
    expect(lead?.problems).toEqual({ kind: 'text', text: '经费缺口约500万元' });
    expect(lead?.progress).toMatchObject({ kind: 'number', value: 30 });
    expect((form.outside ?? []).every((c) => c.header === '单位备注' && c.value === '已核对')).toBe(true);
  });

  it('carries one validation rule per column over all its rows, none overlapping', async () => {
    const zip = await JSZip.loadAsync(await written());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const last = 5 + spec.rows.length;
    const rules = [...sheet.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    // 状态 and 进度(%); 延期批准 is the office's, locked, with no list for a unit to choose from.
    expect(rules).toEqual([`E6:E${last}`, `F6:F${last}`]);
    expect(sheet).toContain('<formula1>&quot;未启动,序时推进,滞后,已完成&quot;</formula1>');
    expect(sheet).toMatch(/type="decimal"[^>]*><formula1>0<\/formula1><formula2>100<\/formula2>/);
    expect(sheet).toMatch(/<sheetProtection[^>]*sheet="1"/);
    expect(sheet).not.toMatch(/<sheetProtection[^>]*(password|hashValue)=/);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/name="_renwu_meta"[^>]*state="veryHidden"/);
  });

  withPython(
    'locks a partner’s 状态, 进度 and 完成时限 (the lead’s to report), and everyone’s 延期批准 (the office’s), and leaves its notes open',
    async () => {
      // The office approved every extension: its 是 shows on each row, where no unit can change it.
      const approved = spec.rows.map((r) => ({ ...r, extendApproved: '是' }));
      const cells = filledCells(await writeReturnForm({ ...spec, rows: approved }, AS_OF_DATE));
      const partner = cells.filter((c) => c.no === partnerNo);
      expect(partner.filter((c) => c.locked).map((c) => c.header)).toEqual(
        partner
          .filter((c) => ['状态', '进度(%)', '完成时限', '延期批准'].includes(c.header))
          .map((c) => c.header),
      );
      const lead = cells.filter((c) => c.no === leadNo);
      expect(lead.filter((c) => c.locked).map((c) => c.header)).toEqual(['延期批准']);
      expect(partner.find((c) => c.header === '状态')).toMatchObject({ value: '序时推进', locked: true });
    },
  );

  withPython(
    'reads each cell a unit filled with openpyxl by its type, and names each it cannot take',
    async () => {
      const [first, second, third, fourth] = spec.rows.map((r) => r.no as number).filter((n) => n !== 2);
      const filled = fillWithOpenpyxl(await written(), [
        { no: first, header: '状态', kind: 'text', value: '已完成' },
        { no: first, header: '进度(%)', kind: 'number', value: 100 },
        { no: first, header: '完成时限', kind: 'date', value: '2026-12-31' },
        { no: first, header: '进展情况', kind: 'text', value: '已建成并投入使用' },
        { no: first, header: '联系人', kind: 'text', value: '张三' },
        { no: first, header: '联系电话', kind: 'number', value: 13800000000 },
        { no: second, header: '状态', kind: 'text', value: '完成了' },
        { no: second, header: '进展情况', kind: 'text', value: '方案已报批' },
        { no: third, header: '进度(%)', kind: 'text', value: '五十' },
        { no: third, header: '下步计划', kind: 'formula', value: '=1+1' },
        { no: fourth, header: '工作任务', kind: 'text', value: '改过的任务' },
        { no: fourth, header: '进展情况', kind: 'text', value: '照常推进' },
        { no: 'new', header: '序号', kind: 'number', value: 99 },
        { no: 'new', header: '工作任务', kind: 'text', value: '单位自加的任务' },
        { no: 2, header: '存在问题', kind: 'empty' },
      ]);
      const checked = checkReturn(await read(filled), context);
      const changed = (no: number) =>
        checked.reported.find((r) => r.no === no)?.changed.map((c) => [c.column, c.value]);
      expect(changed(first)).toEqual([
        ['status', '已完成'],
        ['progress', 100],
        ['deadline', '2026-12-31'],
        ['progressNote', '已建成并投入使用'],
        ['contact', '张三'],
        ['phone', '13800000000'],
      ]);
      // A bad status leaves the rest of the row to review; the emptied cell is a change.
      expect(changed(second)).toEqual([['progressNote', '方案已报批']]);
      expect(changed(2)).toEqual([['problems', '']]);
      expect(checked.problems.map(describeFormProblem).map((p) => p.zh)).toEqual([
        `第${second}项的状态“完成了”不在状态列表中，未导入。`,
        `第${third}项的进度“五十”不是0–100的数字，未导入。`,
        `第${third}项的下步计划“=1+1”不是可读取的值（无结果的公式、错误值或逻辑值），未导入。`,
        `第${fourth}项的工作任务文字被改动，该行未导入（进展情况“照常推进”）。`,
        '单位新增了一行（99 单位自加的任务），未导入。',
      ]);
    },
  );

  withOffice('takes a form re-saved by LibreOffice as issued: nothing changed, nothing lost', async () => {
    const form = await read(resaveWithLibreOffice(await written(), spec.fileName));
    expect(form.meta).toEqual(spec.meta);
    const checked = checkReturn(form, context);
    expect([checked.problems, checked.reported]).toEqual([[], []]);
  });

  it('refuses another ledger’s form, a unit the ledger no longer has and a 统称, and reports deleted rows', async () => {
    const form = await read(await written());
    expect(checkReturn(form, { ...context, ledgerId: 'other' })).toMatchObject({
      refused: true,
      problems: [{ kind: 'other-ledger' }],
    });
    expect(describeFormProblem(checkReturn(form, { ...context, ledgerId: 'other' }).problems[0]).zh).toBe(
      '这是另一份台账的反馈表，未导入。',
    );
    expect(checkReturn(form, { ...context, knowsUnit: () => false })).toMatchObject({ refused: true });
    const collective = checkReturn(
      { ...form, meta: { ...form.meta, unit: '各县（市）人民政府' } },
      { ...context, knowsUnit: () => true },
    );
    expect(collective.refused).toBe(true);
    expect(describeFormProblem(collective.problems[0]).zh).toBe(
      '“各县（市）人民政府”是统称，不是一个单位：这些任务由其成员单位在各自的反馈表中填报，此表未导入。',
    );
    const fewer = { ...form, rows: form.rows.slice(1) };
    expect(checkReturn(fewer, context).problems.map((p) => [p.kind, 'no' in p ? p.no : null])).toEqual([
      ['removed', spec.rows[0].no],
    ]);
  });

  it('still reads a form the previous version issued (version 1: four fields recorded, the notes issued empty)', async () => {
    const ExcelJS = await exceljs();
    const v1 = {
      ...spec,
      rows: spec.rows.map((r) => ({ ...r, progressNote: '', nextSteps: '', contact: '', phone: '' })),
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReturnForm(v1, AS_OF_DATE)).buffer.slice(0) as ArrayBuffer);
    workbook.removeWorksheet(workbook.getWorksheet('_renwu_meta')!.id);
    const meta = workbook.addWorksheet('_renwu_meta', { state: 'veryHidden' });
    meta.addRows([
      ['version', 1],
      ['ledgerId', 'ledger-1'],
      ['unit', UNIT],
      ['asOf', '2026-11-28'],
      ...spec.meta.rows.map((r) => [
        'row',
        r.no,
        r.fingerprint,
        r.values.status,
        r.values.progress,
        r.values.deadline,
        r.values.problems,
      ]),
    ]);
    const form = await read(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(form.meta.rows.find((r) => r.no === 2)).toEqual({
      no: 2,
      fingerprint: spec.meta.rows.find((r) => r.no === 2)?.fingerprint,
      role: null,
      units: '',
      roleLabel: '',
      values: {
        ...spec.meta.rows.find((r) => r.no === 2)?.values,
        progressNote: '',
        nextSteps: '',
        contact: '',
        phone: '',
      },
    });
    // As issued, nothing is a change; a note written in is.
    expect(checkReturn(form, context).reported).toEqual([]);
    const filled = checkReturn(
      {
        ...form,
        rows: form.rows.map((r, i) =>
          i === 0 ? { ...r, progressNote: { kind: 'text', text: '已启动' } } : r,
        ),
      },
      context,
    );
    expect(filled.reported.map((r) => [r.no, r.changed.map((c) => [c.column, c.value])])).toEqual([
      [spec.rows[0].no, [['progressNote', '已启动']]],
    ]);
  });

  withPython(
    'names what a unit wrote outside the form’s columns, in a row of its own, and reads a renamed sheet',
    async () => {
      // The unit adds a 备注 column (Q), writes beside the table (R7), fills a row with no 序号 or
      // task, types a date serial into 完成时限, and renames the sheet.
      const script = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["反馈表"]
head = next(r for r in range(1, 10) if ws.cell(r, 1).value == "序号")
cols = {ws.cell(head, c).value: c for c in range(1, ws.max_column + 1)}
rows = {ws.cell(r, 1).value: r for r in range(head + 1, ws.max_row + 1)}
ws.cell(head, 17).value = "备注"
ws.cell(rows[${leadNo}], 17).value = "已上报省总工会"
ws.cell(7, 18).value = "表外说明"
ws.cell(ws.max_row + 1, cols["进展情况"]).value = "填表人：王五"
ws.cell(rows[${leadNo}], cols["完成时限"]).value = 46387
ws.title = "双辽反馈"
wb.save(sys.argv[2])
`;
      const { execFileSync } = await import('node:child_process');
      const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const dir = mkdtempSync(join(tmpdir(), 'outside-'));
      writeFileSync(join(dir, 'in.xlsx'), await written());
      execFileSync(PYTHON, ['-c', script, join(dir, 'in.xlsx'), join(dir, 'out.xlsx')]);
      const form = await read(new Uint8Array(readFileSync(join(dir, 'out.xlsx'))));
      const checked = checkReturn(form, context);
      const sentences = checked.problems.map((p) => describeFormProblem(p).zh);
      const outside = sentences.find((t) => t.startsWith('单位在反馈表各栏之外写了内容'));
      expect(outside).toMatch(/R7“表外说明”/u);
      expect(outside).toMatch(/Q\d+“已上报省总工会”（“备注”列，第19项）/u);
      expect(sentences).toContainEqual(
        expect.stringMatching(/单位新增了一行（无序号 ），未导入.*填表人：王五/u),
      );
      // The serial is the date it stands for, in the review as in the ledger.
      const deadline = checked.reported
        .find((r) => r.no === leadNo)
        ?.changed.find((c) => c.column === 'deadline');
      expect(deadline).toMatchObject({ value: '2026-12-31', shown: '2026-12-31' });
    },
  );

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
    const macro = await JSZip.loadAsync(await written());
    macro.file('xl/vbaProject.bin', new Uint8Array([1, 2, 3]));
    expect(await reason('宏.xlsm', await macro.generateAsync({ type: 'uint8array' }))).toContain('含宏');
  });
});
