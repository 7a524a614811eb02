/**
 * Sentences and tokens from wink-nlp, mapped back to character offsets.
 * Each line of the text is read separately: a line break always ends a sentence
 * (cleaned article text keeps one paragraph per line; the PTC corpus one sentence per line).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { SentenceSpan, TokenSpan } from './doc.js';

let nlp: ReturnType<typeof winkNLP> | undefined;

function engine(): ReturnType<typeof winkNLP> {
  // Only the POS tagger is needed; wink's NER/negation/sentiment add cost we do not use.
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

export interface Tokenized {
  sentences: SentenceSpan[];
  tokens: TokenSpan[];
}

export function tokenize(text: string): Tokenized {
  const n = engine();
  const its = n.its;
  const sentences: SentenceSpan[] = [];
  const tokens: TokenSpan[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) {
      const wdoc = n.readDoc(line);
      const values = wdoc.tokens().out(its.value) as string[];
      const pos = wdoc.tokens().out(its.pos) as string[];
      const lemma = wdoc.tokens().out(its.lemma as never) as string[];
      const type = wdoc.tokens().out(its.type) as string[];
      const starts: number[] = [];
      const ends: number[] = [];
      let cursor = 0;
      for (const v of values) {
        let at = line.indexOf(v, cursor);
        // wink keeps original token text, so indexOf finds it; guard anyway.
        if (at < 0) at = cursor;
        starts.push(at);
        ends.push(Math.min(line.length, at + v.length));
        cursor = at + v.length;
      }
      const spans = wdoc.sentences().out(its.span as never) as unknown as [number, number][];
      for (const [first, last] of spans) {
        const sIndex = sentences.length;
        sentences.push({ start: lineStart + starts[first], end: lineStart + ends[last] });
        for (let t = first; t <= last; t++) {
          tokens.push({
            start: lineStart + starts[t],
            end: lineStart + ends[t],
            pos: pos[t],
            lemma: lemma[t],
            type: type[t],
            sentence: sIndex,
          });
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return { sentences, tokens };
}
