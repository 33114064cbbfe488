import fc from 'fast-check';
import {
  makeLedger,
  parseDeadline,
  parseResponsibleUnits,
  readProgress,
  summarize,
  tasksForUnit,
  validateLedger,
  withCells,
  type CellValue,
  type Finding,
} from '../../src/ledger';
import { HEADER, officialRows } from './fixtures';
import { asOf } from '../asOf';

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.boolean(),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 50_000 }),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '#N/A',
    '#REF!',
    '已完成',
    '完成',
    '滞后',
    '50%',
    '2025年底前',
    '长期',
    '市教育局、市财政局，各县（市）人民政府',
    '市教育厅（牵头）、',
    '=SUM(A1)',
  ),
);

const row = fc.array(cellValue, { minLength: 0, maxLength: HEADER.length + 2 });
const ledgerArb = fc.array(row, { maxLength: 30 }).map((rows) => makeLedger({ header: HEADER, rows }));

describe('properties', () => {
  it('parsing never throws', () => {
    fc.assert(
      fc.property(cellValue, (v) => {
        parseResponsibleUnits(v);
        parseDeadline(v);
        readProgress(v, '0%');
      }),
      { numRuns: 2000 },
    );
  });

  it('validate and summarize never throw, and summary counts add up to the tasks', () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        validateLedger(ledger, { asOf });
        const model = summarize(ledger, { asOf });
        const byStatus = model.byStatus.reduce((a, s) => a + s.count, 0);
        expect(byStatus + model.otherStatus).toBe(model.total);
        expect(Object.values(model.lights).reduce((a, b) => a + b, 0)).toBe(model.total);
        expect(model.completed).toBe(model.byStatus.find((s) => s.status === '已完成')?.count ?? 0);
        for (const u of model.units) {
          expect(u.byStatus.reduce((a, b) => a + b, 0) + u.other).toBe(u.total);
          expect(u.led + u.joined).toBe(u.total);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a fix, once applied, removes its finding', () => {
    // Start from the official ledger and damage a few cells, so fixes exist to check.
    const edit = fc.record({
      row: fc.integer({ min: 0, max: 39 }),
      column: fc.integer({ min: 0, max: HEADER.length - 1 }),
      value: cellValue,
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
        const rows = officialRows();
        for (const e of edits) rows[e.row][e.column] = e.value;
        const ledger = makeLedger({ header: HEADER, rows });
        const before = validateLedger(ledger, { asOf });
        for (const f of before.filter((x) => x.fix)) {
          const after = validateLedger(withCells(ledger, [f.fix as NonNullable<Finding['fix']>]), { asOf });
          expect(after.map((x) => x.id)).not.toContain(f.id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tasksForUnit returns ascending unique numbers that include the direct mentions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ no: fc.integer({ min: 1, max: 60 }), units: cellValue })),
        fc.constantFrom('市教育局', '双辽市人民政府', '各县（市）人民政府', '铁西区政府'),
        (tasks, unit) => {
          const all = tasksForUnit(tasks, unit);
          expect([...all].sort((a, b) => a - b)).toEqual(all);
          expect(new Set(all).size).toBe(all.length);
          for (const no of tasksForUnit(tasks, unit, { includeCollectives: false }))
            expect(all).toContain(no);
          for (const no of tasksForUnit(tasks, unit, { role: 'lead' })) expect(all).toContain(no);
        },
      ),
      { numRuns: 300 },
    );
  });
});
