import { freeSheetName } from '../../src/excel';

describe('freeSheetName', () => {
  it('keeps a free name, numbers a taken one (Excel ignores case), and stays within 31 characters', () => {
    expect(freeSheetName('任务台账', ['Sheet1'])).toBe('任务台账');
    expect(freeSheetName('汇总-总体', ['汇总-总体', '汇总-总体(2)'])).toBe('汇总-总体(3)');
    expect(freeSheetName('Summary', ['summary'])).toBe('Summary(2)');
    const long = 'A'.repeat(31);
    const free = freeSheetName(long, [long]);
    expect(free).toBe(`${'A'.repeat(28)}(2)`);
    expect(Array.from(free)).toHaveLength(31);
    // Made longer than Excel allows ('~' before a 31-character name), even when free: cut to 31.
    expect(Array.from(freeSheetName(`~${long}`, []))).toHaveLength(31);
  });
});
