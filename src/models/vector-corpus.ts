/**
 * Unlabelled text for the propaganda model's word vectors (training time only): EUvsDisinfo case
 * titles, summaries and disproofs, and the CoNLL-2003 train/valid words. PTC articles are left out on
 * purpose, so vectors used in cross-validation never saw a held-out article (no leakage by design).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * Lower-cased word tokens of a line, split the way wink-nlp splits English (clitics "n't" and "'s"
 * apart, hyphenated words split), so the words match the tokens the tagger looks up. Punctuation is dropped.
 */
export function vectorTokens(line: string): string[] {
  const out: string[] = [];
  // Hyphens split words (as wink does); abbreviations keep their dots ("u.s."), numbers their separators.
  for (const m of line.toLowerCase().matchAll(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[.,]\p{N}+)*(?:['’]\p{L}+)?/gu)) {
    const w = m[0].replace(/’/g, "'");
    const c = /^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$/.exec(w);
    if (c) out.push(c[1], c[2]);
    else out.push(w);
  }
  return out;
}

export interface VectorCorpus {
  sentences: string[][];
  sources: string[];
}

function rowsOf(path: string): Record<string, string>[] {
  try {
    return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  } catch (e) {
    throw new Error(`${path}: cannot read as CSV: ${(e as Error).message}`);
  }
}

/** `dataDir` = the shared data folder (euvsdisinfo/, conll2003/). Missing files are reported, not skipped silently. */
export function vectorCorpus(dataDir: string): VectorCorpus {
  const sentences: string[][] = [];
  const sources: string[] = [];
  const csvs: [string, string[]][] = [
    ['cases-2015-2017-with-disproofs.csv', ['title', 'summary', 'disproof']],
    ['cases-2015-2021-index.csv', ['title']],
  ];
  for (const [file, cols] of csvs) {
    const path = join(dataDir, 'euvsdisinfo', file);
    if (!existsSync(path)) throw new Error(`${path}: missing (word-vector corpus)`);
    const rows = rowsOf(path);
    let n = 0;
    for (const r of rows)
      for (const c of cols)
        for (const piece of (r[c] ?? '').split(/(?<=[.!?])\s+|\n+/)) {
          const toks = vectorTokens(piece);
          if (toks.length > 1) {
            sentences.push(toks);
            n += toks.length;
          }
        }
    sources.push(`EUvsDisinfo ${file} ${cols.join('/')} (${rows.length} cases, ${n} words)`);
  }
  for (const file of ['train.txt', 'valid.txt']) {
    const path = join(dataDir, 'conll2003', file);
    if (!existsSync(path)) throw new Error(`${path}: missing (word-vector corpus)`);
    let cur: string[] = [];
    let n = 0;
    const flush = () => {
      if (cur.length > 1) {
        sentences.push(cur);
        n += cur.length;
      }
      cur = [];
    };
    for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
      const tok = line.split(' ')[0];
      if (!tok || tok === '-DOCSTART-') flush();
      else cur.push(...vectorTokens(tok));
    }
    flush();
    sources.push(`CoNLL-2003 ${file} words (${n})`);
  }
  return { sentences, sources };
}
