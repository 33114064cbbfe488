// Ledgers repeat the same few texts down a column: each distinct value is worked out once.
// One way to cache, instead of a get-or-make written out at every cache.

interface MapLike<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value under `key`, made by `make` and stored the first time it is asked for. */
export function getOrCreate<K, V>(map: MapLike<K, V>, key: K, make: (key: K) => V): V {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  const made = make(key);
  map.set(key, made);
  return made;
}

/** `make`, remembering its results; with a limit, the memory is emptied when it grows past it. */
export function memoize<K, V>(make: (key: K) => V, options: { readonly limit?: number } = {}): (key: K) => V {
  const cache = new Map<K, V>();
  const { limit } = options;
  // The last key is compared first, then the hit returned at once: a column repeats a value
  // down many rows (one format, one status), and each memo is asked for several times a row.
  let hasLast = false;
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  return (key) => {
    if (hasLast && lastKey === key) return lastValue as V;
    let value = cache.get(key);
    if (value === undefined) {
      if (limit !== undefined && cache.size >= limit) cache.clear();
      value = make(key);
      cache.set(key, value);
    }
    hasLast = true;
    lastKey = key;
    lastValue = value;
    return value;
  };
}
