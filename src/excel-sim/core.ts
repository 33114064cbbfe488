// The request/sync machinery: API objects queue operations; context.sync() runs the queue in
// order against the model, makes loaded properties readable, and fires change events.
// Rules from https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
// (load before read, proxy objects, sync) and the 5 MB payload cap of Excel on the web
// (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
import type { Rect } from './address';
import { SimError } from './errors';
import { PAYLOAD_LIMIT, utf8Length } from './model';
import type { ChangeDetail, NotedChange, WorkbookState } from './state';

export const INTERNAL = Symbol('excel-sim');

/**
 * API type names by class ("TableCollection"), as errorLocation gives them. Filled by index.ts
 * from the modules' export names: class names do not survive the preview bundle's minification.
 */
export const API_TYPE_NAMES = new Map<unknown, string>();

/**
 * What one command costs in a request besides its arguments: the object path, the method or
 * property and the ids office-js serializes with it. About 150 bytes in the requests of Excel on
 * the web (issue 23: counting 16 under-counted a 10,000-command batch by 1.3 MB).
 */
export const COMMAND_BYTES = 150;

interface Op {
  bytes: number;
  run: () => void;
  /** The command as Excel names it in debugInfo.errorLocation ("TableCollection.add"). */
  location?: string;
}

export interface BatchStats {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

export class SimContext {
  private queue: Op[] = [];
  private responseBytes = 0;
  private changed: NotedChange[] = [];
  closed = false;
  /** Excel.RunOptions.delayForCellEdit: wait while the user edits a cell, rather than fail. */
  delayForCellEdit = false;
  /** The request context (Excel.RequestContext) this belongs to, as office-js objects name it. */
  owner: object | null = null;

  constructor(readonly state: WorkbookState) {}

  enqueue(args: unknown, run: () => void, location?: string): void {
    if (this.closed)
      throw new SimError('InvalidRequestContext', 'This object belongs to an Excel.run that has finished.');
    this.queue.push({
      bytes: (args === undefined ? 0 : utf8Length(JSON.stringify(args) ?? '')) + COMMAND_BYTES,
      run,
      location,
    });
  }

  respond(data: unknown): void {
    this.responseBytes += utf8Length(JSON.stringify(data) ?? '');
  }

  /** The batch's changes as the host reports them: each command's block whole, or in parts of apiEventRows rows. */
  private bursts(changes: readonly NotedChange[]): NotedChange[] {
    const rows = this.state.quirks.apiEventRows;
    if (rows === null) return [...changes];
    return changes.flatMap((change) =>
      change.rect.rowCount <= rows
        ? [change]
        : Array.from({ length: Math.ceil(change.rect.rowCount / rows) }, (_, i) => ({
            sheetId: change.sheetId,
            rect: {
              ...change.rect,
              row: change.rect.row + i * rows,
              rowCount: Math.min(rows, change.rect.rowCount - i * rows),
            },
          })),
    );
  }

  noteChange(sheetId: string, rect: Rect, details?: ChangeDetail): void {
    this.changed.push(details ? { sheetId, rect, details } : { sheetId, rect });
  }

  async sync(): Promise<void> {
    if (this.closed)
      throw new SimError('InvalidRequestContext', 'This context belongs to an Excel.run that has finished.');
    const ops = this.queue;
    this.queue = [];
    this.responseBytes = 0;
    const requestBytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    this.state.stats.syncs++;
    const stats: BatchStats = { requestBytes, responseBytes: 0, operations: ops.length };
    this.state.stats.batches.push(stats);
    // While a user edits a cell, Excel fails a batch, or holds it until the edit ends when the
    // run asked for that (Excel.RunOptions.delayForCellEdit).
    if (this.state.cellEdit) {
      if (!this.delayForCellEdit)
        throw new SimError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
      await this.state.cellEdit.ended;
    }
    // Excel on the web refuses the whole request before running any of it.
    if (requestBytes > PAYLOAD_LIMIT) {
      throw new SimError(
        'RequestPayloadSizeLimitExceeded',
        `The request is ${requestBytes} bytes; Excel on the web accepts at most ${PAYLOAD_LIMIT}.`,
      );
    }
    try {
      // A batch is not a transaction: operations before a failing one stay applied.
      // Excel's error names the command that failed: "the object type and property or method
      // name" (OfficeExtension.DebugInfo.errorLocation), e.g. WorksheetProtection.protect.
      for (const op of ops) {
        try {
          const refused = op.location === undefined ? undefined : this.state.refusals.get(op.location);
          if (refused && op.location) {
            this.state.refusals.delete(op.location);
            throw new SimError(refused, `Excel refused ${op.location} (as a test asked).`);
          }
          op.run();
        } catch (error) {
          if (error instanceof SimError && error.debugInfo.errorLocation === undefined && op.location)
            error.debugInfo.errorLocation = op.location;
          throw error;
        }
      }
    } finally {
      stats.responseBytes = this.responseBytes;
      const changed = this.changed;
      this.changed = [];
      if (changed.length) this.state.fireChanges(this.bursts(changed), this.state.quirks.apiEventSource);
    }
    // A reply too large to return is Excel's ResponsePayloadSizeLimitExceeded (Excel.ErrorCodes),
    // not the request-side code: add-in code that waits for the request code never falls back.
    if (this.responseBytes > PAYLOAD_LIMIT) {
      throw new SimError(
        'ResponsePayloadSizeLimitExceeded',
        `The response is ${this.responseBytes} bytes; Excel on the web returns at most ${PAYLOAD_LIMIT}.`,
      );
    }
    await Promise.resolve();
  }

