/**
 * A small 1-D convolutional token classifier: 1–2 convolution layers over a sequence of fixed input
 * vectors (zero-padded at the sequence edges), one output per position (no pooling), softmax over
 * the classes, trained with Adam on the log loss (hand-written backprop). Single-threaded, seeded,
 * fixed summation order, so a seed gives the same weights bit for bit.
 *
 * Unlike the dense token MLP (mlp.ts over a window *mean*), the window vectors are concatenated:
 * a filter sees which word is where around the token.
 */
import { rng, shuffle } from './random.js';

export type ConvActivation = 'relu' | 'tanh';

export interface ConvLayerSpec {
  /** Odd window width (positions t − ⌊w/2⌋ … t + ⌊w/2⌋). */
  width: number;
  filters: number;
}

export interface ConvOptions {
  layers: ConvLayerSpec[];
  classes: number;
  act: ConvActivation;
  epochs: number;
  lr: number;
  l2: number;
  /** Positions (tokens) per Adam step, at least; whole sequences are kept together. */
  batch: number;
  seed: number;
}

export interface ConvLayerData {
  width: number;
  inputs: number;
  filters: number;
  /** filters × width × inputs, row-major. */
  w: number[];
  b: number[];
}

export interface ConvData {
  inputs: number;
  classes: number;
  act: ConvActivation;
  layers: ConvLayerData[];
  /** classes × last layer's filters. */
  outW: number[];
  outB: number[];
}

/** A sequence of n positions: x is n × inputs (row-major); y the class of each position. */
export interface ConvSequence {
  x: Float32Array;
  n: number;
  y: ArrayLike<number>;
}

interface Net {
  layers: { width: number; inputs: number; filters: number; w: Float64Array; b: Float64Array }[];
  outW: Float64Array;
  outB: Float64Array;
  classes: number;
  act: ConvActivation;
}

/** Pre-activations z = b + Σ_k W_k · in[t + k − c] (zero outside the sequence), n × filters. */
function convForward(L: Net['layers'][number], input: ArrayLike<number>, n: number, z: Float64Array): void {
  const { width: W, inputs: I, filters: F, w, b } = L;
  const c = (W - 1) >> 1;
  for (let t = 0; t < n; t++) {
    const zo = t * F;
    for (let f = 0; f < F; f++) z[zo + f] = b[f];
    for (let k = 0; k < W; k++) {
      const s = t + k - c;
      if (s < 0 || s >= n) continue;
      const io = s * I;
      for (let f = 0; f < F; f++) {
        const wo = (f * W + k) * I;
        let acc = 0;
        for (let i = 0; i < I; i++) acc += w[wo + i] * input[io + i];
        z[zo + f] += acc;
      }
    }
  }
}

function activate(act: ConvActivation, z: Float64Array, h: Float64Array, len: number): void {
  if (act === 'relu') for (let i = 0; i < len; i++) h[i] = z[i] > 0 ? z[i] : 0;
  else for (let i = 0; i < len; i++) h[i] = Math.tanh(z[i]);
}

/** Class probabilities of every position (n × classes) — shared by training and prediction. */
function forward(net: Net, x: ArrayLike<number>, n: number, zs: Float64Array[], hs: Float64Array[], p: Float64Array): void {
  let input: ArrayLike<number> = x;
  net.layers.forEach((L, l) => {
    convForward(L, input, n, zs[l]);
    activate(net.act, zs[l], hs[l], n * L.filters);
    input = hs[l];
  });
  const F = net.layers[net.layers.length - 1].filters;
  const C = net.classes;
  for (let t = 0; t < n; t++) {
    let max = -Infinity;
    for (let c = 0; c < C; c++) {
      let s = net.outB[c];
      const wo = c * F;
      const ho = t * F;
      for (let f = 0; f < F; f++) s += net.outW[wo + f] * (input as Float64Array)[ho + f];
      p[t * C + c] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let c = 0; c < C; c++) sum += p[t * C + c] = Math.exp(p[t * C + c] - max);
    for (let c = 0; c < C; c++) p[t * C + c] /= sum;
  }
}

function scratch(net: Net, maxN: number) {
  return {
    zs: net.layers.map((L) => new Float64Array(maxN * L.filters)),
    hs: net.layers.map((L) => new Float64Array(maxN * L.filters)),
    p: new Float64Array(maxN * net.classes),
  };
}

