/**
 * Cleaning scraped article text: a scored line classifier with readable rules (clean-rules.ts).
 * Each line gets rule hits from the line alone, then from where it sits (before the first / after
 * the last body paragraph); lines whose furniture score reaches the threshold are removed and
 * recorded with their reasons. A dateline prefix inside an opening line is cut and recorded;
 * editorial footnotes are kept and marked as notes. Words are never changed: only whitespace.
 */
import type { ParagraphSpan, RemovedBlock } from '../nlp/doc.js';
import {
  BYLINE_RE, COPYRIGHT_RE, IMAGE_CREDIT_RE, NOTE_RE, PUBLISHED_LABEL_RE, READ_MORE_RE, SUBSCRIBE_CUES,
  THRESHOLD, UPDATED_LABEL_RE, URL_ONLY_RE, furnitureScore,
} from './clean-rules.js';
import { endsWithPeriod, endsWithPunct, hasQuote, hasVerb, isTitleCase, labelRules, words } from './line-features.js';
import { dateAt, type ParsedDate } from './dates.js';

export type DateLabel = 'published' | 'updated' | 'none';

/** A date found in the furniture: a whole timestamp line or a dateline prefix. */
export interface DatelineHit {
  /** The removed text it was read from. */
  text: string;
  line: number;
  date: ParsedDate;
  label: DateLabel;
  where: 'line' | 'prefix';
  /** Came before the first body paragraph. */
  beforeBody: boolean;
}

export interface LineVerdict {
  /** 1-based line number of the (first) raw line. */
  line: number;
  /** Whitespace-normalized text (hard-wrapped lines joined). */
  text: string;
  reasons: string[];
  score: number;
  kind: 'body' | 'note' | 'title' | 'furniture';
}

export interface CleanResult {
  text: string;
  paragraphs: ParagraphSpan[];
  removed: RemovedBlock[];
  lines: LineVerdict[];
  title?: { text: string; line: number };
  dates: DatelineHit[];
}

export interface CleanOptions {
  /** A title known from the record/HTML: a top line repeating it is removed as 'title'. */
  knownTitle?: string;
  /** Take the first title-like line before the body as the title (plain text without a known title). */
  findTitle?: boolean;
}

/** Whitespace only: NBSP and friends to space, runs collapsed, zero-width chars dropped, trimmed. */
export function normalizeSpace(s: string): string {
  return s.replace(/[\u200B\u200C\u200D\u2060\uFEFF]/g, '').replace(/[\u00A0\u2007\u202F\u2000-\u200A\u3000]/g, ' ').replace(/[ \t\f\v]+/g, ' ').trim();
}

interface Unit {
  line: number;
  raw: string;
  text: string;
}

