/**
 * Technique groups for the technique-aware token tagger (`train techniques --token-groups`).
 * A loaded word and a doubting clause look nothing alike, so the first SI pass can learn them as
 * separate classes. Groups follow the mean gold span length in the PTC training labels (characters):
 * Repetition ~18; Loaded_Language / Name_Calling 25–26; Slogans, Thought-terminating_Cliches,
 * Exaggeration, Flag-Waving 25–62; the rest 96–139 (clausal).
 */
import type { Technique } from './types.js';

/** Class names of the grouped tagger: index 0 is O (outside every span). */
export const GROUP_CLASSES = ['O', 'repetition', 'lexical', 'phrase', 'clausal'] as const;

export const GROUP_OF: Record<Technique, number> = {
  Repetition: 1,
  Loaded_Language: 2,
  'Name_Calling,Labeling': 2,
  Slogans: 3,
  'Thought-terminating_Cliches': 3,
  'Exaggeration,Minimisation': 3,
  'Flag-Waving': 3,
  'Appeal_to_Authority': 4,
  'Appeal_to_fear-prejudice': 4,
  'Bandwagon,Reductio_ad_hitlerum': 4,
  'Black-and-White_Fallacy': 4,
  'Causal_Oversimplification': 4,
  Doubt: 4,
  'Whataboutism,Straw_Men,Red_Herring': 4,
};

/** Group used for a propaganda token no technique span covers (SI and TC gold normally agree). */
export const FALLBACK_GROUP = 2;

/**
 * Group label of each token: 0 outside SI gold; otherwise the group of the shortest technique span
 * covering it (the most specific evidence; ties: lower group number), else FALLBACK_GROUP.
 * `spans` are UTF-16 ranges with their techniques; `tokY` is the binary SI label.
 */
export function tokenGroups(tokens: { start: number; end: number }[], tokY: Uint8Array, spans: { start: number; end: number; labels: Technique[] }[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  tokens.forEach((k, i) => {
    if (!tokY[i]) return;
    let bestLen = Infinity;
    let g = 0;
    for (const s of spans) {
      if (!(k.start < s.end && k.end > s.start)) continue;
      const len = s.end - s.start;
      const sg = Math.min(...s.labels.map((l) => GROUP_OF[l]));
      if (len < bestLen || (len === bestLen && sg < g)) {
        bestLen = len;
        g = sg;
      }
    }
    out[i] = g || FALLBACK_GROUP;
  });
  return out;
}

/** Per sentence and group: 1 when the sentence holds a token of that group (one-vs-rest sentence labels). */
export function sentenceGroups(tokens: { sentence: number }[], groups: Uint8Array, nSentences: number): Uint8Array[] {
  const out = Array.from({ length: GROUP_CLASSES.length - 1 }, () => new Uint8Array(nSentences));
  tokens.forEach((k, i) => {
    if (groups[i]) out[groups[i] - 1][k.sentence] = 1;
  });
  return out;
}