export function trainConv(seqs: ConvSequence[], inputs: number, o: ConvOptions): ConvData {
  if (!o.layers.length) throw new Error('trainConv: at least one convolution layer');
  for (const l of o.layers) if (l.width < 1 || l.width % 2 === 0 || l.filters < 1) throw new Error(`trainConv: layer width must be odd and filters ≥ 1, got ${JSON.stringify(l)}`);
  const random = rng(o.seed);
  const C = o.classes;
  let fan = inputs;
  const layers = o.layers.map(({ width, filters }) => {
    // He-style uniform init for ReLU (Glorot-like gain 1 for tanh), over the layer's fan-in.
    const lim = Math.sqrt((o.act === 'relu' ? 6 : 3) / (width * fan));
    const L = { width, inputs: fan, filters, w: Float64Array.from({ length: filters * width * fan }, () => (random() * 2 - 1) * lim), b: new Float64Array(filters) };
    fan = filters;
    return L;
  });
  const outW = Float64Array.from({ length: C * fan }, () => (random() * 2 - 1) / Math.sqrt(fan));
  // Output bias starts at the log class prior, so early steps learn features rather than the base rate.
  const counts = new Float64Array(C);
  let total = 0;
  for (const s of seqs) for (let t = 0; t < s.n; t++) {
    const y = s.y[t];
    if (!(y >= 0 && y < C)) throw new Error(`trainConv: class ${y} outside 0..${C - 1}`);
    counts[y]++;
    total++;
  }
  const outB = Float64Array.from(counts, (c) => Math.log((c + 1) / (total + C)));
  const net: Net = { layers, outW, outB, classes: C, act: o.act };
  const params: Float64Array[] = [...layers.flatMap((L) => [L.w, L.b]), outW, outB];
  const decay = params.map((_, k) => (k === params.length - 1 ? false : k === params.length - 2 ? true : k % 2 === 0));
  const grads = params.map((p) => new Float64Array(p.length));
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  const maxN = Math.max(1, ...seqs.map((s) => s.n));
  const { zs, hs, p } = scratch(net, maxN);
  const dH = layers.map((L) => new Float64Array(maxN * L.filters));
  const dZ = new Float64Array(maxN * Math.max(...layers.map((L) => L.filters)));
  const order = seqs.map((_, i) => i).filter((i) => seqs[i].n > 0);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let step = 0;
  const last = layers.length - 1;
  const F = layers[last].filters;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    let i = 0;
    while (i < order.length) {
      for (const g of grads) g.fill(0);
      let tokens = 0;
      while (i < order.length && tokens < o.batch) {
        const s = seqs[order[i++]];
        const n = s.n;
        tokens += n;
        forward(net, s.x, n, zs, hs, p);
        // Output layer: d logit = p − onehot.
        const gOutW = grads[grads.length - 2];
        const gOutB = grads[grads.length - 1];
        const dTop = dH[last];
        dTop.fill(0, 0, n * F);
        for (let t = 0; t < n; t++) {
          const y = s.y[t];
          for (let c = 0; c < C; c++) {
            const d = p[t * C + c] - (c === y ? 1 : 0);
            gOutB[c] += d;
            const wo = c * F;
            const ho = t * F;
            for (let f = 0; f < F; f++) {
              gOutW[wo + f] += d * hs[last][ho + f];
              dTop[ho + f] += d * outW[wo + f];
            }
          }
        }
        for (let l = last; l >= 0; l--) {
          const L = layers[l];
          const { width: W, inputs: I, filters: Fl } = L;
          const c0 = (W - 1) >> 1;
          const h = hs[l];
          const dh = dH[l];
          for (let j = 0; j < n * Fl; j++) dZ[j] = dh[j] * (o.act === 'relu' ? (h[j] > 0 ? 1 : 0) : 1 - h[j] * h[j]);
          const gW = grads[2 * l];
          const gB = grads[2 * l + 1];
          const input: ArrayLike<number> = l === 0 ? s.x : hs[l - 1];
          const dIn = l > 0 ? dH[l - 1] : undefined;
          if (dIn) dIn.fill(0, 0, n * I);
          for (let t = 0; t < n; t++) {
            const zo = t * Fl;
            for (let f = 0; f < Fl; f++) {
              const d = dZ[zo + f];
              if (d === 0) continue;
              gB[f] += d;
              for (let k = 0; k < W; k++) {
                const sIdx = t + k - c0;
                if (sIdx < 0 || sIdx >= n) continue;
                const io = sIdx * I;
                const wo = (f * W + k) * I;
                for (let q = 0; q < I; q++) gW[wo + q] += d * input[io + q];
                if (dIn) for (let q = 0; q < I; q++) dIn[io + q] += d * L.w[wo + q];
              }
            }
          }
        }
      }
      step++;
      const c1 = 1 - beta1 ** step;
      const c2 = 1 - beta2 ** step;
      params.forEach((prm, k) => {
        const g = grads[k];
        const mk = m[k];
        const vk = v[k];
        for (let j = 0; j < prm.length; j++) {
          const gj = g[j] / tokens + (decay[k] ? o.l2 * prm[j] : 0);
          mk[j] = beta1 * mk[j] + (1 - beta1) * gj;
          vk[j] = beta2 * vk[j] + (1 - beta2) * gj * gj;
          prm[j] -= (o.lr * (mk[j] / c1)) / (Math.sqrt(vk[j] / c2) + 1e-8);
        }
      });
    }
  }
  // Rounded, as shipped; predictions (in training too) always use the rounded weights.
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    inputs,
    classes: C,
    act: o.act,
    layers: layers.map((L) => ({ width: L.width, inputs: L.inputs, filters: L.filters, w: Array.from(L.w, r), b: Array.from(L.b, r) })),
    outW: Array.from(outW, r),
    outB: Array.from(outB, r),
  };
}

/** A loaded network with its scratch buffers (grown on demand); reuse it over many sequences. */
export class ConvNet {
  private readonly net: Net;
  private buf: ReturnType<typeof scratch>;
  private cap = 0;
  constructor(readonly data: ConvData) {
    this.net = {
      layers: data.layers.map((L) => ({ width: L.width, inputs: L.inputs, filters: L.filters, w: Float64Array.from(L.w), b: Float64Array.from(L.b) })),
      outW: Float64Array.from(data.outW),
      outB: Float64Array.from(data.outB),
      classes: data.classes,
      act: data.act,
    };
    this.buf = scratch(this.net, 0);
  }

  /** Class probabilities (n × classes, row-major) of a sequence x (n × inputs). */
  probs(x: ArrayLike<number>, n: number): Float64Array {
    if (x.length !== n * this.data.inputs) throw new Error(`ConvNet: expected ${n} × ${this.data.inputs} inputs, got ${x.length} values`);
    if (n > this.cap) {
      this.cap = Math.max(n, 2 * this.cap);
      this.buf = scratch(this.net, this.cap);
    }
    forward(this.net, x, n, this.buf.zs, this.buf.hs, this.buf.p);
    return this.buf.p.slice(0, n * this.net.classes);
  }
}
