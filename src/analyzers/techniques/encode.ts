/**
 * Feature ids of the SI passes without building most feature strings (analysis hot path).
 *
 * `vocab.encode(tokenFeatures(t))` and `vocab.encode(stackFeatures(t, …))` spend most of their time
 * building feature strings and hashing them into a 170k-entry Map. Most of those features depend on
 * one word (or a pair of words, or a few probability buckets), so their ids are cached here per
 * vocabulary, keyed by that word / pair / bucket. The ids come out in the SAME order, de-duplicated
 * the same way, with unknown features dropped, so the probability sums are bit-identical
 * (test/techniques/encode.test.ts compares against the string path). The strings are still built on
 * a cache miss, with the same templates as src/models/features/propaganda.ts.
 */
import type { FeatureVocab } from '../../models/logreg.js';
import { betweenMax, bucket, insideQuotes, sentenceGroupMax, sentenceProbStats, sentencePunctuation, sentenceRanges, shape, type GroupProbs, type TokenizedText } from '../../models/features/propaganda.js';

/** Ids of the features that depend only on a lower-cased word (its own and as a neighbour). */
interface LowerEntry {
  /** Unique number of this entry (key of the word-pair caches). */
  n: number;
  text: string;
  w: number;
  suf3: number;
  m1: number;
  p1: number;
  m2: number;
  p2: number;
  /** `b-1=<prev>_<this>` ids by the previous word's entry number. */
  prev?: Map<number, number>;
  /** `b+1=<this>_<next>` ids by the next word's entry number. */
  next?: Map<number, number>;
  /** Bit set: which bigram halves this word is in the vocabulary (see TokenIdEncoder.halves). */
  halves: number;
}

/** A word as written: its lower-cased entry, shape id and all-caps flag. */
interface WordEntry {
  low: LowerEntry;
  sh: number;
  allcaps: boolean;
}

const UNSET = -2;

/** De-duplicating id collector with generation stamps (what FeatureVocab.encode does for strings). */
class IdList {
  private stamp = new Uint32Array(0);
  private gen = 0;
  private buf = new Int32Array(64);
  private n = 0;
  constructor(private readonly size: number) {}
  start(): void {
    if (this.stamp.length < this.size) this.stamp = new Uint32Array(this.size);
    if (++this.gen === 0xffffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
    this.n = 0;
  }
  push(id: number): void {
    if (id < 0 || this.stamp[id] === this.gen) return;
    this.stamp[id] = this.gen;
    if (this.n === this.buf.length) {
      const b = new Int32Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.n++] = id;
  }
  done(): Int32Array {
    return this.buf.slice(0, this.n);
  }
}

/** Token-feature ids (tokenFeatures without word classes), cached per word; bounded. */
export class TokenIdEncoder {
  private words = new Map<string, WordEntry>();
  private lowers = new Map<string, LowerEntry>();
  private lemmas = new Map<string, number>();
  private pos = new Map<string, number>();
  private posTables = new Map<number, number>();
  private small = new Map<string, number>();
  private entries = 0;
  private counter = 0;
  private bos: LowerEntry;
  private eos: LowerEntry;
  private list: IdList;
  /**
   * Words that are a first / second half of some known `b-1=` (bits 1, 2) and `b+1=` (bits 4, 8)
   * feature, at every `_` split (words may hold `_`). A pair whose halves are not both in them
   * cannot be in the vocabulary, so most unseen bigrams need no string and no lookup.
   */
  private halves = new Map<string, number>();

  /** `maxEntries` bounds the cached words + word pairs (the cache is emptied when it is reached). */
  constructor(private readonly vocab: FeatureVocab, private readonly maxEntries = 300_000) {
    const mark = (w: string, bit: number) => this.halves.set(w, (this.halves.get(w) ?? 0) | bit);
    for (const name of vocab.names) {
      const bit = name.startsWith('b-1=') ? 1 : name.startsWith('b+1=') ? 4 : 0;
      if (!bit) continue;
      for (let k = name.indexOf('_', 4); k >= 0; k = name.indexOf('_', k + 1)) {
        mark(name.slice(4, k), bit);
        mark(name.slice(k + 1), bit * 2);
      }
    }
    this.bos = this.makeLower('<s>');
    this.eos = this.makeLower('</s>');
    this.list = new IdList(vocab.size);
  }

  private id(name: string): number {
    return this.vocab.ids.get(name) ?? -1;
  }

