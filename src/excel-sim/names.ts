// Defined names (Excel.NamedItemCollection, add: ExcelApi 1.4). A name that refers to a table
// column ("=StatusList[状态]") follows the table and column as Excel re-targets a structured
// reference: renaming the table or its header changes the name's formula, not what it means.
// https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection
// Workbook.names holds the workbook-scoped names, Worksheet.names (ExcelApi 1.4) those scoped to
// one sheet, which go with the sheet when it is deleted: excel.worksheet#excel-excel-worksheet-names-member.
import { SimCollection } from './collection';
import { SimClientObject, type SimContext } from './core';
import { SimError } from './errors';
import { displayText, readCell } from './model';
import type { NameModel, WorkbookState } from './state';

const STRUCTURED = /^=([^[\]]+)\[([^\]]+)\]$/u;
/** Excel's rules for a name: a letter, _ or \ first; letters, digits, _ and . after; not a cell reference. */
const VALID_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;
const CELL_LIKE = /^[A-Za-z]{1,3}\d+$/u;

/** The name's formula as Excel shows it now: the table's and the column's current names. */
export function nameFormula(state: WorkbookState, name: NameModel): string {
  if (name.target.kind === 'formula') return name.target.formula;
  const { tableId, column } = name.target;
  const table = state.tables.find((t) => t.id === tableId);
  const sheet = table ? state.sheetById(table.sheetId) : undefined;
  if (!table || !sheet || column >= table.rect.columnCount) return '=#REF!';
  const header = displayText(readCell(sheet, table.rect.row, table.rect.column + column));
  return `=${table.name}[${header}]`;
}

export class SimNamedItem extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly key: () => string | null,
    private readonly scope: () => string | undefined = () => undefined,
  ) {
    super(ctx);
  }
  private model(): NameModel | undefined {
    const key = this.key();
    const scope = this.scope();
    return key === null
      ? undefined
      : this.context.state.names.find((n) => n.name.toLowerCase() === key && n.scope === scope);
  }
  protected exists(): boolean {
    return this.model() !== undefined;
  }
  protected scalars(): Record<string, () => unknown> {
    const model = () => this.model() as NameModel;
    return {
      name: () => model().name,
      formula: () => nameFormula(this.context.state, model()),
      type: () => 'Range',
      visible: () => true,
    };
  }
  get name(): string {
    return this.read('name') as string;
  }
  /** NamedItem.formula is typed any in office-js; here it is always the formula text. */
  get formula(): any {
    return this.read('formula');
  }
  delete(): void {
    this.call('delete', null, () => {
      const found = this.model();
      this.context.state.names = this.context.state.names.filter((n) => n !== found);
    });
  }
}

export class SimNamedItemCollection extends SimCollection<SimNamedItem> {
  /** scope: the id of the sheet whose names these are; undefined for the workbook's own. */
  constructor(
    ctx: SimContext,
    private readonly scope: () => string | undefined = () => undefined,
  ) {
    super(ctx);
  }
  private inScope(): NameModel[] {
    const scope = this.scope();
    return this.context.state.names.filter((n) => n.scope === scope);
  }
  protected currentItems(): SimNamedItem[] {
    return this.inScope().map((n) => new SimNamedItem(this.context, () => n.name.toLowerCase(), this.scope));
  }

  /** NamedItemCollection.add(name, reference): a table column's structured reference is kept as that column. */
  add(name: string, reference: string, comment?: string): SimNamedItem {
    this.call('add', { name, reference, comment }, () => {
      const state = this.context.state;
      if (!VALID_NAME.test(name) || CELL_LIKE.test(name))
        throw new SimError('InvalidArgument', `"${name}" is not a valid name.`);
      if (this.inScope().some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new SimError('ItemAlreadyExists', `The name ${name} already exists.`);
      const structured = STRUCTURED.exec(reference);
      const table = structured
        ? state.tables.find((t) => t.name.toLowerCase() === structured[1].toLowerCase())
        : undefined;
      const sheet = table ? state.sheetById(table.sheetId) : undefined;
      const column =
        table && sheet && structured
          ? Array.from({ length: table.rect.columnCount }, (_, c) =>
              displayText(readCell(sheet, table.rect.row, table.rect.column + c)),
            ).indexOf(structured[2])
          : -1;
      if (structured && (!table || column < 0))
        throw new SimError('InvalidArgument', `${reference} names no table column.`);
      const scope = this.scope();
      state.names.push({
        name,
        ...(scope === undefined ? {} : { scope }),
        target:
          table && column >= 0
            ? { kind: 'column', tableId: table.id, column }
            : { kind: 'formula', formula: reference },
      });
    });
    return new SimNamedItem(this.context, () => name.toLowerCase(), this.scope);
  }

  private lookup(name: string, nullable: boolean): SimNamedItem {
    const item = new SimNamedItem(this.context, () => name.toLowerCase(), this.scope);
    item._nullable = nullable;
    this.call('getItem', name, () => {
      if (!nullable && !this.inScope().some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new SimError('ItemNotFound', `No name ${name}.`);
    });
    return item;
  }
  getItem(name: string): SimNamedItem {
    return this.lookup(name, false);
  }
  getItemOrNullObject(name: string): SimNamedItem {
    return this.lookup(name, true);
  }
}
