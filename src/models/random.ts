/** Seeded pseudo-random numbers, so training runs are reproducible bit-for-bit for a seed. */

/** mulberry32: small, fast, good enough for shuffling and initialization. Returns floats in [0,1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with the given generator. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Split ids into k folds deterministically (article-level folds for evaluation). */
export function kFolds<T>(ids: T[], k: number, seed: number): T[][] {
  const order = shuffle([...ids], rng(seed));
  const folds: T[][] = Array.from({ length: k }, () => []);
  order.forEach((id, i) => folds[i % k].push(id));
  return folds;
}
