/** Who says what: speakers with their quotes and attributed claims, shared by the terminal and HTML reports. */
import type { Doc } from '../nlp/doc.js';
import '../analyzers/quotes/types.js';
import '../analyzers/claims/types.js';

export interface SpeakerLine {
  name: string;
  items: { start: number; end: number; kind: 'quote' | 'claim'; confidence: number; detail: string }[];
}

/** Speaker → quotes and attributed claims (a claim that repeats a quote is not listed twice). */
export function whoSaysWhat(doc: Doc): SpeakerLine[] {
  const by = new Map<string, SpeakerLine>();
  const add = (name: string, item: SpeakerLine['items'][number]) => {
    const key = name.toLowerCase();
    if (!by.has(key)) by.set(key, { name, items: [] });
    by.get(key)!.items.push(item);
  };
  const quotes = doc.layers.quotes ?? [];
  quotes.forEach((q) => q.speaker && add(q.speaker.name, { start: q.content.start, end: q.content.end, kind: 'quote', confidence: q.confidence, detail: [q.kind, q.cue?.text, q.speaker.resolvedBy && `speaker by ${q.speaker.resolvedBy}`].filter(Boolean).join(' · ') }));
  for (const cl of doc.layers.claims ?? []) {
    if (!cl.speaker) continue;
    if (cl.quote !== undefined && quotes[cl.quote]?.speaker) continue;
    add(cl.speaker.name, { start: cl.start, end: cl.end, kind: 'claim', confidence: cl.confidence, detail: (cl.cues ?? []).join(', ') });
  }
  const lines = [...by.values()];
  for (const l of lines) l.items.sort((a, b) => a.start - b.start);
  return lines.sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name));
}

