// The exported workbook and the unit drafts, read back by tools that did not write them:
// openpyxl (Python), LibreOffice (to PDF), poppler's pdftotext and pdffonts, mailparser, JSZip.
// Without those tools (a user's machine) the file checks are skipped with one line; CI has them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import { readReturnForm, summaryWorkbook, unitDraft, unitDraftsZip } from '../../src/files';
import {
  DEFAULT_DIRECTORY,
  DEFAULT_STATUSES,
  OFFICIAL_TASKS,
  summarize,
  tasksForUnit,
  type UnitDirectory,
} from '../../src/ledger';
import { AS_OF_DATE, asOf } from '../asOf';
import { ledgerWith, set } from '../ledger/fixtures';

jest.setTimeout(120_000);

const PYTHON = '/usr/bin/python3';
const has = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const tools = {
  openpyxl: has(PYTHON, ['-c', 'import openpyxl']),
  soffice: has('soffice', ['--version']),
  poppler: has('pdftotext', ['-v']) && has('pdffonts', ['-v']),
};
const missing = Object.entries(tools)
  .filter(([, ok]) => !ok)
  .map(([name]) => name);
if (missing.length && process.env.CI) throw new Error(`CI must have ${missing.join(', ')} (see .ci/run)`);
if (missing.length)
  console.log(
    `workbook file checks skipped: ${missing.join(', ')} not installed (bash .ci/run installs them)`,
  );
const withTools = missing.length ? it.skip : it;

// Every task behind, with long notes: the behind list runs over several pages.
const ledger = ledgerWith((rows) => {
  for (const task of OFFICIAL_TASKS) {
    set(rows, task.no, 'status', task.no === 40 ? '已完成' : '滞后');
    set(rows, task.no, 'problems', `第${task.no}项的问题说明，`.repeat(60));
    set(rows, task.no, 'deadline', 46022);
  }
});
const model = summarize(ledger, { asOf });
const dir = mkdtempSync(join(tmpdir(), 'summary-files-'));

const READ_BACK = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb:
    out[ws.title] = {
        "title": ws["A1"].value,
        "merged": [str(r) for r in ws.merged_cells.ranges],
        "freeze": ws.freeze_panes,
        "printTitles": ws.print_title_rows,
        "orientation": ws.page_setup.orientation,
        "paper": ws.page_setup.paperSize,
        "fitWidth": ws.page_setup.fitToWidth,
        "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage,
        "formats": sorted({c.number_format for row in ws.iter_rows() for c in row if c.value is not None}),
        "percentCells": [c.value for row in ws.iter_rows() for c in row if c.number_format == "0.0%"][:3],
    }
print(json.dumps(out, ensure_ascii=False))
`;

describe('the summary workbook file', () => {
  let path = '';
  beforeAll(async () => {
    const file = await summaryWorkbook(model, { overview: true, behind: true }, { created: AS_OF_DATE });
    expect(file.name).toBe('四平市职教重点任务汇总_截至20261128.xlsx');
    path = join(dir, file.name);
    writeFileSync(path, file.bytes);
  });

  withTools('reads back in openpyxl with titles, merges, formats, frozen header and print setup', () => {
    const sheets = JSON.parse(execFileSync(PYTHON, ['-c', READ_BACK, path], { encoding: 'utf8' }));
    expect(Object.keys(sheets)).toEqual(['汇总-总体', '汇总-滞后逾期']);
    const overview = sheets['汇总-总体'];
    expect(overview.title).toBe('四平市现代职业教育重点工作任务推进情况汇总（截至2026年11月28日）');
    expect(overview.merged).toContain('A1:K1');
    expect(overview.formats).toContain('0.0%');
    expect(overview.percentCells.every((v: unknown) => typeof v === 'number')).toBe(true);
    const behind = sheets['汇总-滞后逾期'];
    expect(behind).toMatchObject({
      freeze: 'A5',
      printTitles: '$4:$4',
      orientation: 'landscape',
      paper: 9,
      fitWidth: 1,
    });
    expect(behind.fitToPage).toBe(true);
  });

  withTools(
    'prints through LibreOffice one page wide, the header on every page, with a CJK font embedded',
    () => {
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path], {
        stdio: 'ignore',
      });
      const pdf = path.replace(/\.xlsx$/, '.pdf');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((p) => p.trim());
      expect(text).toContain('四平市现代职业教育重点工作任务推进情况汇总');
      expect(text).toContain('截至2026年11月28日');
      for (const unit of model.units) expect(text).toContain(unit.name);
      const behindPages = pages.filter((p) => p.includes('序号') && p.includes('存在问题'));
      // The behind list needs more than one page; each repeats the header and carries its last column.
      expect(behindPages.length).toBeGreaterThan(1);
      for (const page of behindPages) expect(page).toMatch(/序号[\s\S]*工作任务[\s\S]*存在问题/);
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
      expect(fonts).toMatch(/(WenQuanYi|Noto\w*CJK|Droid\w*Fallback|DengXian|SimSun)\S*\s.*\byes\b/);
    },
  );
});

describe('落后序时 in the exported workbook', () => {
  withTools('keeps its one decimal (0.0 from CELL_STYLES, which paints the summary sheet too)', async () => {
    const behindModel = summarize(
      ledgerWith((rows) => {
        set(rows, 1, 'deadline', 46387);
        set(rows, 1, 'progress', 20);
      }),
      { asOf },
    );
    const points = behindModel.behind.find((b) => b.no === 1)?.behind;
    // A value with a decimal part, or the format could not show the difference.
    expect(Number.isInteger(points)).toBe(false);
    const file = await summaryWorkbook(
      behindModel,
      { overview: false, behind: true },
      { created: AS_OF_DATE },
    );
    const path = join(dir, `points-${file.name}`);
    writeFileSync(path, file.bytes);
    const script = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["汇总-滞后逾期"]
column = next(c.column for row in ws.iter_rows() for c in row if c.value == "落后序时(百分点)")
print(json.dumps([[c.value, c.number_format] for c in ws.iter_cols(min_col=column, max_col=column).__next__() if isinstance(c.value, (int, float))]))
`;
    const cells = JSON.parse(execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8' }));
    expect(cells).toContainEqual([points, '0.0']);
  });
});

