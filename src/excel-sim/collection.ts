// Collections: `items` after load, and load paths that reach into every item.
import { SimClientObject, INTERNAL } from './core';
import { SimError } from './errors';

export abstract class SimCollection<T extends SimClientObject> extends SimClientObject {
  /** The current items, as proxies bound to model objects; called while the queue runs. */
  protected abstract currentItems(): T[];

  protected scalars(): Record<string, () => unknown> {
    return {};
  }

  protected exists(): boolean {
    return true;
  }

  override _snapshot(paths: string[]): void {
    const items = this.currentItems();
    // load('items/name') and load('name') both mean: the name of every item.
    const own = paths.map((p) => (p.startsWith('items/') ? p.slice(6) : p)).filter((p) => p !== 'items');
    for (const item of items) item._snapshot(own);
    this[INTERNAL].loaded.set('items', items);
    this[INTERNAL].loaded.set('isNullObject', false);
  }

  get items(): T[] {
    return this.read('items') as T[];
  }
}

export function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || !value)
    throw new SimError('InvalidArgument', `${what} must be a non-empty string.`);
  return value;
}
