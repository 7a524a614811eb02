/** Area under the ROC curve (Mann–Whitney U with average ranks for ties): how well scores rank positives above negatives. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (scores.length !== labels.length) throw new Error(`rocAuc: ${scores.length} scores but ${labels.length} labels`);
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((i, j) => scores[i] - scores[j]);
  let pos = 0;
  let rankSum = 0;
  for (let a = 0; a < idx.length; ) {
    let b = a;
    while (b + 1 < idx.length && scores[idx[b + 1]] === scores[idx[a]]) b++;
    const rank = (a + b) / 2 + 1;
    for (let k = a; k <= b; k++) if (labels[idx[k]]) {
      pos++;
      rankSum += rank;
    }
    a = b + 1;
  }
  const neg = idx.length - pos;
  if (!pos || !neg) throw new Error(`rocAuc: needs both classes (${pos} positive, ${neg} negative)`);
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
