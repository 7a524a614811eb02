/**
 * CoNLL-2003 files and the conlleval entity-level scorer.
 *
 * File format: `TOKEN ... TAG` per line (whitespace-separated columns, the last one is the tag),
 * blank lines between sentences, `-DOCSTART-` lines between documents.
 * Scoring follows conlleval: a chunk is counted correct only when type and both boundaries match;
 * chunking tolerates IOB1 and IOB2 (an I- tag after O or after another type starts a chunk).
 */
import { readFileSync } from 'node:fs';

export interface ConllToken {
  /** All columns of the input line (the last is the gold tag when the file has tags). */
  columns: string[];
  word: string;
  /** Gold tag (last column) or undefined when the line has a single column. */
  tag?: string;
  /** 1-based line number in the file, for error messages. */
  line: number;
}

export interface ConllSentence {
  tokens: ConllToken[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

const TAG_RE = /^(O|[BIES]-[A-Za-z]+)$/;

/**
 * Parse CoNLL text. `requireTags`: every token line must end in a valid tag (for eval/training).
 * Throws `FILE:LINE: reason` on malformed lines rather than skipping them.
 */
export function parseConll(text: string, file: string, requireTags = true): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | undefined;
  let sent: ConllToken[] = [];
  const endSentence = () => {
    if (sent.length) {
      if (!doc) {
        doc = { sentences: [] };
        docs.push(doc);
      }
      doc.sentences.push({ tokens: sent });
      sent = [];
    }
  };
  let width = 0;
  let widthLine = 0;
  const lines = text.split(/\r?\n/);
  // A trailing newline leaves one empty string at the end; it is not a line.
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed) {
      endSentence();
      return;
    }
    const columns = trimmed.split(/\s+/);
    if (columns[0] === '-DOCSTART-') {
      endSentence();
      doc = { sentences: [] };
      docs.push(doc);
      return;
    }
    if (requireTags) {
      if (columns.length < 2) throw new Error(`${file}:${line}: expected 'TOKEN TAG', found one column: ${JSON.stringify(raw)}`);
      const tag = columns[columns.length - 1];
      if (!TAG_RE.test(tag)) throw new Error(`${file}:${line}: invalid tag ${JSON.stringify(tag)} (expected O, B-TYPE or I-TYPE)`);
    }
    // Every token line of a file has the same columns; a different count means a broken line.
    if (!width) [width, widthLine] = [columns.length, line];
    else if (columns.length !== width) {
      throw new Error(`${file}:${line}: expected ${width} columns (as on line ${widthLine}), found ${columns.length}: ${JSON.stringify(raw)}`);
    }
    const last = columns[columns.length - 1];
    const tag = columns.length >= 2 && TAG_RE.test(last) ? last : undefined;
    sent.push({ columns, word: columns[0], tag, line });
  });
  endSentence();
  return docs.filter((d) => d.sentences.length > 0);
}

export function readConll(file: string, requireTags = true): ConllDocument[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read: ${(err as Error).message}`);
  }
  return parseConll(text, file, requireTags);
}

export interface Chunk {
  type: string;
  /** Token index of the first token. */
  start: number;
  /** Token index after the last token. */
  end: number;
}

function split(tag: string): [string, string] {
  if (tag === 'O' || tag === '') return ['O', ''];
  const dash = tag.indexOf('-');
  return dash < 0 ? [tag, ''] : [tag.slice(0, dash), tag.slice(dash + 1)];
}

/** Chunks of a tag sequence with conlleval's rules (IOB1/IOB2/IOBES tolerant). */
export function chunks(tags: string[]): Chunk[] {
  const out: Chunk[] = [];
  let open: Chunk | undefined;
  let prevPrefix = 'O';
  let prevType = '';
  for (let i = 0; i < tags.length; i++) {
    const [prefix, type] = split(tags[i]);
    // conlleval endOfChunk / startOfChunk
    const ends =
      open !== undefined &&
      (prefix === 'O' || prefix === 'B' || prefix === 'S' || prevPrefix === 'E' || prevPrefix === 'S' || type !== prevType);
    if (ends && open) {
      open.end = i;
      out.push(open);
      open = undefined;
    }
    const starts =
      prefix !== 'O' && (prefix === 'B' || prefix === 'S' || prevPrefix === 'O' || prevPrefix === 'E' || prevPrefix === 'S' || type !== prevType || open === undefined);
    if (starts) open = { type, start: i, end: i + 1 };
    prevPrefix = prefix;
    prevType = type;
  }
  if (open) {
    open.end = tags.length;
    out.push(open);
  }
  return out;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  /** Chunks found by the system / in the gold data / both. */
  found: number;
  gold: number;
  correct: number;
}

export interface ConllScore {
  overall: PRF;
  byType: Record<string, PRF>;
  tokens: number;
  tokenAccuracy: number;
}

function prf(correct: number, found: number, gold: number): PRF {
  const precision = found ? correct / found : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, found, gold, correct };
}

/**
 * Entity-level scores over sentences of [gold tags, predicted tags].
 * Chunks are computed per sentence (sentences are independent units, as in conlleval with blank lines).
 */
export function scoreConll(pairs: { gold: string[]; pred: string[] }[]): ConllScore {
  const counts = new Map<string, { c: number; f: number; g: number }>();
  const get = (t: string) => {
    let v = counts.get(t);
    if (!v) counts.set(t, (v = { c: 0, f: 0, g: 0 }));
    return v;
  };
  let tokens = 0;
  let same = 0;
  for (const { gold, pred } of pairs) {
    if (gold.length !== pred.length) throw new Error(`scoreConll: sentence has ${gold.length} gold tags but ${pred.length} predicted`);
    tokens += gold.length;
    for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) same++;
    const g = chunks(gold);
    const p = chunks(pred);
    const gk = new Set(g.map((c) => `${c.type}:${c.start}:${c.end}`));
    for (const c of g) get(c.type).g++;
    for (const c of p) {
      get(c.type).f++;
      if (gk.has(`${c.type}:${c.start}:${c.end}`)) get(c.type).c++;
    }
  }
  const byType: Record<string, PRF> = {};
  let c = 0;
  let f = 0;
  let g = 0;
  for (const [t, v] of [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    byType[t] = prf(v.c, v.f, v.g);
    c += v.c;
    f += v.f;
    g += v.g;
  }
  return { overall: prf(c, f, g), byType, tokens, tokenAccuracy: tokens ? same / tokens : 0 };
}

/** A conlleval-like text report. */
export function formatScore(s: ConllScore): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const row = (name: string, p: PRF) =>
    `${name.padEnd(8)} precision ${pct(p.precision)}%  recall ${pct(p.recall)}%  F1 ${pct(p.f1)}   (gold ${p.gold}, found ${p.found}, correct ${p.correct})`;
  const lines = [
    `processed ${s.tokens} tokens with ${s.overall.gold} gold phrases; found ${s.overall.found}; correct ${s.overall.correct}; token accuracy ${pct(s.tokenAccuracy)}%`,
    row('overall', s.overall),
    ...Object.entries(s.byType).map(([t, p]) => row(t, p)),
  ];
  return lines.join('\n');
}
