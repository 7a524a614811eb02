/** The title to show for an article: its found title, else the input's file name, so untitled articles stay tellable apart. */
import type { Doc } from '../nlp/doc.js';

export function displayTitle(doc: Doc): string {
  if (doc.meta.title?.value) return doc.meta.title.value;
  const s = doc.meta.source;
  const base = s.path === '-' ? 'stdin' : (s.path.split(/[\\/]/).filter(Boolean).pop() ?? s.path);
  return `(untitled: ${base}${s.line ? `:${s.line}` : ''}${s.item !== undefined ? ` #${s.item}` : ''})`;
}
