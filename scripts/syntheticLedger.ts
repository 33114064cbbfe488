// The synthetic ledgers of `npm run bench`, shared with the golden test that guards the core's
// findings and summary while it is made faster (tests/ledger/analysisGolden.test.ts).
import { LEDGER_COLUMNS, makeLedger, OFFICIAL_TASKS, type CellValue, type Ledger } from '../src/ledger';

// A worked-in ledger: mostly clean, with the slips seen in real ones (a finding in about one
// row of ten) — and a messy one where nearly every row has one, to show the cost of findings.
const STATUSES = [
  '序时推进',
  '序时推进',
  '已完成',
  '未启动',
  '滞后',
  '序时推进',
  '已完成',
  '序时推进',
  '序时推进',
  '完成',
];
export const DEADLINES = [
  '2026年底前',
  '2027年6月底前',
  47000,
  '长期',
  '2027-06-30',
  '2026年12月31日',
  '持续推进',
  '2026年底前',
  '2027年',
  '尽快',
];
const MESSY_DEADLINES = ['2026年底前', '2026年6月底前', 46000, '长期', '2025年', '尽快'];

export function syntheticRows(size: number, messy: boolean): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < size; i++) {
    const official = OFFICIAL_TASKS[i % OFFICIAL_TASKS.length];
    rows.push([
      i + 1,
      i % 97 === 0 ? `${official.task}（修订）` : official.task,
      i % 89 === 0 ? `${official.units}、市教育厅` : official.units,
      STATUSES[i % STATUSES.length],
      messy ? (i * 7) % 110 : STATUSES[i % STATUSES.length] === '已完成' ? 100 : (i * 7) % 100,
      messy ? MESSY_DEADLINES[i % MESSY_DEADLINES.length] : DEADLINES[(i >> 1) % DEADLINES.length],
      `进展${i}`,
      messy && i % 3 === 0 ? '' : '资金不足',
      '',
      46350 - (i % 40),
      '张三',
    ]);
  }
  return rows;
}

export function syntheticLedger(size: number, messy: boolean): Ledger {
  return makeLedger({ header: LEDGER_COLUMNS.map((c) => c.header), rows: syntheticRows(size, messy) });
}
