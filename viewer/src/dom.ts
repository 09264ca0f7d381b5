// Building the page's elements. A trace's names and labels come from whoever made the
// file, so the viewer never writes HTML source: every string goes in as a text node or
// as an attribute value set through the DOM, which the browser never parses as markup.
// There is no escaping helper because nothing needs escaping; a test
// (test/viewer/viewer-no-markup.test.ts) keeps innerHTML and its relatives out.

export type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  /** data-* attributes, by their name without the prefix. */
  data?: Record<string, string>;
  /** Other attributes, set with setAttribute (values are never parsed as markup). */
  attrs?: Record<string, string>;
}

/** An HTML element with text and element children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title !== undefined) el.title = props.title;
  for (const [k, v] of Object.entries(props.data ?? {})) el.dataset[k] = v;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with the given attributes. */
export function svg(tag: string, attrs: Record<string, string | number>, ...children: Element[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

/** Options of a select, each shown as text. */
export function fillSelect(select: HTMLSelectElement, options: { value: string; text: string; disabled?: boolean }[]): void {
  select.replaceChildren(
    ...options.map((o) => {
      const el = h('option', {}, o.text);
      el.value = o.value;
      el.disabled = o.disabled ?? false;
      return el;
    }),
  );
}
