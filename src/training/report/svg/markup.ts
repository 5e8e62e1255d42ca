/** Tiny SVG/HTML markup helpers: escaping, attribute lists, short coordinates. */

/** Escapes text for element content and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A coordinate rounded to 0.1 px (smaller files, identical output across runs). */
export const px = (v: number) => String(Math.round(v * 10) / 10);

type AttrValue = string | number | undefined | null | false;

/** `<tag a="1" b="2">children</tag>`; undefined/null/false attributes are left out; no children → self-closing. */
export function el(tag: string, attrs: Record<string, AttrValue>, ...children: string[]): string {
  const list = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => ` ${k}="${esc(v as string | number)}"`)
    .join('');
  return children.length ? `<${tag}${list}>${children.join('')}</${tag}>` : `<${tag}${list}/>`;
}

/** Identity of one chart: a document-unique id prefix, an accessible title and a longer description. */
export interface ChartLabel {
  id: string;
  title: string;
  desc?: string;
}

/** The outer `<svg>` (inline in HTML, so no xmlns needed): responsive (viewBox, width 100 %), with `<title>`/`<desc>` wired to aria-labelledby. */
export function svgRoot(label: ChartLabel, width: number, height: number, body: string): string {
  const titleId = `${label.id}-title`;
  const descId = `${label.id}-desc`;
  return el(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      width: '100%',
      role: 'img',
      'aria-labelledby': label.desc ? `${titleId} ${descId}` : titleId,
      class: 'chart',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    },
    el('title', { id: titleId }, esc(label.title)),
    label.desc ? el('desc', { id: descId }, esc(label.desc)) : '',
    body,
  );
}
