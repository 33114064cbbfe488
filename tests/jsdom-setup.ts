// jsdom lacks the layout APIs browsers have; Fluent UI's MessageBar watches its size.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: ResizeObserverStub });
}

// jsdom computes a style by matching every one of Fluent's CSS rules against the element, and an
// accessible name asks it of every node it reads: that was 80 % of the pane suites' time. Here a
// node's computed style is its inline style, except the one thing Fluent hides by a class that
// names read: a tab's bold copy of its label, kept only to reserve its width.
if (typeof window !== 'undefined') {
  const HIDDEN_BY_FLUENT = 'fui-Tab__content--reserved-space';
  const hidden = document.createElement('span').style;
  hidden.visibility = 'hidden';
  const cheapStyle = (element: Element) =>
    element.classList.contains(HIDDEN_BY_FLUENT) ? hidden : (element as HTMLElement).style;
  Object.defineProperty(window, 'getComputedStyle', {
    value: cheapStyle,
    configurable: true,
    writable: true,
  });
}
