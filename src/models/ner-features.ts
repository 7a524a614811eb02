/**
 * Features for the named-entity tagger (CoNLL-2003 style tokens).
 *
 * Static features (word, shape, affixes, context window, gazetteer matches, document cues) are
 * computed once per token; history features (previous tags) are added during greedy decoding.
 */

/** Map typographic forms used in web news to the ASCII forms of the Reuters CoNLL data. */
export function conllForm(word: string): string {
  if (word === '\u2014' || word === '\u2013' || word === '\u2015') return '--';
  if (word === '\u2026') return '...';
  return word
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2212]/g, '-')
    .replace(/\u00A0/g, ' ');
}

/** Word shape: character classes, runs longer than two collapsed ("Xxxx" -> "Xxx", "1996-08-22" -> "dd-dd-dd"). */
export function shape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let c: string;
    // ASCII fast path; the Unicode tests run only for other characters.
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = word[i];
    else {
      const ch = word[i];
      c = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    }
    if (c === last) {
      run++;
      if (run > 2) continue;
    } else run = 1;
    last = c;
    out += c;
  }
  return out;
}

/** Short shape: every run collapsed to one character ("Xx", "X.X.", "d-d-d"). */
export function shortShape(word: string): string {
  return shape(word).replace(/(.)\1+/g, '$1');
}

function isCap(w: string): boolean {
  return /^\p{Lu}/u.test(w);
}

/** Gazetteer: entity strings per type learned from training data, matched on token sequences. */
export interface Gazetteer {
  /** Types of the entity string "tok tok tok" (e.g. ['ORG']), or undefined. */
  lookup(key: string): string[] | undefined;
  /** Longest entry in tokens. */
  maxLen: number;
}

/** A gazetteer from plain entries (training time). */
export interface GazetteerEntries {
  entries: Map<string, string[]>;
  maxLen: number;
}

export function buildGazetteer(entities: { words: string[]; type: string }[], minCount = 1): GazetteerEntries {
  const counts = new Map<string, Map<string, number>>();
  let maxLen = 1;
  const add = (key: string, type: string) => {
    let byType = counts.get(key);
    if (!byType) counts.set(key, (byType = new Map()));
    byType.set(type, (byType.get(type) ?? 0) + 1);
  };
  for (const e of entities) {
    // Lowercased entries match all-caps headlines; word entries say "this word occurs inside a LOC".
    add(`lc:${e.words.join(' ').toLowerCase()}`, e.type);
    for (const w of new Set(e.words)) if (/\p{L}/u.test(w)) add(`wd:${w}`, e.type);
    const key = e.words.join(' ');
    let byType = counts.get(key);
    if (!byType) counts.set(key, (byType = new Map()));
    byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    maxLen = Math.max(maxLen, e.words.length);
  }
  const entries = new Map<string, string[]>();
  for (const [key, byType] of counts) {
    const types = [...byType.entries()].filter(([, n]) => n >= minCount).map(([t]) => t).sort();
    if (types.length) entries.set(key, types);
  }
  return { entries, maxLen: Math.min(maxLen, 8) };
}

/** Per-token gazetteer features: for each match covering the token, type + position (B/I/L/U). */
function gazetteerFeatures(words: string[], gaz: Gazetteer): string[][] {
  const out: string[][] = words.map(() => []);
  for (let i = 0; i < words.length; i++) {
    let key = '';
    for (let len = 1; len <= gaz.maxLen && i + len <= words.length; len++) {
      key = len === 1 ? words[i] : `${key} ${words[i + len - 1]}`;
      const types = gaz.lookup(key);
      const lc = gaz.lookup(`lc:${key.toLowerCase()}`);
      if (lc) for (const t of lc) for (let j = i; j < i + len; j++) out[j].push(`gzl=${t}${len === 1 ? '' : j === i ? 'B' : j === i + len - 1 ? 'L' : 'I'}`);
      if (!types) continue;
      for (const t of types) {
        if (len === 1) out[i].push(`gz=U-${t}`);
        else {
          out[i].push(`gz=B-${t}`);
          for (let j = i + 1; j < i + len - 1; j++) out[j].push(`gz=I-${t}`);
          out[i + len - 1].push(`gz=L-${t}`);
        }
      }
    }
  }
  return out;
}

