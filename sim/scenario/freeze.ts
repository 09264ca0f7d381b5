// Deep freezing for loaded scenarios: a ModelSpec is shared by every replication and
// design that uses it, so nothing downstream may change it.

export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const walk = (x: unknown): void => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    for (const v of Object.values(x)) walk(v);
    Object.freeze(x);
  };
  walk(value);
  return value;
}
