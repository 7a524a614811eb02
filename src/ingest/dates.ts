/**
 * Dates in scraped text and records, via chrono-node. Only full dates (day, month and year
 * stated) count: relative dates ("5 hours ago") need a reference time we do not have.
 * ISO output says what is known: "2018-11-03", "2018-11-03T14:13" (no zone given) or
 * "2018-11-03T14:13:00Z" (zone given).
 */
import * as chrono from 'chrono-node';

export interface ParsedDate {
  iso: string;
  /** Offsets in the string given, UTF-16, end exclusive. */
  start: number;
  end: number;
  hasTime: boolean;
  /** The time came before the date ("14:01 GMT 11 April 2021"): how page clocks print. */
  timeFirst: boolean;
}

// A fixed reference keeps parsing deterministic; we only accept dates whose year is stated,
// so chrono's strict (formal dates only) English parser is enough, and 2x faster than casual.
const REF = new Date(Date.UTC(2000, 0, 1));

/**
 * Scraped text glues things chrono cannot read: "GMT11 April" and "2018 @ 14:13". Rewrite
 * those and keep a map from each rewritten char to its original offset.
 */
function prepare(s: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '@') {
      text += 'at';
      map.push(i, i);
      continue;
    }
    if (/\d/.test(c) && i >= 2 && /(?:^|[^A-Za-z])(?:GMT|UTC|MSK|CET|CEST|EET|EEST|EST|EDT|PST|PDT|BST)$/.test(s.slice(Math.max(0, i - 5), i))) {
      text += ' ';
      map.push(i);
    }
    text += c;
    map.push(i);
  }
  map.push(s.length);
  return { text, map };
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function toIso(c: chrono.ParsedComponents): string {
  const day = `${pad(c.get('year')!, 4)}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
  if (!c.isCertain('hour')) return day;
  if (c.isCertain('timezoneOffset')) return c.date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${day}T${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}`;
}

function full(c: chrono.ParsedComponents): boolean {
  return c.isCertain('year') && c.isCertain('month') && c.isCertain('day');
}

/** Every full date in `s`, in order. */
export function findDates(s: string): ParsedDate[] {
  const { text, map } = prepare(s);
  const out: ParsedDate[] = [];
  for (const r of chrono.en.strict.parse(text, REF, { forwardDate: false })) {
    if (!full(r.start)) continue;
    const start = map[r.index];
    const end = map[r.index + r.text.length - 1] + 1;
    const timeFirst = /^\d{1,2}[:.]\d{2}/.test(r.text);
    out.push({ iso: toIso(r.start), start, end, hasTime: r.start.isCertain('hour'), timeFirst });
  }
  return out;
}

/** A full date that starts within `maxLead` chars of the start of `s`. */
export function dateAt(s: string, maxLead = 0): ParsedDate | undefined {
  const d = findDates(s.slice(0, 80))[0];
  return d && d.start <= maxLead ? d : undefined;
}

/** A date value from a record/feed/meta tag: epoch numbers, ISO, RFC 822, or anything chrono reads. */
export function parseDateValue(value: string): string | undefined {
  const v = value.trim();
  if (/^\d{9,13}$/.test(v)) {
    const n = Number(v);
    return new Date(n < 1e11 ? n * 1000 : n).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  // Full ISO timestamps with a zone are exact already.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  const found = findDates(v)[0];
  if (found) return found.iso;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
