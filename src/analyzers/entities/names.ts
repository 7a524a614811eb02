/**
 * Name normalization for entity resolution: the matching form of a mention ("the Russia's Foreign
 * Ministry" -> "russian foreign ministry", "al-Nusra Front" -> "nusra front").
 */

/** Country or region -> adjective, so "Russia's X" and "Russian X" meet. Written by hand, kept short. */
const DEMONYMS: Record<string, string> = {
  afghanistan: 'afghan', america: 'american', 'united states': 'american', us: 'american', 'u.s.': 'american',
  armenia: 'armenian', australia: 'australian', austria: 'austrian', azerbaijan: 'azerbaijani', belarus: 'belarusian',
  belgium: 'belgian', britain: 'british', 'great britain': 'british', uk: 'british', 'u.k.': 'british', bulgaria: 'bulgarian',
  canada: 'canadian', china: 'chinese', croatia: 'croatian', cuba: 'cuban', czechia: 'czech', denmark: 'danish',
  egypt: 'egyptian', england: 'english', estonia: 'estonian', europe: 'european', finland: 'finnish', france: 'french',
  georgia: 'georgian', germany: 'german', greece: 'greek', hungary: 'hungarian', india: 'indian', iran: 'iranian',
  iraq: 'iraqi', ireland: 'irish', israel: 'israeli', italy: 'italian', japan: 'japanese', jordan: 'jordanian',
  kazakhstan: 'kazakh', kuwait: 'kuwaiti', latvia: 'latvian', lebanon: 'lebanese', libya: 'libyan', lithuania: 'lithuanian',
  moldova: 'moldovan', netherlands: 'dutch', holland: 'dutch', 'north korea': 'north korean', norway: 'norwegian',
  pakistan: 'pakistani', palestine: 'palestinian', poland: 'polish', qatar: 'qatari', romania: 'romanian', russia: 'russian',
  'saudi arabia': 'saudi', serbia: 'serbian', slovakia: 'slovak', 'south korea': 'south korean', spain: 'spanish',
  sweden: 'swedish', switzerland: 'swiss', syria: 'syrian', turkey: 'turkish', ukraine: 'ukrainian', venezuela: 'venezuelan',
  yemen: 'yemeni',
};

/** Arabic article prefixes written in many ways ("al-", "Al-", "el-", "al "). */
const ARTICLE_PREFIX = /^(?:al|el|ad|ash|as|an|ar|at|az)[-\u2010\u2011]/i;

/** Surface cleanup: typographic quotes/dashes, spaces, leading article, trailing possessive. */
export function cleanName(text: string): string {
  let s = text
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/^["'*(\[]+|["'*)\].,;:]+$/g, '').trim();
  s = s.replace(/^the\s+/i, '');
  s = s.replace(/\s*'s?$/i, '');
  return s.trim();
}

/** Replace a leading "Country's" or "Country" + possessive with its adjective ("Russia's X" -> "Russian X"). */
function demonymize(lower: string): string {
  const m = /^(.+?)'s (.+)$/.exec(lower);
  if (m && DEMONYMS[m[1]]) return `${DEMONYMS[m[1]]} ${m[2]}`;
  return lower;
}

/** The matching form of a name: lowercase, no article, demonyms, Arabic article prefixes dropped. */
export function normName(text: string): string {
  const lower = demonymize(cleanName(text).toLowerCase());
  return lower
    .split(' ')
    .map((w) => w.replace(ARTICLE_PREFIX, ''))
    .filter(Boolean)
    .join(' ');
}

const MINOR = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', '&']);

/** Initials of a multi-word name ("United Nations Security Council" -> "UNSC"); '' for single words. */
export function initials(text: string): string {
  const words = cleanName(text)
    .split(/[\s-]+/)
    .filter((w) => w && !MINOR.has(w.toLowerCase()));
  if (words.length < 2) return '';
  return words.map((w) => w[0].toUpperCase()).join('');
}

/** An acronym as written ("UN", "U.N.", "NATO") in its bare form, or '' when not one. */
export function acronym(text: string): string {
  const s = cleanName(text);
  if (/^(?:\p{Lu}\.)+\p{Lu}\.?$/u.test(s)) return s.replace(/\./g, '');
  if (/^\p{Lu}{2,6}$/u.test(s)) return s;
  return '';
}

/** "Russia's Foreign Ministry" -> "Russian Foreign Ministry" for display. */
export function demonymDisplay(clean: string): string {
  const m = /^(.+?)'s (.+)$/.exec(clean);
  const adj = m ? DEMONYMS[m[1].toLowerCase()] : undefined;
  if (!m || !adj) return clean;
  return `${adj.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase())} ${m[2]}`;
}

const DEMONYM_VALUES = new Set(Object.values(DEMONYMS));

/** "Russia" -> "Russian" (lowercase), or undefined. */
export function demonymOf(country: string): string | undefined {
  return DEMONYMS[cleanName(country).toLowerCase()];
}

/** Whether the word is a national adjective from the table ("Russian", "Syrian"). */
export function isDemonym(word: string): boolean {
  return DEMONYM_VALUES.has(word.trim().toLowerCase());
}
