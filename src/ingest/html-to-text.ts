/** DOM -> text with one paragraph per line: block elements end lines, inline text flows. */

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'center',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'head', 'button', 'select', 'input', 'textarea']);

export function htmlToText(root: Node): string {
  const lines: string[] = [];
  let cur = '';
  const flush = (): void => {
    const t = cur.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (t) lines.push(t);
    cur = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      cur += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeType === 1 ? (node as Element).localName : '';
    if (SKIP.has(name)) return;
    if (node.nodeType === 1 && (node as Element).hasAttribute('hidden')) return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines.join('\n');
}
