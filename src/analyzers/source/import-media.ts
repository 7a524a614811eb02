/**
 * Reading outlet-rating files into outlet records and aliases:
 *  - MBFC export (columns source, country, bias, factual_reporting, press_freedom, media_type, popularity,
 *    mbfc_credibility_rating, nela_gt_label), keyed by domain;
 *  - NELA-GT source labels (columns domain, Source, then "<rater>, <label>" columns).
 * The kind is recognized from the header, so users can refresh either file independently.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { OutletAlias, OutletRecord } from '../../store/outlets-sqlite.js';

export interface MediaFileReport {
  file: string;
  kind: 'mbfc' | 'nela';
  rows: number;
  outlets: number;
  duplicates: number;
  failed: { line: number; reason: string }[];
}

const clean = (v: string | undefined) => {
  const s = (v ?? '').trim();
  return s ? s : undefined;
};

/** "usa (44/180 press freedom)" -> "usa". */
const country = (v: string | undefined) => clean(v?.replace(/\(.*?\)/g, ''))?.toLowerCase();

/** Lowercased host without www., or undefined when the cell is not a domain. */
export function normalizeDomain(v: string): string | undefined {
  const d = v.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\d?\./, '').replace(/\/.*$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d) ? d : undefined;
}

function readCsv(file: string): { header: string[]; rows: { record: Record<string, string>; line: number }[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read: ${(err as Error).message}`);
  }
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(text.replace(/^\uFEFF/, ''), { columns: (h: string[]) => h.map((x) => x.trim()), relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof parsed;
  } catch (err) {
    throw new Error(`${file}: not a readable CSV file: ${(err as Error).message}`);
  }
  let prev = 1;
  const rows = parsed.map((p) => {
    const line = prev + 1;
    prev = p.info.lines;
    return { record: p.record, line };
  });
  return { header: parsed.length ? Object.keys(parsed[0].record) : [], rows };
}

/** Merge a partial record into the map (later files fill what earlier ones left empty; labels accumulate). */
function merge(into: Map<string, OutletRecord>, r: OutletRecord): boolean {
  const old = into.get(r.domain);
  if (!old) {
    into.set(r.domain, r);
    return false;
  }
  into.set(r.domain, {
    domain: r.domain,
    name: old.name ?? r.name,
    country: old.country ?? r.country,
    bias: old.bias ?? r.bias,
    factuality: old.factuality ?? r.factuality,
    credibility: old.credibility ?? r.credibility,
    stateAffiliated: old.stateAffiliated ?? r.stateAffiliated,
    labels: { ...r.labels, ...old.labels },
    sources: [...new Set([...old.sources, ...r.sources])],
  });
  return old.sources.some((s) => r.sources.includes(s));
}

export function readMediaFile(file: string, into: Map<string, OutletRecord>): MediaFileReport {
  const { header, rows } = readCsv(file);
  const name = basename(file);
  const isMbfc = header.includes('source') && header.includes('factual_reporting');
  const isNela = header.includes('domain') && header.includes('Source');
  if (!isMbfc && !isNela) throw new Error(`${file}: not an MBFC or NELA-GT label file (columns: ${header.slice(0, 8).join(', ')}...)`);
  const report: MediaFileReport = { file, kind: isMbfc ? 'mbfc' : 'nela', rows: rows.length, outlets: 0, duplicates: 0, failed: [] };
  for (const { record, line } of rows) {
    const domain = normalizeDomain(record[isMbfc ? 'source' : 'domain'] ?? '');
    if (!domain) {
      report.failed.push({ line, reason: `not a domain: '${record[isMbfc ? 'source' : 'domain'] ?? ''}'` });
      continue;
    }
    let r: OutletRecord;
    if (isMbfc) {
      const labels: Record<string, string> = {};
      for (const k of ['press_freedom', 'media_type', 'popularity', 'nela_gt_label']) if (clean(record[k])) labels[`mbfc:${k}`] = clean(record[k])!;
      r = {
        domain,
        country: country(record.country),
        bias: clean(record.bias),
        factuality: clean(record.factual_reporting),
        credibility: clean(record.mbfc_credibility_rating),
        labels,
        sources: [name],
      };
    } else {
      const labels: Record<string, string> = {};
      for (const [k, v] of Object.entries(record)) {
        if (k === 'domain' || k === 'Source' || !clean(v)) continue;
        labels[`nela:${k.toLowerCase().replace(/\s*,\s*/g, ':').replace(/\s+/g, '-')}`] = clean(v)!;
      }
      const state = clean(record['Open Sources, state']);
      r = {
        domain,
        name: clean(record.Source),
        // Open Sources marks state media with a non-zero 'state' score; an empty cell means "not rated", not "no".
        stateAffiliated: state !== undefined ? Number(state) > 0 : undefined,
        labels,
        sources: [name],
      };
    }
    if (merge(into, r)) report.duplicates++;
    else report.outlets++;
  }
  return report;
}

/**
 * Aliases for recognizing outlets by name: rater names ("Sputnik", "RT", "Al Jazeera") and names derived
 * from domains ("sputniknews.com" -> "Sputnik", "presstv.ir" -> "Presstv"), only when the derived name is
 * long enough not to be a common word by accident.
 */
export function deriveAliases(records: OutletRecord[]): OutletAlias[] {
  const out: OutletAlias[] = [];
  for (const r of records) {
    if (r.name) out.push({ alias: r.name, domain: r.domain, kind: 'name' });
    const stem = r.domain.split('.')[0];
    const core = stem.replace(/(news|online|daily|today|times)$/i, '');
    if (core !== stem && core.length >= 5) out.push({ alias: core[0].toUpperCase() + core.slice(1), domain: r.domain, kind: 'domain' });
  }
  return out;
}
