/**
 * Averaged multiclass perceptron (Collins 2002; averaging via the Daumé "w - u/c" trick), and a
 * compact hashed form for shipping: feature strings are replaced by 32-bit hashes and weights are
 * quantized to int16, so an artifact holds numbers only and loads fast.
 */

/** FNV-1a over UTF-16 code units with a final avalanche (murmur3 fmix32). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class PerceptronTrainer {
  readonly L: number;
  private ids = new Map<string, number>();
  private names: string[] = [];
  private w: Float64Array;
  private u: Float64Array;
  /** Number of examples seen (the averaging clock). */
  private c = 1;

  constructor(readonly labels: string[]) {
    this.L = labels.length;
    this.w = new Float64Array(1 << 16);
    this.u = new Float64Array(1 << 16);
  }

  /** Feature id, adding the feature when `add` (training); -1 when unknown. */
  intern(name: string, add: boolean): number {
    let id = this.ids.get(name);
    if (id !== undefined) return id;
    if (!add) return -1;
    id = this.names.length;
    this.names.push(name);
    this.ids.set(name, id);
    const need = (id + 1) * this.L;
    if (need > this.w.length) {
      let size = this.w.length;
      while (size < need) size *= 2;
      const w = new Float64Array(size);
      w.set(this.w);
      const u = new Float64Array(size);
      u.set(this.u);
      this.w = w;
      this.u = u;
    }
    return id;
  }

  /** Add the scores of the given features to `out` (length L). */
  addScores(ids: ArrayLike<number>, out: Float64Array): void {
    const { w, L } = this;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (id < 0) continue;
      const base = id * L;
      for (let y = 0; y < L; y++) out[y] += w[base + y];
    }
  }

  /** Standard perceptron update toward `gold`, away from `pred`; call tick() once per example. */
  update(ids: ArrayLike<number>, gold: number, pred: number): void {
    if (gold === pred) return;
    const { w, u, L, c } = this;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (id < 0) continue;
      const base = id * L;
      w[base + gold] += 1;
      u[base + gold] += c;
      w[base + pred] -= 1;
      u[base + pred] -= c;
    }
  }

  tick(): void {
    this.c++;
  }

  get featureCount(): number {
    return this.names.length;
  }

  /** Averaged weights as a hashed model, dropping features whose weights all average to ~0. */
  toHashed(): HashedModelData {
    const { L, w, u, c } = this;
    const rows: { h: number; v: number[] }[] = [];
    let max = 0;
    for (let id = 0; id < this.names.length; id++) {
      const v: number[] = [];
      let keep = false;
      for (let y = 0; y < L; y++) {
        const a = w[id * L + y] - u[id * L + y] / c;
        v.push(a);
        if (Math.abs(a) > 1e-3) keep = true;
        max = Math.max(max, Math.abs(a));
      }
      if (keep) rows.push({ h: hash32(this.names[id]), v });
    }
    rows.sort((a, b) => a.h - b.h);
    // Collisions (rare with 32-bit hashes) are merged by summing, which is what lookup would do anyway.
    const merged: { h: number; v: number[] }[] = [];
    let collisions = 0;
    for (const r of rows) {
      const last = merged[merged.length - 1];
      if (last && last.h === r.h) {
        collisions++;
        for (let y = 0; y < L; y++) last.v[y] += r.v[y];
      } else merged.push(r);
    }
    const scale = max / 32767 || 1;
    const keys = new Uint32Array(merged.length);
    const q = new Int16Array(merged.length * L);
    merged.forEach((r, i) => {
      keys[i] = r.h;
      for (let y = 0; y < L; y++) q[i * L + y] = Math.max(-32767, Math.min(32767, Math.round(r.v[y] / scale)));
    });
    return {
      labels: this.labels,
      scale,
      keys: Buffer.from(keys.buffer).toString('base64'),
      weights: Buffer.from(q.buffer).toString('base64'),
      collisions,
    };
  }
}

/** Serialized hashed model (plain data, stored in an artifact body). */
export interface HashedModelData {
  labels: string[];
  /** Multiply an int16 weight by `scale` to get the averaged perceptron weight. */
  scale: number;
  /** base64 little-endian Uint32Array of sorted feature hashes. */
  keys: string;
  /** base64 little-endian Int16Array, labels.length weights per key. */
  weights: string;
  collisions: number;
}

function decode<T extends Uint32Array | Int16Array>(b64: string, Ctor: { new (buf: ArrayBuffer): T }): T {
  const buf = Buffer.from(b64, 'base64');
  // Copy into a fresh, aligned ArrayBuffer.
  const ab = new ArrayBuffer(buf.length);
  new Uint8Array(ab).set(buf);
  return new Ctor(ab);
}

/** Runtime form: score feature strings by hashing them into the table. */
export class HashedModel {
  readonly labels: string[];
  readonly L: number;
  // Open-addressing table (hash -> row offset): much faster than a Map for 32-bit keys, which
  // are mostly not small integers to V8.
  private slots: Uint32Array;
  private offsets: Int32Array;
  private mask: number;
  private count: number;
  private weights: Float32Array;

  constructor(data: HashedModelData) {
    this.labels = data.labels;
    this.L = data.labels.length;
    const keys = decode(data.keys, Uint32Array);
    const q = decode(data.weights, Int16Array);
    if (q.length !== keys.length * this.L) throw new Error(`hashed model is corrupt: ${keys.length} keys but ${q.length} weights`);
    this.weights = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) this.weights[i] = q[i] * data.scale;
    let cap = 1024;
    while (cap < keys.length * 3) cap *= 2;
    this.slots = new Uint32Array(cap);
    this.offsets = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.count = keys.length;
    for (let i = 0; i < keys.length; i++) {
      let j = keys[i] & this.mask;
      while (this.offsets[j] >= 0) j = (j + 1) & this.mask;
      this.slots[j] = keys[i];
      this.offsets[j] = i * this.L;
    }
  }

  get size(): number {
    return this.count;
  }

  /** Row offset of a feature hash in the weights, or -1. */
  private row(h: number): number {
    const { slots, offsets, mask } = this;
    let j = h & mask;
    for (;;) {
      const o = offsets[j];
      if (o < 0) return -1;
      if (slots[j] === h) return o;
      j = (j + 1) & mask;
    }
  }

  addScores(features: string[], out: Float64Array): void {
    const { weights, L } = this;
    for (const f of features) {
      const base = this.row(hash32(f));
      if (base < 0) continue;
      for (let y = 0; y < L; y++) out[y] += weights[base + y];
    }
  }

  /** Same as addScores with features already hashed (hash once, score with several models). */
  addScoresHashed(hashes: ArrayLike<number>, out: Float64Array): void {
    const { weights, L } = this;
    for (let k = 0; k < hashes.length; k++) {
      const base = this.row(hashes[k]);
      if (base < 0) continue;
      for (let y = 0; y < L; y++) out[y] += weights[base + y];
    }
  }
}
