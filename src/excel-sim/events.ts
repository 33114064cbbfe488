// onChanged event registration: handlers are registered when the batch runs.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events
import type { SimContext } from './core';
import type { ChangeEvent } from './state';

type Handler<E> = (event: E) => Promise<unknown> | void;

export class SimEventHandlerResult {
  private unsubscribe: (() => void) | null = null;
  constructor(private readonly ctx: SimContext) {}
  _bind(unsubscribe: () => void): void {
    this.unsubscribe = unsubscribe;
  }
  /** The request context the handler was added in: Excel.run(result.context, …) removes it. */
  get context(): object | null {
    return this.ctx.owner;
  }
  remove(): void {
    this.ctx.enqueue({ remove: true }, () => this.unsubscribe?.());
  }
}

export class SimEventHandlers<E = ChangeEvent> {
  constructor(
    private readonly ctx: SimContext,
    private readonly subscribe: (handler: Handler<E>) => () => void,
  ) {}

  add(handler: Handler<E>): SimEventHandlerResult {
    const result = new SimEventHandlerResult(this.ctx);
    this.ctx.enqueue({ addHandler: true }, () => result._bind(this.subscribe(handler)));
    return result;
  }
}
