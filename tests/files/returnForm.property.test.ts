// A property of the 反馈表 import: whatever a unit does to the fillable cells of its form, with
// whatever cell types (text, number, date, a formula with or without its result, an emptied
// cell), every cell it changed is proposed or named in a sentence, nothing it left as issued is
// proposed, and the cells left as issued are counted. The form goes through the file each time.
import fc from 'fast-check';
import { exceljs } from '../../src/files/exceljs';
import { readReturnForm, writeReturnForm } from '../../src/files';
import {
  checkReturn,
  DEFAULT_STATUSES,
  FILLABLE_KEYS,
  FORM_COLUMNS,
  isCollective,
  returnFormSpec,
  reviewReturns,
  summarize,
  type FillableKey,
} from '../../src/ledger';
import { AS_OF_DATE, asOf } from '../asOf';
import { ledgerWith, set } from '../ledger/fixtures';

jest.setTimeout(300_000);

const ledger = ledgerWith((rows) => {
  set(rows, 2, 'progress', 30);
  set(rows, 2, 'deadline', '2026年底前');
  set(rows, 2, 'problems', '经费缺口约500万元');
  set(rows, 19, 'progressNote', '已完成选址');
  set(rows, 28, 'nextSteps', '年底前开工');
  set(rows, 3, 'contact', '王五');
});
const model = summarize(ledger, { asOf });
// A county: lead on some tasks, partner on others, several reached through a 统称.
const UNIT = '双辽市人民政府';
const spec = returnFormSpec(model, UNIT, { ledgerId: 'ledger-1', statuses: DEFAULT_STATUSES, ledger });
const context = {
  ledgerId: 'ledger-1',
  statuses: DEFAULT_STATUSES,
  knowsUnit: () => true,
  isCollective: (unit: string) => isCollective(unit),
};

type Edit =
  | { readonly kind: 'keep' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly year: number; readonly month: number; readonly day: number }
  | { readonly kind: 'formula'; readonly result: string | number | null }
  | { readonly kind: 'empty' };

const words = [
  '资金已拨付',
  '=资金缺口',
  '+加快推进',
  '已完成',
  '序时推进',
  '滞后',
  '完成了',
  '第一阶段\n第二阶段',
  '张三 0434-1234567',
];
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant<Edit>({ kind: 'keep' }),
  fc.constant<Edit>({ kind: 'keep' }),
  fc.record({
    kind: fc.constant('text' as const),
    text: fc.oneof(
      fc.constantFrom(...words),
      fc.integer({ min: 0, max: 120 }).map((n) => `${n}%`),
    ),
  }),
  fc.record({
    kind: fc.constant('number' as const),
    value: fc.oneof(
      fc.integer({ min: -5, max: 130 }),
      fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      fc.constant(2031),
    ),
  }),
  fc.record({
    kind: fc.constant('date' as const),
    year: fc.integer({ min: 2030, max: 2035 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({
    kind: fc.constant('formula' as const),
    result: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 }), fc.constantFrom(...words)),
  }),
  fc.constant<Edit>({ kind: 'empty' }),
);
const formEdits = fc.array(
  fc.array(edit, { minLength: FILLABLE_KEYS.length, maxLength: FILLABLE_KEYS.length }),
  {
    minLength: spec.rows.length,
    maxLength: spec.rows.length,
  },
);

const pad = (n: number) => String(n).padStart(2, '0');

/** What the cell shows after the edit, as the review shows a value; null when it is left as issued. */
function shownAfter(e: Edit, issued: string, key: FillableKey): string | null {
  switch (e.kind) {
    case 'keep':
      return null;
    case 'text':
      // 进度 "30%" is 30, as the ledger reads it: the same as an issued 30.
      return key === 'progress' && /^\d+(\.\d+)?%$/u.test(e.text.trim())
        ? e.text.trim().slice(0, -1)
        : e.text.trim();
    case 'number':
      return String(e.value);
    case 'date':
      return `${e.year}-${pad(e.month)}-${pad(e.day)}`;
    case 'formula':
      return e.result === null ? '=1+1' : String(e.result).trim();
    case 'empty':
      return issued === '' ? null : '';
  }
}

async function fill(edits: readonly (readonly Edit[])[]): Promise<Uint8Array> {
  const ExcelJS = await exceljs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await written).buffer.slice(0) as ArrayBuffer);
  const sheet = workbook.getWorksheet('反馈表');
  if (!sheet) throw new Error('no form sheet');
  edits.forEach((row, r) =>
    row.forEach((e, k) => {
      // The first task row is 6: under the title, three lines of instructions and the header.
      const cell = sheet.getCell(6 + r, 1 + FORM_COLUMNS.findIndex((c) => c.key === FILLABLE_KEYS[k]));
      if (e.kind === 'keep') return;
      if (e.kind === 'text') cell.value = e.text;
      if (e.kind === 'number') cell.value = e.value;
      if (e.kind === 'empty') cell.value = null;
      if (e.kind === 'date') {
        cell.value = new Date(Date.UTC(e.year, e.month - 1, e.day));
        // A style of its own: exceljs shares one style object among the cells loaded with it.
        cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
      }
      if (e.kind === 'formula')
        cell.value =
          e.result === null
            ? { formula: '1+1', date1904: false }
            : { formula: 'A1', result: e.result, date1904: false };
    }),
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const written = writeReturnForm(spec, AS_OF_DATE);
let runs = 0;

describe('a returned form, edited at random', () => {
  it('has every changed cell proposed or named, nothing unchanged proposed, the rest counted', async () => {
    await fc.assert(
      fc.asyncProperty(formEdits, async (edits) => {
        runs++;
        const form = await readReturnForm(spec.fileName, await fill(edits));
        const checked = checkReturn(form, context);
        const { changes, notices } = reviewReturns({ ledger, tasks: model.tasks, returns: [checked] });
        const named = new Set(
          [...checked.problems, ...notices].flatMap((p) => p.cells.map((c) => `${c.no}|${c.column}`)),
        );
        const proposed = new Set(changes.flatMap((c) => c.sources.map((s) => `${c.no}|${s}`)));
        const edited = new Set<string>();
        let unchanged = 0;
        edits.forEach((row, r) =>
          row.forEach((e, k) => {
            const key: FillableKey = FILLABLE_KEYS[k];
            const issued = spec.meta.rows[r].values[key];
            const after = shownAfter(e, issued, key);
            if (after !== null && after !== issued) edited.add(`${spec.meta.rows[r].no}|${key}`);
            else if (issued !== '') unchanged++;
          }),
        );
        for (const cell of edited)
          expect([cell, proposed.has(cell) || named.has(cell)]).toEqual([cell, true]);
        for (const cell of proposed) expect([cell, edited.has(cell)]).toEqual([cell, true]);
        expect(checked.asIssued).toBe(unchanged);
      }),
      { numRuns: 200 },
    );
    console.log(`反馈表 property: ${runs} random forms`);
    expect(runs).toBeGreaterThanOrEqual(200);
  });
});
