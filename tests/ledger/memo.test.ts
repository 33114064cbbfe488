import { getOrCreate, memoize } from '../../src/ledger/memo';

describe('memo', () => {
  it('makes each value once, keeps a null it made, and empties itself past its limit', () => {
    const made: string[] = [];
    const upper = memoize(
      (text: string) => {
        made.push(text);
        return text === '' ? null : text.toUpperCase();
      },
      { limit: 2 },
    );
    expect([upper('a'), upper('a'), upper(''), upper('')]).toEqual(['A', 'A', null, null]);
    expect(made).toEqual(['a', '']);
    upper('b');
    upper('a');
    expect(made).toEqual(['a', '', 'b', 'a']);
  });

  it('getOrCreate works on a WeakMap as on a Map', () => {
    const weak = new WeakMap<object, number[]>();
    const key = {};
    getOrCreate(weak, key, () => []).push(1);
    getOrCreate(weak, key, () => []).push(2);
    expect(weak.get(key)).toEqual([1, 2]);
  });
});
