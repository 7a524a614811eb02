/**
 * A small dense binary classifier: one tanh hidden layer, sigmoid output, trained with Adam on the
 * log loss (hand-written backprop). Single-threaded and seeded, so a seed gives the same weights.
 * Used over word-vector averages, where the sparse-binary logistic regression does not apply.
 */
import { rng, shuffle } from './random.js';

export interface MlpOptions {
  hidden: number;
  epochs: number;
  lr: number;
  l2: number;
  seed: number;
}

export interface MlpData {
  inputs: number;
  hidden: number;
  /** hidden × inputs, row-major. */
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number;
}

export function trainMlp(xs: Float32Array[], ys: ArrayLike<number>, inputs: number, o: MlpOptions): MlpData {
  const H = o.hidden;
  const random = rng(o.seed);
  const scale = 1 / Math.sqrt(inputs);
  const w1 = Float64Array.from({ length: H * inputs }, () => (random() * 2 - 1) * scale);
  const b1 = new Float64Array(H);
  const w2 = Float64Array.from({ length: H }, () => (random() * 2 - 1) / Math.sqrt(H));
  const params = [w1, b1, w2, new Float64Array(1)];
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  const grads = params.map((p) => new Float64Array(p.length));
  const h = new Float64Array(H);
  const order = xs.map((_, i) => i);
  const B = 32;
  const beta1 = 0.9;
  const beta2 = 0.999;
  let step = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (let start = 0; start < order.length; start += B) {
      for (const g of grads) g.fill(0);
      const end = Math.min(order.length, start + B);
      for (let n = start; n < end; n++) {
        const x = xs[order[n]];
        let out = params[3][0];
        for (let j = 0; j < H; j++) {
          let s = b1[j];
          const base = j * inputs;
          for (let i = 0; i < inputs; i++) s += w1[base + i] * x[i];
          h[j] = Math.tanh(s);
          out += w2[j] * h[j];
        }
        const p = 1 / (1 + Math.exp(-out));
        const d = p - ys[order[n]];
        grads[3][0] += d;
        for (let j = 0; j < H; j++) {
          grads[2][j] += d * h[j];
          const dh = d * w2[j] * (1 - h[j] * h[j]);
          if (dh === 0) continue;
          grads[1][j] += dh;
          const base = j * inputs;
          for (let i = 0; i < inputs; i++) grads[0][base + i] += dh * x[i];
        }
      }
      step++;
      const n = end - start;
      const c1 = 1 - beta1 ** step;
      const c2 = 1 - beta2 ** step;
      params.forEach((p, k) => {
        const g = grads[k];
        for (let i = 0; i < p.length; i++) {
          const gi = g[i] / n + (k === 0 || k === 2 ? o.l2 * p[i] : 0);
          m[k][i] = beta1 * m[k][i] + (1 - beta1) * gi;
          v[k][i] = beta2 * v[k][i] + (1 - beta2) * gi * gi;
          p[i] -= (o.lr * (m[k][i] / c1)) / (Math.sqrt(v[k][i] / c2) + 1e-8);
        }
      });
    }
  }
  const r = (x: number) => Math.round(x * 1e5) / 1e5;
  return { inputs, hidden: H, w1: Array.from(w1, r), b1: Array.from(b1, r), w2: Array.from(w2, r), b2: r(params[3][0]) };
}

export function mlpProb(d: MlpData, x: ArrayLike<number>): number {
  let out = d.b2;
  for (let j = 0; j < d.hidden; j++) {
    let s = d.b1[j];
    const base = j * d.inputs;
    for (let i = 0; i < d.inputs; i++) s += d.w1[base + i] * x[i];
    out += d.w2[j] * Math.tanh(s);
  }
  return 1 / (1 + Math.exp(-out));
}
