import { ExcelSim } from '../../src/excel-sim';
import { previewHost, previewToday } from '../../src/preview/previewHost';
import { PREVIEW_STRINGS } from '../../src/preview/previewStrings';

describe('the preview’s ?today= (issue 21, item 14)', () => {
  it('fixes the pane’s today to a real date, and names what is not one', () => {
    const at = (query: string) => previewToday(new URLSearchParams(query));
    expect(at('today=2026-11-28')).toEqual({ fixed: new Date(2026, 10, 28, 9), invalid: null });
    expect(at('lang=en')).toEqual({ fixed: null, invalid: null });
    for (const given of ['2026-13-01', '2026-02-30', 'tomorrow', '2026/11/28', ''])
      expect(at(`today=${encodeURIComponent(given)}`)).toEqual({ fixed: null, invalid: given });
    expect(PREVIEW_STRINGS.zh.badToday('2026-13-01')).toContain('today=“2026-13-01” 不是有效日期');
    // The pane runs on the real today then, not on a made-up one.
    const before = Date.now();
    const now = previewHost(new ExcelSim(), new URLSearchParams('today=2026-13-01')).now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(previewHost(new ExcelSim(), new URLSearchParams('today=2026-11-28')).now()).toEqual(
      new Date(2026, 10, 28, 9),
    );
  });
});
