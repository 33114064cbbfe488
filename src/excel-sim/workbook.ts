// Workbook, settings and the request context. https://learn.microsoft.com/javascript/api/excel/excel.workbook
import { SimCollection } from './collection';
import { SimClientObject, SimClientResult, SimContext } from './core';
import { SimCustomXmlPartCollection } from './customXml';
import { SimError } from './errors';
import { SimEventHandlers } from './events';
import { SimFunctions } from './functions';
import { SimNamedItemCollection } from './names';
import { SimRange } from './range';
import type { WorkbookState } from './state';
import { SimTableCollection } from './table';
import { SheetRef, SimWorksheet, SimWorksheetCollection } from './worksheet';

export class SimSetting extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly keyOf: () => string | null,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    const key = this.keyOf();
    return key !== null && this.context.state.settings.has(key);
  }
  protected scalars(): Record<string, () => unknown> {
    return { key: () => this.keyOf(), value: () => this.context.state.settings.get(this.keyOf() as string) };
  }
  get key(): string {
    return this.read('key') as string;
  }
  get value(): any {
    return this.read('value');
  }
  set value(value: any) {
    this.write('value', value, () =>
      this.context.state.settings.set(this.keyOf() as string, JSON.parse(JSON.stringify(value))),
    );
  }
  delete(): void {
    this.call('delete', null, () => this.context.state.settings.delete(this.keyOf() as string));
  }
}

/** Workbook settings persist with the document; values are JSON-serializable. */
export class SimSettingCollection extends SimCollection<SimSetting> {
  protected currentItems(): SimSetting[] {
    return [...this.context.state.settings.keys()].map((k) => new SimSetting(this.context, () => k));
  }
  add(key: string, value: unknown): SimSetting {
    this.call('add', { key, value }, () => {
      if (!key) throw new SimError('InvalidArgument', 'A setting needs a key.');
      this.context.state.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new SimSetting(this.context, () => key);
  }
  private lookup(key: string, nullable: boolean): SimSetting {
    const holder: { key: string | null } = { key: null };
    const setting = new SimSetting(this.context, () => holder.key);
    setting._nullable = nullable;
    this.call('getItem', key, () => {
      if (!this.context.state.settings.has(key) && !nullable)
        throw new SimError('ItemNotFound', `No setting "${key}".`);
      holder.key = this.context.state.settings.has(key) ? key : null;
    });
    return setting;
  }
  getItem(key: string): SimSetting {
    return this.lookup(key, false);
  }
  getItemOrNullObject(key: string): SimSetting {
    return this.lookup(key, true);
  }
  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.call('getCount', null, () => result._set(this.context.state.settings.size));
    return result;
  }
}

/** WorkbookProtection (ExcelApi 1.7): the structure of the workbook (its sheets). */
export class SimWorkbookProtection extends SimClientObject {
  protected exists(): boolean {
    return true;
  }
  protected scalars(): Record<string, () => unknown> {
    return { protected: () => this.context.state.structureProtected };
  }
  get protected(): boolean {
    return this.read('protected') as boolean;
  }
  protect(password?: string): void {
    this.call('protect', { password: password ? '***' : undefined }, () => {
      this.context.state.structureProtected = true;
    });
  }
  unprotect(password?: string): void {
    this.call('unprotect', { password: password ? '***' : undefined }, () => {
      this.context.state.structureProtected = false;
    });
  }
}

export class SimWorkbook extends SimClientObject {
  private readonly worksheetsObject: SimWorksheetCollection;
  private readonly tablesObject: SimTableCollection;
  private readonly settingsObject: SimSettingCollection;
  private readonly selectionChanged: SimEventHandlers<{ type: 'SelectionChanged' }>;
  private readonly protectionObject: SimWorkbookProtection;
  private readonly namesObject: SimNamedItemCollection;
  private readonly functionsObject: SimFunctions;
  private readonly customXmlPartsObject: SimCustomXmlPartCollection;

  constructor(ctx: SimContext) {
    super(ctx);
    this.functionsObject = new SimFunctions(ctx);
    this.customXmlPartsObject = new SimCustomXmlPartCollection(ctx);
    this.namesObject = new SimNamedItemCollection(ctx);
    this.worksheetsObject = new SimWorksheetCollection(ctx);
    this.tablesObject = new SimTableCollection(ctx, null);
    this.settingsObject = new SimSettingCollection(ctx);
    this.protectionObject = new SimWorkbookProtection(ctx);
    this.selectionChanged = new SimEventHandlers(ctx, (handler) =>
      ctx.state.onSelectionChanged(() => handler({ type: 'SelectionChanged' })),
    );
  }
  /** Workbook.onSelectionChanged (ExcelApi 1.2). */
  get onSelectionChanged(): SimEventHandlers<{ type: 'SelectionChanged' }> {
    return this.selectionChanged;
  }
  protected exists(): boolean {
    return true;
  }
  protected scalars(): Record<string, () => unknown> {
    return { name: () => 'Book1.xlsx' };
  }
  protected override navigation(): Record<string, SimClientObject> {
    return {
      worksheets: this.worksheetsObject,
      tables: this.tablesObject,
      settings: this.settingsObject,
      protection: this.protectionObject,
      names: this.namesObject,
      customXmlParts: this.customXmlPartsObject,
    };
  }
  /** Workbook.functions (ExcelApi 1.2): worksheet functions computed by Excel. */
  get functions(): SimFunctions {
    return this.functionsObject;
  }
  /** Workbook.customXmlParts (ExcelApi 1.5). */
  get customXmlParts(): SimCustomXmlPartCollection {
    return this.customXmlPartsObject;
  }
  /** Workbook.names: the workbook's defined names. */
  get names(): SimNamedItemCollection {
    return this.namesObject;
  }
  get name(): string {
    return this.read('name') as string;
  }
  get protection(): SimWorkbookProtection {
    return this.protectionObject;
  }
  get worksheets(): SimWorksheetCollection {
    return this.worksheetsObject;
  }
  get tables(): SimTableCollection {
    return this.tablesObject;
  }
  get settings(): SimSettingCollection {
    return this.settingsObject;
  }
  getSelectedRange(): SimRange {
    const ref = new SheetRef(
      this.context,
      () => this.context.state.selection?.sheetId ?? this.context.state.activeSheet().id,
    );
    const sheet = new SimWorksheet(this.context, ref);
    return sheet._range(
      () => this.context.state.selection?.rect ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 },
    );
  }
}

/** What Excel.run hands the batch: the workbook, sync() and trackedObjects. */
export class SimRequestContext {
  readonly workbook: SimWorkbook;
  readonly trackedObjects = {
    add: (_obj: unknown) => undefined,
    remove: (_obj: unknown) => undefined,
  };
  readonly _ctx: SimContext;

  constructor(state: WorkbookState) {
    this._ctx = new SimContext(state);
    this._ctx.owner = this;
    this.workbook = new SimWorkbook(this._ctx);
  }

  sync(): Promise<void> {
    return this._ctx.sync();
  }
}
