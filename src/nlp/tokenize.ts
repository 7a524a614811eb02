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
 * known ("Trump’s." once read at a sentence end, where wink leaves the possessive unsplit, every later "Trump’s" stays
 * one token). Tokens would then depend on which articles the process read before, so the same article could come out
 * differently alone, in a batch, or on another worker. Before each new text we take the words learned from the
 * previous one out of the lexicon's word index (they are the entries appended to its word list since), so every text
 * is tokenized as by a fresh engine. Forgotten words are learned again (new entries), so the engine is rebuilt every
 * `RENEW_AFTER` texts to bound memory; that changes nothing in the output.
 */
const RENEW_AFTER = 2000;

interface Lexeme {
  hash: Record<string, number>;
  list: string[];
}

interface Engine {
  nlp: ReturnType<typeof winkNLP>;
  lexeme: Lexeme;
  /** Length of the word list when the current text began: entries from here on were learned from it. */
  mark: number;
  texts: number;
}

let current: Engine | undefined;
// The model's metaCER() re-stringifies its own cached result on every call (a second engine would get a doubly
// encoded copy, and after a few dozen the string outgrows memory), so it is called once and shared.
let cerMeta: unknown;

function newEngine(): Engine {
  const base = model as unknown as WinkModel & { core: () => { features: { lexeme: Lexeme } }; metaCER: () => unknown };
  cerMeta ??= base.metaCER();
  let lexeme: Lexeme | undefined;
  const wrapped = {
    ...base,
    metaCER: () => cerMeta,
    core() {
      const m = base.core();
      lexeme = m.features.lexeme;
      return m;
    },
  } as WinkModel;
  // Only the POS tagger is needed; wink's NER/negation/sentiment add cost we do not use.
  const nlp = winkNLP(wrapped, ['sbd', 'pos']);
  if (!lexeme) throw new Error('wink-nlp did not load its lexicon through model.core()');
  return { nlp, lexeme, mark: lexeme.list.length, texts: 0 };
}

/** The engine for one new text: the words learned from earlier texts are forgotten first. */
function engine(): ReturnType<typeof winkNLP> {
  if (!current || current.texts >= RENEW_AFTER) current = newEngine();
  const { hash, list } = current.lexeme;
  for (let i = current.mark; i < list.length; i++) if (hash[list[i]] === i) delete hash[list[i]];
  current.mark = list.length;
  current.texts++;
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
