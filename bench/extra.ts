/** Benchmarks beyond analyze throughput (KB import, NER tokens/s, ...): each returns a Markdown section. */
export async function extraBenchmarks(_work: string): Promise<string[]> {
  return [];
}