  private makeLower(text: string): LowerEntry {
    return { n: this.counter++, text, w: this.id(`w=${text}`), suf3: this.id(`suf3=${text.slice(-3)}`), m1: this.id(`w-1=${text}`), p1: this.id(`w+1=${text}`), m2: this.id(`w-2=${text}`), p2: this.id(`w+2=${text}`), halves: this.halves.get(text) ?? 0 };
  }

  private grow(): void {
    if (++this.entries < this.maxEntries) return;
    this.words.clear();
    this.lowers.clear();
    this.lemmas.clear();
    this.bos.prev = this.bos.next = this.eos.prev = this.eos.next = undefined;
    this.entries = 0;
  }

  private word(w: string): WordEntry {
    let e = this.words.get(w);
    if (e) return e;
    const lower = w.toLowerCase();
    let low = this.lowers.get(lower);
    if (!low) {
      this.grow();
      this.lowers.set(lower, (low = this.makeLower(lower)));
    }
    this.grow();
    this.words.set(w, (e = { low, sh: this.id(`sh=${shape(w)}`), allcaps: /^[A-Z]{2,}$/.test(w) }));
    return e;
  }

  private lemma(raw: string): number {
    let id = this.lemmas.get(raw);
    if (id === undefined) {
      this.grow();
      this.lemmas.set(raw, (id = this.id(`l=${raw.toLowerCase()}`)));
    }
    return id;
  }

  private posIndex(p: string): number {
    let k = this.pos.get(p);
    if (k === undefined) this.pos.set(p, (k = this.pos.size));
    return k;
  }

  /** Id of a POS template: kind 0 p=, 1 p-1=, 2 p+1= (x only), 3 p-1p=x_y, 4 pp+1=x_y. */
  private posFeature(kind: number, x: number, y: number, xs: string, ys: string): number {
    const key = (kind * 4096 + x) * 4096 + y;
    let id = this.posTables.get(key);
    if (id === undefined) {
      const name = kind === 0 ? `p=${xs}` : kind === 1 ? `p-1=${xs}` : kind === 2 ? `p+1=${xs}` : kind === 3 ? `p-1p=${xs}_${ys}` : `pp+1=${xs}_${ys}`;
      this.posTables.set(key, (id = this.id(name)));
    }
    return id;
  }

  private rel = new Map<number, number>();
  private slen = new Map<number, number>();

  private cachedBy(m: Map<number, number>, key: number, name: () => string): number {
    let id = m.get(key);
    if (id === undefined) m.set(key, (id = this.id(name())));
    return id;
  }

  private smallId(name: string): number {
    let id = this.small.get(name);
    if (id === undefined) this.small.set(name, (id = this.id(name)));
    return id;
  }

  private pair(map: 'prev' | 'next', e: LowerEntry, other: LowerEntry): number {
    // b-1 = other_e needs other as a first half (1) and e as a second half (2); b+1 = e_other: 4 and 8.
    if (map === 'prev' ? !(other.halves & 1 && e.halves & 2) : !(e.halves & 4 && other.halves & 8)) return -1;
    let m = e[map];
    if (!m) e[map] = m = new Map();
    let id = m.get(other.n);
    if (id === undefined) {
      this.grow();
      id = this.id(map === 'prev' ? `b-1=${other.text}_${e.text}` : `b+1=${e.text}_${other.text}`);
      // grow() may have emptied the caches (e is then dropped with them); the id is right either way.
      m.set(other.n, id);
    }
    return id;
  }

