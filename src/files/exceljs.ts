// exceljs is big: its own chunk, fetched when a file is first made or read. The only import of
// the library in the project (lint enforces that only src/files may import it).
type ExcelJSModule = typeof import('exceljs');

export async function exceljs(): Promise<ExcelJSModule> {
  const loaded = (await import(/* webpackChunkName: "xlsx-writer" */ 'exceljs')) as ExcelJSModule & {
    default?: ExcelJSModule;
  };
  return loaded.default ?? loaded;
}

/** A sheet's validation rules, kept by address (a range too): a member exceljs's typings leave out. */
export interface SheetValidations {
  add(address: string, rule: import('exceljs').DataValidation): void;
}

export function validationsOf(sheet: import('exceljs').Worksheet): SheetValidations {
  return (sheet as unknown as { readonly dataValidations: SheetValidations }).dataValidations;
}
