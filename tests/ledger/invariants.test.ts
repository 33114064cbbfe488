// The "nothing lost" invariants as properties over random ledgers and random edits: ledgers
// built from official tasks the way people build them (subsets, renumbering, own tasks
// inserted, near and far edits, swapped numbers, repeats, blank rows, dates), then checked.
import fc from 'fast-check';
import {
  fixesFor,
  makeLedger,
  OFFICIAL_TASKS,
  officialTextIndex,
  summarize,
  summarySheets,
  unitTasks,
  validateLedger,
  withCells,
  type CellValue,
  type Ledger,
} from '../../src/ledger';
import { col, HEADER } from './fixtures';
import { asOf } from '../asOf';

const find = officialTextIndex(OFFICIAL_TASKS);

/** A row as a person might leave it. */
const rowEdit = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('near' as const),
    at: fc.nat(60),
    by: fc.constantFrom('的', '和', '，', ''),
  }),
  fc.record({
    kind: fc.constant('own' as const),
    text: fc.constantFrom('本单位自定任务', '完善台账报送制度。', '开展专项督查'),
  }),
  fc.record({
    kind: fc.constant('units' as const),
    units: fc.constantFrom('市教育局', '', '市教育局,市财政局', '某协会'),
  }),
  fc.record({
    kind: fc.constant('no' as const),
    no: fc.oneof(fc.integer({ min: 1, max: 45 }), fc.constantFrom('', '3', '５', 2.5)),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    status: fc.constantFrom('已完成', '完成', '滞后', '', '进行中'),
  }),
  fc.record({
    kind: fc.constant('deadline' as const),
    deadline: fc.constantFrom<CellValue>(46295, 46022, 2026, 2026.12, '2025年底前', '长期', 'x'),
  }),
  fc.record({
    kind: fc.constant('progress' as const),
    progress: fc.constantFrom<CellValue>(0.5, 50, '50%', 120, '五十'),
  }),
  fc.constant({ kind: 'blank' as const }),
);

const ledgerPlan = fc.record({
  tasks: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 40 }),
  renumber: fc.boolean(),
  edits: fc.array(rowEdit, { maxLength: 40 }),
});

type Plan = { tasks: number[]; renumber: boolean; edits: { kind: string; [key: string]: unknown }[] };

function build(plan: Plan): Ledger {
  const rows: CellValue[][] = plan.tasks.map((no, i) => {
    const t = OFFICIAL_TASKS[no - 1];
    const r: CellValue[] = HEADER.map(() => '');
    r[col('no')] = plan.renumber ? i + 1 : no;
    r[col('task')] = t.task;
    r[col('units')] = t.units;
    r[col('status')] = '序时推进';
    return r;
  });
  plan.edits.forEach((e, i) => {
    const r = rows[i % rows.length];
    switch (e.kind) {
      case 'near': {
        const text = Array.from(String(r[col('task')]));
        text.splice((e.at as number) % Math.max(text.length, 1), 1, e.by as string);
        r[col('task')] = text.join('');
        break;
      }
      case 'own':
        r[col('task')] = e.text as string;
        break;
      case 'units':
        r[col('units')] = e.units as string;
        break;
      case 'no':
        r[col('no')] = e.no as CellValue;
        break;
      case 'status':
        r[col('status')] = e.status as string;
        break;
      case 'deadline':
        r[col('deadline')] = e.deadline as CellValue;
        break;
      case 'progress':
        r[col('progress')] = e.progress as CellValue;
        break;
      case 'blank':
        r.fill('');
        break;
    }
  });
  return makeLedger({ header: HEADER, rows });
}

const RUNS = 400;

describe('nothing lost: properties', () => {
  it('fix-all writes only cells a finding names, and a task text only ever becomes the official text its own text is', () => {
    fc.assert(
      fc.property(ledgerPlan, (plan) => {
        const ledger = build(plan);
        const findings = validateLedger(ledger, { asOf });
        const named = new Set(findings.filter((f) => f.fix).map((f) => `${f.fix!.row}:${f.fix!.column}`));
        const fixes = fixesFor(ledger, findings);
        for (const f of fixes) expect(named.has(`${f.row}:${f.column}`)).toBe(true);
        const after = withCells(ledger, fixes);
        after.rows.forEach((r, i) => {
          const was = String(ledger.rows[i][col('task')] ?? '');
          const now = String(r[col('task')] ?? '');
          if (now !== was) {
            // Either the official text the row's own text is, or (for an emptied text) the
            // task its number and units both name.
            if (was.trim()) expect(now).toBe(find(was)?.official.task);
            else expect(OFFICIAL_TASKS.some((t) => t.task === now && t.no === r[col('no')])).toBe(true);
          }
          // Every other cell of the row is what it was, unless a fix named it.
          r.forEach((v, c) => {
            if (!named.has(`${i}:${c}`)) expect(v).toEqual(ledger.rows[i][c]);
          });
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('the overview, the per-unit table and every unit sheet agree, whatever the numbering', () => {
    fc.assert(
      fc.property(ledgerPlan, (plan) => {
        const ledger = build(plan);
        const model = summarize(ledger, { asOf });
        expect(model.total + model.leftOut.length).toBe(
          ledger.rows.filter((r) => r.some((v) => v !== '' && v !== null)).length,
        );
        for (const u of model.units) {
          const own = unitTasks(model, u.name);
          expect(own).toHaveLength(u.total);
          expect(own.filter((t) => t.done).length).toBeCloseTo(u.completionRate * u.total, 6);
        }
        const [overview] = summarySheets(model, { overview: true, behind: false });
        const total = overview.rows.find((r) => r.cells[0]?.value === '合计')?.cells[1]?.value;
        expect(total).toBe(model.total);
      }),
      { numRuns: RUNS },
    );
  });

  it('no date appears on a summary as its serial number: a serial is only ever a date cell', () => {
    fc.assert(
      fc.property(
        ledgerPlan,
        fc.constantFrom('General', 'yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'm/d/yyyy'),
        (plan, format) => {
          const ledger = build(plan);
          const formats = ledger.rows.map((r) => r.map(() => format));
          const dated = makeLedger({ header: HEADER, rows: ledger.rows, formats });
          const model = summarize(dated, { asOf });
          const units = model.units.slice(0, 3).map((u) => u.name);
          const serials = new Set(
            dated.rows
              .map((r) => r[col('deadline')])
              .filter((v) => typeof v === 'number' && v > 3000)
              .map(String),
          );
          for (const sheet of summarySheets(model, { overview: true, behind: true, units }))
            for (const r of sheet.rows)
              for (const c of r.cells)
                if (serials.has(String(c.value)))
                  expect([c.value, c.style]).toEqual([Number(c.value), 'date']);
        },
      ),
      { numRuns: RUNS / 4 },
    );
  });
});
