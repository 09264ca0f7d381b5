// A stable content hash of a design's ModelSpec, for caching results: FNV-1a 64 over
// canonical JSON (keys sorted). Synchronous and dependency-free, so it runs the same
// in Node and in a browser worker (crypto.subtle would force async).

import type { ModelSpec } from '../model/spec.js';

/** JSON with object keys sorted at every level; undefined fields are left out, as JSON does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value === 0 ? 0 : value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(obj).sort()) {
    if (obj[k] === undefined || typeof obj[k] === 'function') continue;
    parts.push(`${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
  }
  return `{${parts.join(',')}}`;
}

/** FNV-1a 64-bit of the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  // Four 16-bit limbs, low first: exact 64-bit arithmetic without BigInt.
  let v0 = 0x2325;
  let v1 = 0x8422;
  let v2 = 0x9ce4;
  let v3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    v0 ^= bytes[i]!;
    // Multiply by the FNV prime 2^40 + 0x1b3.
    const t0 = v0 * 0x1b3;
    let t1 = v1 * 0x1b3;
    let t2 = v2 * 0x1b3;
    let t3 = v3 * 0x1b3;
    t2 += v0 << 8;
    t3 += v1 << 8;
    t1 += t0 >>> 16;
    v0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    v1 = t1 & 0xffff;
    v3 = (t3 + (t2 >>> 16)) & 0xffff;
    v2 = t2 & 0xffff;
  }
  const hex = (x: number) => x.toString(16).padStart(4, '0');
  return hex(v3) + hex(v2) + hex(v1) + hex(v0);
}

/** Same spec content, same hash; any change to a parameter or policy changes it. */
export function scenarioHash(spec: ModelSpec): string {
  return fnv1a64(canonicalJson(spec));
}
