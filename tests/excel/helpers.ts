import { ExcelSim, type WorkbookSnapshot } from '../../src/excel-sim';

export const ALL_SETS = () => true;
export const UP_TO_1_8 = (v: string) => Number(v.split('.')[1]) <= 8;
/** Volume-licensed Excel 2019 on Windows. */
export const UP_TO_1_7 = (v: string) => Number(v.split('.')[1]) <= 7;

/** Syncs an operation used, measured on the simulator. */
export async function countSyncs<T>(
  sim: ExcelSim,
  op: () => Promise<T>,
): Promise<{ result: T; syncs: number }> {
  const before = sim.syncCount;
  const result = await op();
  return { result, syncs: sim.syncCount - before };
}

/** What differs between two snapshots, as a list of paths, to assert "only this changed". */
export function changedPaths(before: WorkbookSnapshot, after: WorkbookSnapshot): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
      for (const k of keys)
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      return;
    }
    out.push(path);
  };
  const byId = (s: WorkbookSnapshot) => Object.fromEntries(s.sheets.map((x) => [x.name, x]));
  walk(byId(before), byId(after), 'sheets');
  walk(before.tables, after.tables, 'tables');
  walk(before.settings, after.settings, 'settings');
  return out;
}
