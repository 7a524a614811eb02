/**
 * Renders text with possibly overlapping highlight spans as valid, escaped HTML.
 * The text is cut at every span boundary; each piece is wrapped in one element per span covering
 * it, nested by "lane" (outermost = highest lane). Lanes get increasing bottom padding in CSS, so
 * overlapping spans show as stacked underlines instead of hiding each other.
 */

export interface Highlight {
  start: number;
  end: number;
  /** 0 = background color (techniques); 1.. = underline at increasing depth. */
  lane: number;
  /** CSS classes (without the common 'hl'). */
  cls: string;
  /** Tooltip text (plain; escaped here). */
  title: string;
  /** Anchor id put on the first piece of this span (for links from tables). */
  anchor?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

export function renderHighlighted(text: string, highlights: Highlight[]): string {
  const len = text.length;
  // Drop spans that are empty or outside the text rather than render garbage; clamp the rest.
  const hs = highlights
    .map((h) => ({ ...h, start: Math.max(0, Math.min(len, Math.floor(h.start))), end: Math.max(0, Math.min(len, Math.floor(h.end))) }))
    .filter((h) => Number.isFinite(h.start) && Number.isFinite(h.end) && h.end > h.start);
  const cuts = new Set<number>([0, len]);
  for (const h of hs) cuts.add(h.start).add(h.end);
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...hs].sort((a, b) => a.start - b.start);
  let next = 0;
  let active: typeof hs = [];
  const anchored = new Set<string>();
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    active = active.filter((h) => h.end > a);
    while (next < byStart.length && byStart[next].start <= a) {
      if (byStart[next].end > a) active.push(byStart[next]);
      next++;
    }
    const piece = escapeHtml(text.slice(a, b));
    if (!active.length) {
      html += piece;
      continue;
    }
    // Outermost first: highest lane, then the longer span, so nesting is stable across pieces.
    const wrap = [...active].sort((x, y) => y.lane - x.lane || y.end - y.start - (x.end - x.start) || x.start - y.start);
    let open = '';
    for (const h of wrap) {
      let id = '';
      if (h.anchor && !anchored.has(h.anchor)) {
        anchored.add(h.anchor);
        id = ` id="${escapeHtml(h.anchor)}"`;
      }
      open += `<span${id} class="hl ${escapeHtml(h.cls)}" title="${escapeHtml(h.title)}">`;
    }
    html += open + piece + '</span>'.repeat(wrap.length);
  }
  return html;
}