  /** Same ids, same order as `vocab.encode(f)` for every `f` of `tokenFeatures(t)` (no word classes). */
  encode(t: TokenizedText): Int32Array[] {
    const n = t.tokens.length;
    const ranges = sentenceRanges(t);
    const quoted = insideQuotes(t, ranges);
    const words: string[] = new Array(n);
    const ent: WordEntry[] = new Array(n);
    const posK = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const k = t.tokens[i];
      words[i] = t.text.slice(k.start, k.end);
      ent[i] = this.word(words[i]);
      posK[i] = this.posIndex(k.pos);
    }
    const bosPos = this.posIndex('<s>');
    const eosPos = this.posIndex('</s>');
    const sentInfo = sentencePunctuation(words, ranges);
    const bias = this.smallId('bias');
    const flags = ['inq', 's!', 's?', 'squote', 'first', 'last', 'allcaps', 'title'].map((f) => this.smallId(f));
    const L = this.list;
    const out: Int32Array[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const tok = t.tokens[i];
      const [a, b] = ranges[tok.sentence];
      const me = ent[i].low;
      const at = (j: number) => (j < a ? this.bos : j > b ? this.eos : ent[j].low);
      const pk = (j: number) => (j < a ? bosPos : j > b ? eosPos : posK[j]);
      const ps = (j: number) => (j < a ? '<s>' : j > b ? '</s>' : t.tokens[j].pos);
      const s = sentInfo[tok.sentence];
      const rel = s.len > 1 ? Math.floor((4 * (i - a)) / (s.len - 1)) : 0;
      const prev = at(i - 1);
      const next = at(i + 1);
      L.start();
      L.push(bias);
      L.push(me.w);
      L.push(this.lemma(tok.lemma ?? words[i]));
      L.push(this.posFeature(0, posK[i], 0, tok.pos, ''));
      L.push(ent[i].sh);
      L.push(me.suf3);
      L.push(prev.m1);
      L.push(next.p1);
      L.push(at(i - 2).m2);
      L.push(at(i + 2).p2);
      L.push(this.posFeature(1, pk(i - 1), 0, ps(i - 1), ''));
      L.push(this.posFeature(2, pk(i + 1), 0, ps(i + 1), ''));
      L.push(this.posFeature(3, pk(i - 1), posK[i], ps(i - 1), tok.pos));
      L.push(this.posFeature(4, posK[i], pk(i + 1), tok.pos, ps(i + 1)));
      L.push(this.pair('prev', me, prev));
      L.push(this.pair('next', me, next));
      L.push(this.cachedBy(this.rel, rel, () => `rel=${rel}`));
      L.push(this.cachedBy(this.slen, s.len, () => `slen=${bucket(s.len, [5, 10, 20, 35, 50])}`));
      if (quoted[i]) L.push(flags[0]);
      if (s.excl) L.push(flags[1]);
      if (s.q) L.push(flags[2]);
      if (s.quote) L.push(flags[3]);
      if (i === a) L.push(flags[4]);
      if (i === b) L.push(flags[5]);
      if (ent[i].allcaps) L.push(flags[6]);
      if (tok.sentence === 0) L.push(flags[7]);
      out[i] = L.done();
    }
    return out;
  }
}

/** Bucket code of a probability as stackFeatures' `pb` writes it (0–9), 10 for 'x' (outside the sentence). */
const pbc = (p: number) => Math.min(9, Math.floor(p * 10));
const X = 10;
const pbs = (c: number) => (c === X ? 'x' : String(c));

/**
 * Second-pass feature ids (stackFeatures with sentence probabilities and first-pass group
 * probabilities, the shipped configuration; `supports` says when this applies). Every template's
 * value is one or two probability buckets, so each template is a small table of ids.
 */
export class StackIdEncoder {
  /** Per template name: ids by bucket key (UNSET until looked up). */
  private tables = new Map<string, Int32Array>();
  private list: IdList;
  constructor(private readonly vocab: FeatureVocab) {
    this.list = new IdList(vocab.size);
  }

  /** Whether `encode` covers these stackFeatures options (else use the string path). */
  static supports(o: { lexical?: boolean; dense?: unknown; tokDense?: unknown; groups?: GroupProbs; wide?: boolean; article?: boolean | 'ranks'; neighbours?: boolean }): boolean {
    return !o.lexical && !o.dense && !o.tokDense && !o.groups?.sent && !o.wide && !o.article && !o.neighbours;
  }

  private types = new Map<string, { prefix: string; table: Int32Array }>();
  private slens = new Map<number, { prefix: string; table: Int32Array }>();

  /** A template whose prefix depends on a token type / sentence length: its table, cached by that key. */
  private byKey<K>(m: Map<K, { prefix: string; table: Int32Array }>, key: K, prefix: () => string): { prefix: string; table: Int32Array } {
    let e = m.get(key);
    if (!e) {
      const p = prefix();
      m.set(key, (e = { prefix: p, table: this.table(p) }));
    }
    return e;
  }

  private table(name: string): Int32Array {
    let tb = this.tables.get(name);
    if (!tb) this.tables.set(name, (tb = new Int32Array(11 * 11).fill(UNSET)));
    return tb;
  }

  /** Id of `${prefix}${x}` (one bucket) or `${prefix}${x}_${y}` (two; y ≥ 0). */
  private b(tb: Int32Array, prefix: string, x: number, y = -1): number {
    const key = y < 0 ? x : x * 11 + y;
    let id = tb[key];
    if (id === UNSET) tb[key] = id = this.vocab.ids.get(y < 0 ? `${prefix}${pbs(x)}` : `${prefix}${pbs(x)}_${pbs(y)}`) ?? -1;
    return id;
  }

