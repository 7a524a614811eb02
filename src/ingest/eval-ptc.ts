/**
 * How much article body the cleaner throws away, measured on clean text it was never tuned on:
 * the PTC training articles (title line, blank line, one body sentence per line, no furniture).
 * Every removed body line is a loss. The rules were written against the two sample pages and
 * invented examples only, so these articles are held-out data for the cleaner.
 *   npx tsc -p . && node dist/src/ingest/eval-ptc.js
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDir } from '../util/paths.js';
import { cleanText } from './clean.js';

export interface PtcCleanReport {
  articles: number;
  bodyLines: number;
  removedBodyLines: number;
  /** Share of body lines removed. */
  lossRate: number;
  /** Articles whose first line was taken as the title. */
  titleFound: number;
  /** Removed body lines by the rules that fired (a line counts for each rule). */
  byReason: Record<string, number>;
  /** Gold propaganda spans (train-task1-SI) touching a removed body line: the losses that matter most. */
  goldSpans: number;
  goldSpansHit: number;
  /** Where the losses are: article id and line number (no text, so reports can be committed). */
  losses: { article: string; line: number; reasons: string[] }[];
}

/** SI gold spans per article id, in code points. */
function goldSpans(file: string): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  let raw = '';
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return out;
  }
  for (const line of raw.split('\n')) {
    const [id, s, e] = line.split('\t');
    if (!id || s === undefined || e === undefined) continue;
    const list = out.get(id) ?? [];
    list.push([Number(s), Number(e)]);
    out.set(id, list);
  }
  return out;
}

export function evalPtcCleaning(dir = join(sharedDir, 'data', 'ptc', 'train-articles')): PtcCleanReport {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const gold = goldSpans(join(dir, '..', 'train-task1-SI.labels'));
  const report: PtcCleanReport = { articles: files.length, bodyLines: 0, removedBodyLines: 0, lossRate: 0, titleFound: 0, byReason: {}, goldSpans: 0, goldSpansHit: 0, losses: [] };
  for (const f of files) {
    const raw = readFileSync(join(dir, f), 'utf8');
    const lines = raw.split('\n');
    const r = cleanText(raw, { findTitle: true });
    if (r.title?.line === 1) report.titleFound++;
    const body = new Set<number>();
    lines.forEach((l, i) => {
      if (i > 0 && l.trim()) body.add(i + 1);
    });
    report.bodyLines += body.size;
    // Line start/end in code points (PTC offsets count code points).
    const lineSpan: [number, number][] = [];
    let cp = 0;
    for (const l of lines) {
      const n = [...l].length;
      lineSpan.push([cp, cp + n]);
      cp += n + 1;
    }
    const id = f.replace(/^article/, '').replace(/\.txt$/, '');
    const spans = gold.get(id) ?? [];
    report.goldSpans += spans.length;
    const removedLines = r.removed.filter((b) => body.has(b.line) && !b.reasons.includes('dateline-prefix')).map((b) => lineSpan[b.line - 1]);
    report.goldSpansHit += spans.filter(([s, e]) => removedLines.some(([ls, le]) => s < le && e > ls)).length;
    for (const b of r.removed) {
      if (!body.has(b.line) || b.reasons.includes('dateline-prefix')) continue;
      report.removedBodyLines++;
      report.losses.push({ article: f.replace(/\.txt$/, ''), line: b.line, reasons: b.reasons });
      for (const reason of b.reasons) report.byReason[reason] = (report.byReason[reason] ?? 0) + 1;
    }
  }
  report.lossRate = report.bodyLines ? report.removedBodyLines / report.bodyLines : 0;
  return report;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = evalPtcCleaning();
  const { losses, ...summary } = r;
  console.log(JSON.stringify(summary, null, 2));
  if (process.argv.includes('--losses')) for (const l of losses) console.log(`${l.article}:${l.line}\t${l.reasons.join(',')}`);
}