/** Lines -> units; a hard-wrapped continuation (no blank line, starts lower-case) joins its line. */
function segment(raw: string): Unit[] {
  const lines = raw.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n').split('\n');
  const units: Unit[] = [];
  let prevBlank = true;
  lines.forEach((rawLine, i) => {
    const text = normalizeSpace(rawLine);
    if (!text) {
      prevBlank = true;
      return;
    }
    const last = units[units.length - 1];
    if (!prevBlank && last && /^\p{Ll}/u.test(text) && !/[.!?:;"”»)]$/.test(last.text) && words(last.text).length >= 6) {
      last.raw += '\n' + rawLine;
      last.text += ' ' + text;
    } else units.push({ line: i + 1, raw: rawLine, text });
    prevBlank = false;
  });
  return units;
}

function dateLabel(s: string): { label: DateLabel; rest: string; labelText: string } {
  const p = PUBLISHED_LABEL_RE.exec(s);
  if (p && p[0].length) return { label: 'published', rest: s.slice(p[0].length), labelText: p[0] };
  const u = UPDATED_LABEL_RE.exec(s);
  if (u && u[0].length) return { label: 'updated', rest: s.slice(u[0].length), labelText: u[0] };
  return { label: 'none', rest: s, labelText: '' };
}

/** The whole line is a (labelled) date/time. */
function timestampLine(text: string): { date: ParsedDate; label: DateLabel } | undefined {
  if (words(text).length > 14) return undefined;
  const { label, rest } = dateLabel(text);
  const d = dateAt(rest, 2);
  if (!d) return undefined;
  const leftover = (rest.slice(0, d.start) + rest.slice(d.end)).replace(/[\s|,;:–—•·@-]+/g, ' ').trim();
  // Allow a stray word such as a weekday or "at"; more than that is a sentence with a date in it.
  if (words(leftover).length > 2) return undefined;
  return { date: d, label };
}

/** "Published on: Nov 3, 2018 @ 14:13 – Rest of the sentence" -> the prefix and its date. */
function datelinePrefix(text: string): { prefix: string; date: ParsedDate; label: DateLabel } | undefined {
  if (!HAS_YEAR_RE.test(text.slice(0, 60))) return undefined;
  const { label, rest, labelText } = dateLabel(text);
  const d = dateAt(rest, 0);
  if (!d) return undefined;
  const after = rest.slice(d.end);
  const sep = /^\s*(?:[–—|•·]|-{1,2}|:)\s+/.exec(after);
  if (!sep) return undefined;
  const prefix = labelText + rest.slice(0, d.end) + sep[0];
  if (words(text.slice(prefix.length)).length < 3) return undefined;
  return { prefix, date: d, label };
}

function localReasons(text: string): { reasons: string[]; ts?: { date: ParsedDate; label: DateLabel } } {
  const ws = words(text);
  const n = ws.length;
  const reasons: string[] = [];
  const labels = n <= 12 ? labelRules(text) : null;
  if (labels) reasons.push(...labels);
  if (n <= 30 && READ_MORE_RE.test(text)) reasons.push('read-more');
  if (n <= 30 && COPYRIGHT_RE.test(text)) reasons.push('copyright');
  if (URL_ONLY_RE.test(text)) reasons.push('url-only');
  else if (n <= 8 && /(?:https?:\/\/|www\.)\S/i.test(text)) reasons.push('link-line');
  // chrono is the slowest step here: only lines that state a year can hold a full date.
  const ts = n <= 14 && HAS_YEAR_RE.test(text) ? timestampLine(text) : undefined;
  if (ts) reasons.push('timestamp-line');
  if (n <= 15 && IMAGE_CREDIT_RE.test(text)) reasons.push('image-credit');
  const punct = endsWithPunct(text);
  // The POS tagger runs only where a verb changes the verdict; past 12 words a line with final
  // punctuation is a sentence whatever the tagger says.
  let verbMemo: boolean | undefined;
  const verb = (): boolean => (verbMemo ??= n > 12 ? true : n > 0 && hasVerb(text));
  if (!punct && isTagListShape(text) && !verb()) reasons.push('tag-list');
  if (n <= 8 && !punct && BYLINE_RE.test(text) && !verb()) reasons.push('byline');
  if (n <= 6 && !punct && !ts && !verb()) reasons.push('short-no-verb');
  const sentence = n >= 4 && punct && verb();
  if (sentence) reasons.push('sentence-like');
  // A sentence that happens to mention a newsletter is body; a prompt piles up cues.
  const cues = SUBSCRIBE_CUES.filter((re) => re.test(text)).length;
  if ((cues >= 1 && n <= 8) || (cues >= 2 && !sentence) || cues >= 3) reasons.push('subscribe-prompt');
  if (n >= 25) reasons.push('long-line');
  if (hasQuote(text)) reasons.push('quote');
  if (NOTE_RE.test(text)) reasons.push('note');
  return { reasons: [...new Set(reasons)], ts };
}

const HAS_YEAR_RE = /(?:^|\D)(?:1[89]|20)\d\d(?:\D|$)/;

/** Topic tags: "Tags: ..." or 3+ comma-separated short capitalized items (the caller checks for verbs). */
function isTagListShape(text: string): boolean {
  if (/^(?:tags?|topics?|keywords|filed under)\s*:/i.test(text)) return true;
  if (/["“”«»]/.test(text)) return false;
  const items = text.split(/\s*[,;|•·]\s*/).filter(Boolean);
  if (items.length < 3) return false;
  return items.every((it) => {
    const ws = words(it);
    return ws.length >= 1 && ws.length <= 4 && /^[\p{Lu}\p{N}#]/u.test(it);
  });
}

function sameTitle(a: string, b: string): boolean {
  const n = (s: string) => normalizeSpace(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return n(a) === n(b) && n(a).length > 0;
}

export function cleanText(raw: string, opts: CleanOptions = {}): CleanResult {
  const units = segment(raw);
  const local = units.map((u) => localReasons(u.text));
  const localScore = local.map((l) => furnitureScore(l.reasons));
  const anchors = units
    .map((_, i) => i)
    .filter((i) => localScore[i] < THRESHOLD && (local[i].reasons.includes('sentence-like') || local[i].reasons.includes('long-line')));
  const first = anchors.length ? anchors[0] : -1;
  const last = anchors.length ? anchors[anchors.length - 1] : -1;

  const verdicts: LineVerdict[] = units.map((u, i) => {
    const reasons = [...local[i].reasons];
    if (first >= 0 && i < first) reasons.push('before-body');
    if (i > first && i < last) reasons.push('in-body');
    if (last >= 0 && i > last) {
      reasons.push('after-body');
      if (!endsWithPeriod(u.text) && isTitleCase(words(u.text))) reasons.push('related-headline');
    }
    const score = furnitureScore(reasons);
    const kind = score >= THRESHOLD ? 'furniture' : reasons.includes('note') ? 'note' : 'body';
    return { line: u.line, text: u.text, reasons, score, kind };
  });

  // Title: a top line repeating the known title, or (plain text) the first title-like line before the body.
  let title: CleanResult['title'];
  const topEnd = first >= 0 ? first : Math.min(units.length - 1, 1);
  for (let i = 0; i < topEnd; i++) {
    const v = verdicts[i];
    if (v.kind === 'furniture') continue;
    const n = words(v.text).length;
    const known = opts.knownTitle !== undefined && sameTitle(v.text, opts.knownTitle);
    const guessed = !opts.knownTitle && opts.findTitle && n >= 2 && n <= 30 && !endsWithPeriod(v.text) && v.kind !== 'note';
    if (known || guessed) {
      v.kind = 'title';
      v.reasons = ['title', ...v.reasons];
      title = { text: v.text, line: v.line };
    }
    break;
  }

  // Dates in the furniture, and dateline prefixes cut from opening lines.
  const dates: DatelineHit[] = [];
  const cut = new Map<number, string>();
  verdicts.forEach((v, i) => {
    const ts = local[i].ts;
    if (ts && v.kind === 'furniture') {
      dates.push({ text: v.text, line: v.line, date: ts.date, label: ts.label, where: 'line', beforeBody: first < 0 || i < first });
    }
  });
  const opening = verdicts.findIndex((v) => v.kind === 'body');
  if (opening >= 0 && (first < 0 || opening <= first)) {
    const hit = datelinePrefix(verdicts[opening].text);
    if (hit) {
      cut.set(opening, hit.prefix);
      dates.push({ text: hit.prefix.trim(), line: verdicts[opening].line, date: hit.date, label: hit.label, where: 'prefix', beforeBody: true });
    }
  }

  // Assemble the text; removed blocks point at where they would have been.
  const paragraphs: ParagraphSpan[] = [];
  const removed: RemovedBlock[] = [];
  const pendingRemoved: RemovedBlock[] = [];
  let text = '';
  verdicts.forEach((v, i) => {
    if (v.kind === 'furniture' || v.kind === 'title') {
      pendingRemoved.push({ text: units[i].raw.trim(), line: v.line, reasons: v.reasons, score: round(v.score), at: -1 });
      return;
    }
    let body = v.text;
    const prefix = cut.get(i);
    if (text) text += '\n\n';
    for (const r of pendingRemoved.splice(0)) removed.push({ ...r, at: text.length });
    if (prefix) {
      removed.push({ text: prefix.trim(), line: v.line, reasons: ['dateline-prefix'], score: round(furnitureScore(['dateline-prefix'])), at: text.length });
      body = body.slice(prefix.length);
    }
    paragraphs.push({ start: text.length, end: text.length + body.length, kind: v.kind === 'note' ? 'note' : 'body' });
    text += body;
  });
  for (const r of pendingRemoved) removed.push({ ...r, at: text.length });
  return { text, paragraphs, removed, lines: verdicts, title, dates };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
