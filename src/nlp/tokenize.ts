/**
 * Sentences and tokens from wink-nlp, mapped back to character offsets.
 * Each line of the text is read separately: a line break always ends a sentence
 * (cleaned article text keeps one paragraph per line; the PTC corpus one sentence per line).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { SentenceSpan, TokenSpan } from './doc.js';

type WinkModel = Parameters<typeof winkNLP>[0];

/**
 * wink-nlp learns: every word it has not seen is added to its lexicon, and its tokenizer then treats that word as
 * known ("PADDOCK’S" once read, a later "Paddock’s" is no longer split into "Paddock" + "’s"). Tokens would then
 * depend on which articles the process read before, so the same article could come out differently alone, in a
 * batch, or on another worker. We hide the words learned from earlier texts: the lexicon's word index is wrapped so
 * that a learned word is visible only to the text that taught it. Every text is then tokenized as by a fresh engine.
 * Hidden words are learned again (new entries), so the engine is rebuilt every `RENEW_AFTER` texts to bound memory;
 * that changes nothing in the output.
 */
const RENEW_AFTER = 2000;

interface Engine {
  nlp: ReturnType<typeof winkNLP>;
  /** Words learned while reading the current text. */
  learned: Set<string>;
  texts: number;
}

let current: Engine | undefined;
// The model's metaCER() re-stringifies its own cached result on every call (a second engine would get a doubly
// encoded copy, and after a few dozen the string outgrows memory), so it is called once and shared.
let cerMeta: unknown;

function newEngine(): Engine {
  const learned = new Set<string>();
  const base = model as unknown as WinkModel & { core: () => { features: { lexeme: { hash: Record<string, number>; intrinsicSize: number } } }; metaCER: () => unknown };
  cerMeta ??= base.metaCER();
  const wrapped = {
    ...base,
    metaCER: () => cerMeta,
    core() {
      const m = base.core();
      const lexeme = m.features.lexeme;
      const known = lexeme.intrinsicSize;
      lexeme.hash = new Proxy(lexeme.hash, {
        get(target, key) {
          const v = target[key as string];
          return typeof v === 'number' && v >= known && !learned.has(key as string) ? undefined : v;
        },
        set(target, key, value) {
          target[key as string] = value;
          learned.add(key as string);
          return true;
        },
      });
      return m;
    },
  } as WinkModel;
  // Only the POS tagger is needed; wink's NER/negation/sentiment add cost we do not use.
  return { nlp: winkNLP(wrapped, ['sbd', 'pos']), learned, texts: 0 };
}

/** The engine for one new text: nothing learned from earlier texts is visible to it. */
function engine(): ReturnType<typeof winkNLP> {
  if (!current || current.texts >= RENEW_AFTER) current = newEngine();
  current.texts++;
  current.learned.clear();
  return current.nlp;
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
