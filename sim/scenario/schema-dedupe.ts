// The scenario schema as ajv compiles it: every large subschema that occurs more than
// once (a distribution appears at six places, each with all its variants) moves to
// $defs and is referenced, and with ajv's inlineRefs off (ajv-options.ts) it is
// compiled once instead of at every place. The generated validator is then under half
// the size, which is most of its load time at CLI start. Errors are the same apart
// from their schemaPath, which no message uses (test/scenario/schema-standalone.test.ts).

/** Subschemas shorter than this (as JSON) stay where they are. */
const MIN_CHARS = 400;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function dedupeSchema(schema: unknown): Record<string, Json> {
  const plain = JSON.parse(JSON.stringify(schema)) as Record<string, Json>; // drops TypeBox's symbol keys
  const counts = new Map<string, number>();
  const count = (x: Json, top: boolean) => {
    if (x === null || typeof x !== 'object') return;
    if (!Array.isArray(x) && !top) {
      const key = JSON.stringify(x);
      if (key.length >= MIN_CHARS) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const v of Object.values(x)) count(v, false);
  };
  count(plain, true);
  const names = new Map<string, string>();
  for (const [key, n] of counts) if (n > 1) names.set(key, `shared${names.size}`);
  const defs: Record<string, Json> = {};
  // Outermost first: a repeated schema inside a shared one stays inside it.
  const replace = (x: Json): Json => {
    if (x === null || typeof x !== 'object') return x;
    if (!Array.isArray(x)) {
      const name = names.get(JSON.stringify(x));
      if (name !== undefined) {
        defs[name] ??= x;
        return { $ref: `#/$defs/${name}` };
      }
    }
    return inside(x);
  };
  const inside = (x: Json[] | { [k: string]: Json }): Json =>
    Array.isArray(x) ? x.map(replace) : Object.fromEntries(Object.entries(x).map(([k, v]) => [k, replace(v)]));
  const out = inside(plain) as Record<string, Json>;
  return Object.keys(defs).length === 0 ? out : { ...out, $defs: defs };
}
