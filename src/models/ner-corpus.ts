/**
 * Unlabeled news text for the word clusters (training time only): PTC articles, EUvsDisinfo case
 * titles/summaries/disproofs, and the CoNLL training words. Never CoNLL valid/test text.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { clusterTokens } from './word-clusters.js';

export interface CorpusReport {
  sentences: string[][];
  sources: string[];
}

export function unlabeledSentences(dataDir: string, conllTrain: string[][]): CorpusReport {
  const sentences: string[][] = [...conllTrain];
  const sources = [`CoNLL-2003 train.txt words (${conllTrain.length} sentences)`];
  const ptc = join(dataDir, 'ptc', 'train-articles');
  if (existsSync(ptc)) {
    const files = readdirSync(ptc).filter((f) => f.endsWith('.txt')).sort();
    const before = sentences.length;
    for (const f of files) sentences.push(...clusterTokens(readFileSync(join(ptc, f), 'utf8')));
    sources.push(`PTC train-articles (${files.length} articles, ${sentences.length - before} lines)`);
  }
  const csvs: [string, string[]][] = [
    ['cases-2015-2017-with-disproofs.csv', ['title', 'summary', 'disproof']],
    ['cases-2015-2021-index.csv', ['title']],
  ];
  for (const [file, cols] of csvs) {
    const path = join(dataDir, 'euvsdisinfo', file);
    if (!existsSync(path)) continue;
    const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
    const before = sentences.length;
    for (const r of rows) for (const c of cols) if (r[c]) sentences.push(...clusterTokens(r[c]));
    sources.push(`EUvsDisinfo ${file} ${cols.join('/')} (${rows.length} cases, ${sentences.length - before} lines)`);
  }
  return { sentences, sources };
}
