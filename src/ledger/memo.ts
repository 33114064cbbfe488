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
  // The hit is looked up first and returned at once: it is asked for several times a row.
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    if (limit !== undefined && cache.size >= limit) cache.clear();
    const made = make(key);
    cache.set(key, made);
    return made;
  };
}
