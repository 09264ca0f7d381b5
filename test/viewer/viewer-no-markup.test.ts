// The viewer builds its page from DOM nodes and text, never from HTML source (see
// viewer/src/dom.ts): a trace's names come from whoever made the file. This keeps the
// ways of turning a string into markup out of the viewer's code.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { VIEWER } from './helpers/harness.js';

const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|DOMParser|srcdoc)\b|document\.write/;

test('no viewer source writes HTML from strings', () => {
  const src = join(VIEWER, 'src');
  const files = readdirSync(src).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const f of files) {
    readFileSync(join(src, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        // Comments may name the sinks (dom.ts says why they are not used).
        if (SINKS.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)) found.push(`${f}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});

test('the check itself finds a sink', () => {
  expect(SINKS.test("el.innerHTML = '<b>' + name + '</b>'")).toBe(true);
  expect(SINKS.test("el.insertAdjacentHTML('beforeend', s)")).toBe(true);
  expect(SINKS.test('el.textContent = name')).toBe(false);
});