export interface FeatureDoc {
  /** Sentences of words, already in CoNLL form (see conllForm). */
  sentences: string[][];
}

/** Document-level cues: how each word form is written elsewhere in the same document. */
interface DocStats {
  /** lowercased word -> seen lowercase (not capitalized) somewhere in the doc. */
  lowerSeen: Set<string>;
  /** lowercased word -> seen capitalized in a non-initial position of a mixed-case sentence. */
  capMidSeen: Set<string>;
}

function isUpperSentence(words: string[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    const lo = w.toLowerCase();
    const up = w.toUpperCase();
    for (let i = 0; i < w.length; i++) {
      if (lo[i] !== up[i]) {
        letters++;
        if (w[i] === up[i]) upper++;
      }
    }
  }
  return letters >= 4 && upper / letters > 0.9;
}

function docStats(doc: FeatureDoc): DocStats {
  const lowerSeen = new Set<string>();
  const capMidSeen = new Set<string>();
  for (const s of doc.sentences) {
    const upperSent = isUpperSentence(s);
    s.forEach((w, i) => {
      const lw = w.toLowerCase();
      if (/^\p{Ll}/u.test(w)) lowerSeen.add(lw);
      else if (i > 0 && !upperSent && isCap(w) && !/^["'(]$/.test(s[i - 1])) capMidSeen.add(lw);
    });
  }
  return { lowerSeen, capMidSeen };
}

function digitsNorm(w: string): string {
  return w.replace(/[0-9]/g, '0');
}

/** Static feature strings for every token of a document: [sentence][token][feature]. */
/** word -> [fine, coarse] word-cluster ids (see word-clusters.ts). */
export type ClusterOf = (word: string) => [number, number] | undefined;

export function staticFeatures(doc: FeatureDoc, gaz: Gazetteer, extra?: string[][][], clusterOf?: ClusterOf): string[][][] {
  const stats = docStats(doc);
  return doc.sentences.map((words, s) => {
    const n = words.length;
    const lw = words.map((w) => digitsNorm(w.toLowerCase()));
    const sh = words.map(shape);
    const ssh = sh.map((x) => x.replace(/(.)\1+/g, '$1'));
    const gz = gazetteerFeatures(words, gaz);
    const upperSent = isUpperSentence(words);
    const cl = clusterOf ? words.map((w) => clusterOf(w)) : undefined;
    const at = (arr: string[], i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : arr[i]);
    return words.map((w, i) => {
      const l = lw[i];
      const f: string[] = ['b', `w=${digitsNorm(w)}`, `lw=${l}`, `sh=${sh[i]}`, `ss=${ssh[i]}`];
      for (let k = 1; k <= 4 && k <= l.length; k++) f.push(`p${k}=${l.slice(0, k)}`, `s${k}=${l.slice(-k)}`);
      f.push(
        `lw-1=${at(lw, i - 1)}`,
        `lw+1=${at(lw, i + 1)}`,
        `lw-2=${at(lw, i - 2)}`,
        `lw+2=${at(lw, i + 2)}`,
        `sh-1=${at(sh, i - 1)}`,
        `sh+1=${at(sh, i + 1)}`,
        `lw-1|lw=${at(lw, i - 1)}|${l}`,
        `lw|lw+1=${l}|${at(lw, i + 1)}`,
        `sh-1|sh|sh+1=${at(sh, i - 1)}|${sh[i]}|${at(sh, i + 1)}`,
        `sh|lw+1=${sh[i]}|${at(lw, i + 1)}`,
        `lw-1|sh=${at(lw, i - 1)}|${sh[i]}`,
        `lw-1|lw+1=${at(lw, i - 1)}|${at(lw, i + 1)}`,
        `ss-2..+2=${at(ssh, i - 2)}|${at(ssh, i - 1)}|${ssh[i]}|${at(ssh, i + 1)}|${at(ssh, i + 2)}`,
        `s3-1=${at(lw, i - 1).slice(-3)}`,
        `s3+1=${at(lw, i + 1).slice(-3)}`,
      );
      if (i === 0) f.push(`first|sh=${sh[i]}`);
      if (upperSent) f.push('upsent', `upsent|lw=${l}`);
      if (w.includes('-')) f.push('hyph', ...w.split('-').filter(Boolean).map((p) => `hp=${p.toLowerCase()}`));
      for (const g of gz[i]) f.push(g, `${g}|sh=${ssh[i]}`);
      for (const t of gaz.lookup(`wd:${w}`) ?? []) f.push(`gw=${t}`);
      for (const g of gz[i - 1] ?? []) f.push(`${g}@-1`);
      for (const g of gz[i + 1] ?? []) f.push(`${g}@+1`);
      if (isCap(w)) {
        // Capitalization is weak evidence at sentence starts and in all-caps headlines; the rest of
        // the document tells whether the word is normally lowercase or normally capitalized.
        if (stats.lowerSeen.has(w.toLowerCase())) f.push('doc:lower-seen');
        if (stats.capMidSeen.has(w.toLowerCase())) f.push('doc:cap-mid-seen');
        if (i === 0 || upperSent) {
          f.push(`weakcap:lower=${stats.lowerSeen.has(w.toLowerCase())}`, `weakcap:capmid=${stats.capMidSeen.has(w.toLowerCase())}`);
        }
      }
      if (cl) {
        const c = (j: number) => (j < 0 ? '<s>' : j >= n ? '</s>' : cl[j] ? String(cl[j]![0]) : '?');
        const cc = (j: number) => (j < 0 ? '<s>' : j >= n ? '</s>' : cl[j] ? String(cl[j]![1]) : '?');
        f.push(`c=${c(i)}`, `cc=${cc(i)}`, `c-1=${c(i - 1)}`, `c+1=${c(i + 1)}`, `cc-1|cc|cc+1=${cc(i - 1)}|${cc(i)}|${cc(i + 1)}`, `c|ss=${c(i)}|${ssh[i]}`);
      }
      if (extra) f.push(...extra[s][i]);
      return f;
    });
  });
}

/**
 * Document-consistency features for the second pass (stacking): how the first pass labelled the
 * same word form elsewhere in the document ("Nebenzia" alone is easier once "Vassily Nebenzia" was
 * tagged PER two paragraphs earlier).
 */
export function consistencyFeatures(sentences: string[][], pass1: string[][]): string[][][] {
  const byWord = new Map<string, Map<string, number>>();
  sentences.forEach((words, s) =>
    words.forEach((w, i) => {
      let m = byWord.get(w);
      if (!m) byWord.set(w, (m = new Map()));
      const t = pass1[s][i] === 'O' ? 'O' : pass1[s][i].slice(2);
      m.set(t, (m.get(t) ?? 0) + 1);
    }),
  );
  return sentences.map((words, s) =>
    words.map((w, i) => {
      const own = pass1[s][i];
      const f = [`p1=${own}`, `p1-1=${i > 0 ? pass1[s][i - 1] : '<s>'}`, `p1+1=${i + 1 < words.length ? pass1[s][i + 1] : '</s>'}`];
      if (!/^\p{Lu}/u.test(w)) return f;
      const m = new Map(byWord.get(w)!);
      const ownType = own === 'O' ? 'O' : own.slice(2);
      m.set(ownType, m.get(ownType)! - 1);
      let others = 0;
      let best = '';
      let bestN = 0;
      for (const [t, n] of m) {
        others += n;
        if (t !== 'O' && n > bestN) [best, bestN] = [t, n];
      }
      if (!others) return f;
      f.push(best ? `dm=${best}` : 'dm=none', `dm|own=${best || 'none'}|${ownType}`);
      if (best && bestN === others) f.push(`dm-all=${best}`);
      if ((m.get('O') ?? 0) > 0) f.push('dm-has-O');
      return f;
    }),
  );
}

/** History features: previous predicted tags, alone and with the current word/shape. */
export function historyFeatures(p1: string, p2: string, lw: string, sh: string): string[] {
  return [`t-1=${p1}`, `t-2|t-1=${p2}|${p1}`, `t-1|lw=${p1}|${lw}`, `t-1|sh=${p1}|${sh}`];
}