  /** Same ids, same order as `vocab.encode(f)` for every `f` of `stackFeatures(t, probs, sentProbs, false, undefined, undefined, groups)`. */
  encode(t: TokenizedText, probs: ArrayLike<number>, sentProbs?: ArrayLike<number>, groups?: GroupProbs): Int32Array[] {
    if (groups?.sent) throw new Error('StackIdEncoder: sentence-group probabilities are not supported (use the string path)');
    const ranges = sentenceRanges(t);
    const gtok = groups?.tok;
    const gmax = gtok ? sentenceGroupMax(gtok, ranges) : undefined;
    const sent = sentenceProbStats(probs, ranges);
    const between = betweenMax(t, probs, ranges);
    const T = (name: string) => this.table(name);
    const tSp = T('sp='), tPsp = T('psp='), tSpmax = T('spmax=');
    const tG = (gtok ?? []).map((_, g) => [T(`g${g}=`), T(`g${g}n=`), T(`g${g}s=`), T(`g${g}p=`)]);
    const tP = T('p='), tPm1 = T('p-1='), tPp1 = T('p+1='), tPm2 = T('p-2='), tPp2 = T('p+2='), tPm1p1 = T('p-1p+1='), tPpp1 = T('pp+1='), tPm1p = T('p-1p=');
    const tSmax = T('smax='), tSmean = T('smean='), tSfrac = T('sfrac='), tLr = T('lr='), tPsmax = T('psmax=');
    const bias = this.vocab.ids.get('bias') ?? -1;
    const L = this.list;
    const out: Int32Array[] = new Array(t.tokens.length);
    for (let i = 0; i < t.tokens.length; i++) {
      const tok = t.tokens[i];
      const [a, b] = ranges[tok.sentence];
      const at = (j: number) => (j < a || j > b ? X : pbc(probs[j]));
      const s = sent[tok.sentence];
      const me = pbc(probs[i]);
      const smax = pbc(s.max);
      L.start();
      if (sentProbs) {
        const sp = pbc(sentProbs[tok.sentence]);
        L.push(this.b(tSp, 'sp=', sp));
        L.push(this.b(tPsp, 'psp=', me, sp));
        L.push(this.b(tSpmax, 'spmax=', sp, smax));
      }
      if (gtok) {
        for (let g = 0; g < gtok.length; g++) {
          const q = gtok[g];
          const nb = Math.max(i > a ? q[i - 1] : 0, i < b ? q[i + 1] : 0);
          const gq = pbc(q[i]);
          const tg = tG[g];
          L.push(this.b(tg[0], `g${g}=`, gq));
          L.push(this.b(tg[1], `g${g}n=`, pbc(nb)));
          L.push(this.b(tg[2], `g${g}s=`, pbc(gmax![g][tok.sentence])));
          L.push(this.b(tg[3], `g${g}p=`, gq, me));
        }
      }
      L.push(bias);
      L.push(this.b(tP, 'p=', me));
      L.push(this.b(tPm1, 'p-1=', at(i - 1)));
      L.push(this.b(tPp1, 'p+1=', at(i + 1)));
      L.push(this.b(tPm2, 'p-2=', at(i - 2)));
      L.push(this.b(tPp2, 'p+2=', at(i + 2)));
      L.push(this.b(tPm1p1, 'p-1p+1=', at(i - 1), at(i + 1)));
      L.push(this.b(tPpp1, 'pp+1=', me, at(i + 1)));
      L.push(this.b(tPm1p, 'p-1p=', at(i - 1), me));
      L.push(this.b(tSmax, 'smax=', smax));
      L.push(this.b(tSmean, 'smean=', pbc(s.mean * 2)));
      L.push(this.b(tSfrac, 'sfrac=', pbc(s.frac)));
      L.push(this.b(tLr, 'lr=', pbc(between[i])));
      L.push(this.b(tPsmax, 'psmax=', me, smax));
      const ty = this.byKey(this.types, tok.type, () => `type=${tok.type}_`);
      L.push(this.b(ty.table, ty.prefix, me));
      const sl = this.byKey(this.slens, b - a + 1, () => `slen=${bucket(b - a + 1, [5, 10, 20, 35])}_`);
      L.push(this.b(sl.table, sl.prefix, smax));
      out[i] = L.done();
    }
    return out;
  }
}
