/** Small helpers shared by the store-reading commands (search, show, entities). */

/** Text for a terminal: keep newlines and tabs, drop other control characters (hostile input must not drive the terminal). */
export function terminalSafe(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Left-align columns of plain strings. */
export function columns(rows: string[][], gap = '  '): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - [...c].length))).join(gap).trimEnd()).join('\n');
}

/** Accepts 2021, 2021-04, 2021-04-11 or a full ISO timestamp; throws naming the option otherwise. */
export function checkDate(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(v);
  const ok = m && (!m[2] || (+m[2] >= 1 && +m[2] <= 12)) && (!m[3] || (+m[3] >= 1 && +m[3] <= 31));
  if (!ok) throw new Error(`${option} must be a date like 2021, 2021-04 or 2021-04-11 (got '${value}')`);
  return v;
}

export function positiveInt(option: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${option} must be a whole number ≥ 1 (got '${value}')`);
  return n;
}
