/** Text normalization shared by import de-duplication and retrieval. */

/** Lowercase, strip accents and punctuation, collapse spaces: the key for "same claim". */
export function normalizeClaim(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Split a list cell: EUvsDisinfo uses `+` in the index file and commas in the older file. */
export function splitList(cell: string | undefined): string[] {
  if (!cell) return [];
  const sep = cell.includes('+') ? '+' : ',';
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of cell.split(sep)) {
    const v = raw.trim();
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}

/**
 * Parse the dates found in case files: ISO `YYYY-MM-DD` (optionally with time), US `MM/DD/YY(YY)`,
 * and European `DD.MM.YYYY`. Returns undefined when the cell is not a valid date.
 */
export function parseCaseDate(cell: string): string | undefined {
  const s = cell.trim();
  let y: number, m: number, d: number;
  let mt: RegExpMatchArray | null;
  if ((mt = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/))) [y, m, d] = [+mt[1], +mt[2], +mt[3]];
  else if ((mt = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/))) [m, d, y] = [+mt[1], +mt[2], mt[3].length === 2 ? 2000 + +mt[3] : +mt[3]];
  else if ((mt = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/))) [d, m, y] = [+mt[1], +mt[2], +mt[3]];
  else return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return dt.toISOString().slice(0, 10);
}

/** Registrable-ish host of a URL without `www.`; undefined when not a URL. */
export function domainOf(url: string): string | undefined {
  try {
    const host = new URL(url.trim()).hostname.toLowerCase();
    return host.replace(/^www\d?\./, '') || undefined;
  } catch {
    return undefined;
  }
}
