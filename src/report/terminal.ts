/**
 * Terminal reports: a compact per-article summary and the batch summary. Color only when the
 * output is a TTY (and NO_COLOR is unset); callers can force it either way.
 */
import type { Doc, Found } from '../nlp/doc.js';
import '../analyzers/entities/types.js';
import '../analyzers/quotes/types.js';
import '../analyzers/claims/types.js';
import '../analyzers/techniques/types.js';
import '../analyzers/narratives/types.js';
import '../analyzers/source/types.js';
import { whoSaysWhat } from './speakers.js';
import { displayTitle } from './title.js';

export interface TerminalOptions {
  color?: boolean;
  /** Lines per layer (default 3). */
  top?: number;
}

/** The shape of the analyze command's batch statistics (kept structural so reports do not depend on the CLI). */
export interface BatchSummaryStats {
  analyzed: number;
  unchanged: number;
  failed: number;
  failures: { input: string; reason: string }[];
  layerCounts: Record<string, number>;
  seconds: number;
  pipeline?: string;
}

export function useColor(stream: { isTTY?: boolean } = process.stdout): boolean {
  return !!stream.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

function painter(color: boolean) {
  const wrap = (code: string) => (s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { bold: wrap('1'), dim: wrap('2'), red: wrap('31'), yellow: wrap('33'), cyan: wrap('36'), green: wrap('32'), magenta: wrap('35') };
}

/** One line of text for the terminal: control characters out (hostile input must not drive the terminal). */
export function oneLine(s: string, max = 100): string {
  const flat = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '?');
const found = (f: Found<string> | undefined) => (f ? `${oneLine(f.value, 60)} (${oneLine(f.method, 30)}${f.confidence < 1 ? `, ${pct(f.confidence)}` : ''})` : '—');

export function formatDocSummary(doc: Doc, opts: TerminalOptions = {}): string {
  const c = painter(opts.color ?? useColor());
  const top = opts.top ?? 3;
  const m = doc.meta;
  const L = doc.layers;
  const out: string[] = [];
  const text = (s: { start: number; end: number }, max = 80) => `“${oneLine(doc.text.slice(s.start, s.end), max)}”`;

  out.push(c.bold(oneLine(displayTitle(doc), 110)) + c.dim(`  [${doc.id}]`));
  out.push(`  outlet ${found(m.outlet)} · published ${found(m.published)}${m.retrieved ? ` · retrieved ${found(m.retrieved)}` : ''}`);
  out.push(`  language ${found(m.language)} · ${doc.text.length.toLocaleString('en')} chars · ${doc.removed.length} furniture line${doc.removed.length === 1 ? '' : 's'} removed · from ${oneLine(m.source.path + (m.source.line ? `:${m.source.line}` : ''), 80)}`);

  if (L.techniques?.length) {
    const ts = [...L.techniques].sort((a, b) => b.confidence - a.confidence);
    const kinds = new Set(ts.map((t) => t.technique)).size;
    out.push(c.magenta(`  techniques: ${ts.length} spans, ${kinds} kinds`));
    for (const t of ts.slice(0, top)) out.push(`    ${t.technique} ${c.dim(pct(t.confidence))} ${text(t, 70)}`);
  }
  if (L.loadedBaseline?.length) {
    const terms = [...new Set(L.loadedBaseline.map((t) => t.term.toLowerCase()))];
    out.push(c.dim(`  loaded terms (lexicon baseline): ${terms.slice(0, 8).map((t) => oneLine(t, 30)).join(', ')}${terms.length > 8 ? ', …' : ''}`));
  }
  if (L.entityIndex?.length) {
    const es = [...L.entityIndex].sort((a, b) => (b.mentions?.length ?? 0) - (a.mentions?.length ?? 0));
    out.push(c.cyan(`  entities: ${es.length}`) + ` — ${es.slice(0, 6).map((e) => `${oneLine(e.canonical, 40)} (${e.label}${(e.mentions?.length ?? 0) > 1 ? ` ×${e.mentions.length}` : ''})`).join(', ')}`);
  } else if (L.entities?.length) {
    out.push(c.cyan(`  entity mentions: ${L.entities.length}`));
  }
  const speakers = whoSaysWhat(doc);
  if (speakers.length) {
    out.push(c.cyan(`  who says what: ${speakers.length} speaker${speakers.length === 1 ? '' : 's'}`));
    for (const s of speakers.slice(0, top)) out.push(`    ${oneLine(s.name, 40)} → ${text(s.items[0], 70)}${s.items.length > 1 ? c.dim(` (+${s.items.length - 1} more)`) : ''}`);
  }
  if (L.claims?.length) {
    const worthy = L.claims.filter((x) => x.confidence >= 0.5).length;
    out.push(`  claims: ${L.claims.length} (${worthy} check-worthy ≥ 50%)`);
  }
  if (L.narratives?.length) {
    const ns = [...L.narratives].sort((a, b) => b.score - a.score);
    const strong = ns.filter((n) => n.tier !== 'review').length;
    out.push(c.yellow(`  narrative matches: ${strong} match, ${ns.length - strong} for review`));
    // Tier first: a 'review' match is a lead to check, not a finding.
    for (const n of ns.slice(0, top)) {
      const evidence = oneLine(doc.text.slice(n.start, n.end), 70);
      out.push(`    ${(n.tier ?? 'match').padEnd(6)} ${pct(n.confidence)} ${oneLine(n.claim, 80)}${n.date ? c.dim(` (${n.date.slice(0, 10)})`) : ''}`);
      out.push(c.dim(`           evidence: “${evidence}”`));
    }
  }
  if (L.narrativeLabels?.length) {
    out.push(`  narratives: ${L.narrativeLabels.map((l) => `${oneLine(l.label, 40)} ${c.dim(pct(l.confidence))}`).join(', ')}`);
  }
  for (const o of L.outlet ?? []) {
    const facts = [o.factuality && `factuality ${o.factuality}`, o.bias && `bias ${o.bias}`, o.country, o.stateAffiliated ? 'state-affiliated' : undefined, o.credibility && `credibility ${o.credibility}`, o.kbCases ? `${o.kbCases} KB cases` : undefined].filter(Boolean);
    out.push(`  outlet profile: ${oneLine(o.name ?? o.domain, 50)} (${oneLine(o.domain, 50)}, by ${o.matchedBy})${facts.length ? ' — ' + facts.map((f) => oneLine(String(f), 40)).join(', ') : ''}`);
  }
  for (const w of doc.warnings ?? []) out.push(c.red(`  warning: ${oneLine(w.message, 150)}`) + c.dim(` (${oneLine(w.by, 40)})`));
  return out.join('\n');
}

export function formatBatchSummary(stats: BatchSummaryStats, opts: TerminalOptions = {}): string {
  const c = painter(opts.color ?? useColor());
  const total = stats.analyzed + stats.unchanged + stats.failed;
  const rate = stats.seconds > 0 ? (stats.analyzed + stats.unchanged) / stats.seconds : 0;
  const out: string[] = [];
  out.push(c.bold(`${total} input${total === 1 ? '' : 's'}: ${stats.analyzed} analyzed, ${stats.unchanged} unchanged, `) + (stats.failed ? c.red(`${stats.failed} failed`) : c.green('0 failed')));
  const layers = Object.entries(stats.layerCounts).filter(([k]) => k !== 'tokens');
  if (layers.length) out.push(`  layers: ${layers.sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out.push(`  time ${stats.seconds.toFixed(1)} s · ${rate.toFixed(1)} articles/s${stats.pipeline ? c.dim(` · pipeline ${stats.pipeline}`) : ''}`);
  if (stats.failures.length) {
    out.push(c.red('  failures:'));
    for (const f of stats.failures) out.push(`    ${oneLine(f.input, 120)}: ${oneLine(f.reason, 200)}`);
  }
  return out.join('\n');
}