describe('sheet names in one workbook', () => {
  it('are distinct when two long unit names cut to the same 31 characters', async () => {
    const stem = '四平市现代职业教育园区建设工作领导小组办公室综合协调组';
    const units = [`${stem}第一分组`, `${stem}第二分组`];
    const file = await summaryWorkbook(
      model,
      { overview: false, behind: false, units },
      { created: AS_OF_DATE },
    );
    expect(new Set(file.sheets).size).toBe(2);
    expect(file.sheets.every((name) => Array.from(name).length <= 31)).toBe(true);
  });
});

describe('the unit drafts', () => {
  it('can carry the unit’s 反馈表 beside its summary, and say so in the body', async () => {
    const draft = await unitDraft(
      model,
      '市总工会',
      { cc: [] },
      {
        created: AS_OF_DATE,
        returnForm: { ledgerId: 'ledger-1', statuses: DEFAULT_STATUSES, ledger },
      },
    );
    const mail = await simpleParser(Buffer.from(draft.bytes));
    expect(mail.attachments.map((a) => a.filename)).toEqual([
      '市总工会_四平市职教重点任务汇总_截至20261128.xlsx',
      '市总工会_四平市职教重点任务反馈表_20261128.xlsx',
    ]);
    expect(mail.text).toContain(
      '请在附件《市总工会_四平市职教重点任务反馈表_20261128.xlsx》中填写本单位任务的进展',
    );
    const form = await readReturnForm(
      mail.attachments[1].filename ?? '',
      new Uint8Array(mail.attachments[1].content),
    );
    expect(form.meta).toMatchObject({ ledgerId: 'ledger-1', unit: '市总工会' });
  });

  const directory: UnitDirectory = {
    units: DEFAULT_DIRECTORY.units.map((u) =>
      u.name === '双辽市人民政府' ? { ...u, email: 'sl@example.gov.cn' } : u,
    ),
  };

  it('come as one .zip of parseable drafts, each to its unit with its own sheet attached', async () => {
    const units = ['双辽市人民政府', '市总工会', '各县（市）人民政府'];
    const { file, drafts } = await unitDraftsZip(
      model,
      units,
      { cc: [{ email: 'ducha@example.gov.cn' }] },
      {
        directory,
        created: AS_OF_DATE,
      },
    );
    expect(file.name).toBe('四平市职教重点任务汇总_截至20261128_各单位邮件草稿.zip');
    expect(drafts.map((d) => [d.unit, d.address?.email ?? null])).toEqual([
      ['双辽市人民政府', 'sl@example.gov.cn'],
      ['市总工会', null],
      ['各县（市）人民政府', null],
    ]);
    const archive = await JSZip.loadAsync(file.bytes);
    const names = Object.keys(archive.files);
    expect(names).toHaveLength(3);
    const first = archive.file(names[0]);
    const mail = await simpleParser(Buffer.from(await first!.async('uint8array')));
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to[0]?.value[0]?.address).toBe('sl@example.gov.cn');
    expect(mail.subject).toContain('【双辽市人民政府】');
    for (const no of tasksForUnit(model.tasks, '双辽市人民政府')) expect(mail.text).toContain(`\n${no}\t`);
    expect(mail.attachments[0].filename).toBe('双辽市人民政府_四平市职教重点任务汇总_截至20261128.xlsx');
    expect(mail.attachments).toHaveLength(1);
    const attached = await JSZip.loadAsync(mail.attachments[0].content);
    const workbook = await attached.file('xl/workbook.xml')!.async('string');
    expect(workbook).toContain('汇总-双辽市人民政府');
  });

  it('carry each unit’s 反馈表 in the .zip too when asked, as a single draft does, from one builder', async () => {
    const units = ['双辽市人民政府', '市总工会', '市财政局'];
    const options = {
      directory,
      created: AS_OF_DATE,
      returnForm: { ledgerId: 'ledger-1', statuses: DEFAULT_STATUSES, ledger },
    };
    const { file } = await unitDraftsZip(model, units, { cc: [] }, options);
    const archive = await JSZip.loadAsync(file.bytes);
    const names = Object.keys(archive.files);
    expect(names).toHaveLength(units.length);
    for (const [i, unit] of units.entries()) {
      const zipped = await simpleParser(Buffer.from(await archive.file(names[i])!.async('uint8array')));
      const single = await simpleParser(
        Buffer.from((await unitDraft(model, unit, { cc: [] }, options)).bytes),
      );
      expect(zipped.attachments.map((a) => a.filename)).toEqual([
        `${unit}_四平市职教重点任务汇总_截至20261128.xlsx`,
        `${unit}_四平市职教重点任务反馈表_20261128.xlsx`,
      ]);
      expect(zipped.attachments.map((a) => a.filename)).toEqual(single.attachments.map((a) => a.filename));
      const form = await readReturnForm(
        zipped.attachments[1].filename ?? '',
        new Uint8Array(zipped.attachments[1].content),
      );
      expect(form.meta.unit).toBe(unit);
    }
  });
});