  hasPending(): boolean {
    return this.queue.length > 0;
  }
}

type LoadSpec = string | string[] | Record<string, unknown> | undefined;

/** Turns load('a, b/c') / load(['a']) / load({ a: true, b: { c: true } }) into paths. */
export function loadPaths(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string')
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  const out: string[] = [];
  for (const [key, value] of Object.entries(spec)) {
    if (value === true) out.push(key);
    else if (value && typeof value === 'object')
      out.push(...loadPaths(value as Record<string, unknown>).map((p) => `${key}/${p}`));
  }
  return out;
}

export interface Internal {
  ctx: SimContext;
  loaded: Map<string, unknown>;
  /** Made by a ...OrNullObject method: a missing target reads as isNullObject, not an error. */
  nullable: boolean;
}

/** Base of every API object: load/track/toJSON and the strict property reads. */
export abstract class SimClientObject {
  readonly [INTERNAL]: Internal;

  constructor(ctx: SimContext) {
    this[INTERNAL] = { ctx, loaded: new Map(), nullable: false };
  }

  get context(): SimContext {
    return this[INTERNAL].ctx;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject') as boolean;
  }

  set _nullable(nullable: boolean) {
    this[INTERNAL].nullable = nullable;
  }

  _exists(): boolean {
    return this.exists();
  }

  /** Scalar properties a plain load() brings, read from the model at execution time. */
  protected abstract scalars(): Record<string, () => unknown>;

  /** Navigation properties (format, fill, …) for load paths such as 'format/fill/color'. */
  protected navigation(): Record<string, SimClientObject> {
    return {};
  }

  /** Checks the object still exists when the queue runs; null objects say so here. */
  protected abstract exists(): boolean;

  /** The API type's name, as errorLocation gives it (SimTableCollection: TableCollection). */
  private typeName(): string {
    return API_TYPE_NAMES.get(this.constructor) ?? this.constructor.name.replace(/^Sim/, '');
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.enqueue(paths, () => this._snapshot(paths), `${this.typeName()}.load`);
    return this;
  }

  /** Runs inside sync: copies the requested properties into the proxy. */
  _snapshot(paths: string[]): void {
    const internal = this[INTERNAL];
    const present = this.exists();
    internal.loaded.set('isNullObject', !present);
    if (!present) {
      if (!internal.nullable)
        throw new SimError('ItemNotFound', `${this.constructor.name.replace(/^Sim/, '')} was not found.`);
      return;
    }
    const scalars = this.scalars();
    const own = paths.filter((p) => !p.includes('/'));
    const names = own.length || paths.length ? own : Object.keys(scalars);
    for (const name of names) {
      const read = scalars[name];
      if (read) {
        const value = read();
        internal.loaded.set(name, value);
        this.context.respond(value);
      } else if (!(name in this.navigation()) && name !== 'isNullObject') {
        throw new SimError(
          'InvalidArgument',
          `Cannot load "${name}": it is not a property of ${this.constructor.name.replace(/^Sim/, '')} in this simulator.`,
        );
      }
    }
    const nav = this.navigation();
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      if (rest.length) nested.set(head, [...(nested.get(head) ?? []), rest.join('/')]);
      else if (nav[head]) nested.set(head, nested.get(head) ?? []);
    }
    for (const [head, rest] of nested) {
      const child = nav[head];
      if (!child)
        throw new SimError('InvalidArgument', `Cannot load "${head}": no such navigation property.`);
      child._snapshot(rest);
    }
  }

  protected read(name: string): unknown {
    const loaded = this[INTERNAL].loaded;
    if (!loaded.has(name)) {
      throw new SimError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return loaded.get(name);
  }

  /** Queues a property write; the model applies it when the batch runs. */
  protected write(name: string, value: unknown, apply: () => void): void {
    this.context.enqueue(
      { [name]: value },
      () => {
        this.mustExist();
        apply();
      },
      `${this.typeName()}.${name}`,
    );
  }

  /** Queues a method call. */
  protected call(name: string, args: unknown, apply: () => void): void {
    this.context.enqueue(
      { [name]: args },
      () => {
        this.mustExist();
        apply();
      },
      `${this.typeName()}.${name}`,
    );
  }

  protected mustExist(): void {
    if (!this.exists())
      throw new SimError('ItemNotFound', `${this.constructor.name.replace(/^Sim/, '')} was not found.`);
  }

  protected sameContext(other: SimClientObject): void {
    if (other[INTERNAL].ctx !== this.context) {
      throw new SimError('InvalidRequestContext', 'An object from another Excel.run cannot be used here.');
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this[INTERNAL].loaded);
  }
}

/** A result of a method call (getCount and the like), readable after sync. */
export class SimClientResult<T> {
  private ready = false;
  private result: T | undefined;

  _set(value: T): void {
    this.result = value;
    this.ready = true;
  }

  get value(): T {
    if (!this.ready)
      throw new SimError(
        'PropertyNotLoaded',
        'The value of the result object has not been loaded yet. Call "context.sync()" first.',
      );
    return this.result as T;
  }
}
