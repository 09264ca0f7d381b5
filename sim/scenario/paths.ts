// Paths into a YAML document, kept as segments while loading and printed the way a
// reader finds them in the file: `organisation.streams[2].steps[1].team`.

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Reads `a.b[2].c` back into segments (the form validateModel and formatPath print). */
export function parsePath(text: string): PathSegment[] {
  const segs: PathSegment[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) segs.push(m[1]);
    else if (m[2] !== undefined) segs.push(Number(m[2]));
    else if (m[3] !== undefined) segs.push(JSON.parse(`"${m[3]}"`) as string);
  }
  return segs;
}

/** JSON pointer (as ajv reports instance paths) to segments; array indices become numbers. */
export function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const segs: PathSegment[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg: PathSegment = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
    segs.push(seg);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return segs;
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

export function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[seg];
    } else {
      if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
      node = node[seg];
    }
  }
  return node;
}

/** True when `inner` is `outer` or lies below it. */
export function isUnder(inner: Path, outer: Path): boolean {
  return outer.length <= inner.length && outer.every((s, i) => inner[i] === s);
}
