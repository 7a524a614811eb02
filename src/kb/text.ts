/** Text features for retrieval: content words (light stemming) and character n-grams of them. */

// A small English function-word list: these carry no topic, and skipping them keeps posting lists short.
const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can
could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in
into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those through to too under until up very was
we were what when where which while who whom why will with would you your yours yourself yourselves said says say according also new one
two many much may might must shall us it's its per via upon within without however therefore thus yet still even ever since well like`.split(/\s+/),
);

export function isStopword(w: string): boolean {
  return STOP.has(w);
}

/** Crude suffix stripping (both sides use it, so only consistency matters). */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  return w;
}

/** Lowercased words without accents (apostrophes dropped, hyphens split). */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[’'`]s\b/g, '')
      .replace(/[’'`]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Stemmed content words. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOP.has(w) && (w.length > 1 || /\d/.test(w))) out.push(stem(w));
  return out;
}

/** Character 4-grams of each content word padded with '#', so spelling variants and inflections overlap. */
export function charGrams(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOP.has(w) || w.length < 3) continue;
    const p = `#${w}#`;
    for (let i = 0; i + 4 <= p.length; i++) out.push(p.slice(i, i + 4));
  }
  return out;
}

/** Term counts. */
export function counts(items: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Space-padded normalized text for phrase lookups (" white helmets "). */
export function phraseText(text: string): string {
  return ` ${words(text).join(' ')} `;
}

/**
 * Phrase alternatives of a narrative tag: "Chemical weapons/attack" -> ["chemical weapons", "chemical attack"];
 * "White Helmets" -> ["white helmets"].
 */
export function tagPhrases(tag: string): string[] {
  const parts = tag.split('/');
  if (parts.length === 1) return [words(tag).join(' ')].filter(Boolean);
  const head = words(parts[0]);
  const out = [head.join(' ')];
  for (const alt of parts.slice(1)) {
    const w = words(alt);
    if (w.length === 1 && head.length > 1) out.push([...head.slice(0, -1), w[0]].join(' '));
    else out.push(w.join(' '));
  }
  return out.filter(Boolean);
}
