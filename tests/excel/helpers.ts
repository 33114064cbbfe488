import { ExcelSim, type WorkbookSnapshot } from '../../src/excel-sim';
import { cellRef, TABLE_AT_A1 } from '../../src/ledger';

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
  walk(before.names, after.names, 'names');
  walk(before.customXmlParts, after.customXmlParts, 'customXmlParts');
  return out;
}

/** What a task's cell holds, found as a user would: the 序号 in the header's column, the column by its header. */
export function taskCell(sim: ExcelSim, no: number, header: string, sheet = '任务台账'): unknown {
  const values = sim.values(sheet);
  const headerRow = values.findIndex((row) => row.includes('序号'));
  const noColumn = values[headerRow].indexOf('序号');
  const column = values[headerRow].indexOf(header);
  const row = values.findIndex((r, i) => i > headerRow && r[noColumn] === no);
  if (headerRow < 0 || column < 0 || row < 0) throw new Error(`no cell ${header} of task ${no} on ${sheet}`);
  return values[row][column];
}

/** Every cell of every sheet that differs between two snapshots, as 任务台账!D27, sorted. */
export function changedCells(before: WorkbookSnapshot, after: WorkbookSnapshot): string[] {
  const out: string[] = [];
  for (const sheet of after.sheets) {
    const earlier = before.sheets.find((s) => s.id === sheet.id)?.cells ?? {};
    for (const key of new Set([...Object.keys(sheet.cells), ...Object.keys(earlier)])) {
      if (JSON.stringify(sheet.cells[key]) === JSON.stringify(earlier[key])) continue;
      const [row, column] = key.split(',').map(Number);
      out.push(`${sheet.name}!${cellRef(TABLE_AT_A1, row - 1, column)}`);
    }
  }
  return out.sort();
}

/** Someone else protects a sheet with a password, and the add-in's records of its own protection (setting, mark) are gone. */
export function protectAsSomeoneElse(sim: ExcelSim, sheetName: string): Promise<void> {
  return sim.run(async (c) => {
    const sheet = c.workbook.worksheets.getItem(sheetName);
    sheet.protection.unprotect();
    sheet.protection.protect({}, '密码');
    const setting = c.workbook.settings.getItemOrNullObject('renwuTaizhang.protectedSheets').load('value');
    const mark = sheet.names.getItemOrNullObject('RenwuTaizhang_Protected').load('name');
    await c.sync();
    if (!setting.isNullObject) setting.delete();
    if (!mark.isNullObject) mark.delete();
    await c.sync();
  });
}

/** A column of a sheet below the header that holds `header`, up to the first blank. */
export function columnBelow(sim: ExcelSim, sheet: string, header: string): unknown[] {
  const values = sim.values(sheet);
  const row = values.findIndex((r) => r.includes(header));
  const column = values[row].indexOf(header);
  const out: unknown[] = [];
  for (let r = row + 1; r < values.length && values[r][column] !== ''; r++) out.push(values[r][column]);
  return out;
}
