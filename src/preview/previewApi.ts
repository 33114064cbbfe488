// window.preview: for browser tests and anyone curious in the console.
import { formatAddress, type ExcelSim } from '../excel-sim';

export interface PreviewApi {
  sheetNames(): string[];
  values(sheet: string): unknown[][];
  setValues(sheet: string, address: string, values: unknown[][]): { ok: boolean; message?: string };
  selectedAddress(): string;
  syncCount(): number;
}

export function previewApi(sim: ExcelSim): PreviewApi {
  return {
    sheetNames: () => sim.state.sheets.map((s) => s.name),
    values: (sheet) => sim.values(sheet),
    setValues: (sheet, address, values) => {
      const result = sim.userEdit(sheet, address, values);
      return result.ok ? { ok: true } : { ok: false, message: result.message };
    },
    selectedAddress: () => {
      const selection = sim.state.selection;
      const sheet = selection ? sim.state.sheetById(selection.sheetId) : undefined;
      return selection && sheet ? formatAddress(sheet.name, selection.rect) : '';
    },
    syncCount: () => sim.syncCount,
  };
}
