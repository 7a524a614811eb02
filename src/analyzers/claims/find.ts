/**
 * Claims: each sentence (or, when quoted, the part of it inside the quote) scored for
 * check-worthiness; units scoring ≥ CLAIM_THRESHOLD become claims, linked to the quote that
 * contains them (hence its speaker) and to the entities they mention.
 */
import type { Doc, Span, TokenSpan } from '../../nlp/doc.js';
import type { Claim } from './types.js';
import { scoreUnit } from './score.js';

export const CLAIMS_BY = 'claims@1.0.0';
export const CLAIM_THRESHOLD = 0.5;

interface Unit extends Span {
  quote?: number;
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Units: sentences, clipped to the quote content when most of the sentence is quoted or reported. */
function units(doc: Doc): Unit[] {
  const quotes = doc.layers.quotes ?? [];
  const out: Unit[] = [];
  for (const s of doc.layers.sentences ?? []) {
    let best = -1;
    let bestOv = 0;
    quotes.forEach((q, i) => {
      const ov = overlap(s, q.content);
      if (ov > bestOv) {
        bestOv = ov;
        best = i;
      }
    });
    if (best >= 0 && bestOv >= 0.3 * (s.end - s.start)) {
      const c = quotes[best].content;
      out.push({ start: Math.max(s.start, c.start), end: Math.min(s.end, c.end), quote: best });
    } else out.push({ start: s.start, end: s.end });
  }
  return out;
}

export function findClaims(doc: Doc, threshold = CLAIM_THRESHOLD): Claim[] {
  const text = doc.text;
  const tokens = doc.layers.tokens ?? [];
  const mentions = doc.layers.entities ?? [];
  const quotes = doc.layers.quotes ?? [];
  const tokenText = (t: TokenSpan) => text.slice(t.start, t.end);
  const claims: Claim[] = [];
  for (const u of units(doc)) {
    const toks = tokens.filter((t) => t.start >= u.start && t.end <= u.end);
    if (!toks.length) continue;
    const inside = mentions.filter((m) => m.start >= u.start && m.end <= u.end);
    const about = [...new Set(inside.map((m) => m.entity))];
    // Without NER, runs of proper nouns stand in for entities (weaker, but keeps the cue usable).
    const entityCount = mentions.length ? about.length : propnRuns(toks);
    const q = u.quote !== undefined ? quotes[u.quote] : undefined;
    const s = scoreUnit({ text: text.slice(u.start, u.end), tokens: toks, tokenText, entities: entityCount, attributed: !!q });
    if (s.score < threshold) continue;
    const claim: Claim = { start: u.start, end: u.end, confidence: +s.score.toFixed(3), by: CLAIMS_BY, about, cues: s.cues };
    if (q) {
      claim.quote = u.quote;
      if (q.speaker) claim.speaker = { entity: q.speaker.entity, name: q.speaker.name };
    }
    claims.push(claim);
  }
  return claims;
}

function propnRuns(toks: TokenSpan[]): number {
  let runs = 0;
  for (let i = 0; i < toks.length; i++) if (toks[i].pos === 'PROPN' && (i === 0 || toks[i - 1].pos !== 'PROPN')) runs++;
  // A sentence-initial capital is not evidence of a name on its own.
  if (toks[0]?.pos === 'PROPN' && toks[1]?.pos !== 'PROPN') runs--;
  return Math.max(0, runs);
}
