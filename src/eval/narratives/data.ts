/** Evaluation inputs read from the shared data folder at run time (never copied into the repo). */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../util/paths.js';
import { tokenize } from '../../nlp/tokenize.js';
import type { Doc, Span } from '../../nlp/doc.js';
import { articleSentences } from '../../analyzers/narratives/sentences.js';

export const EUVS_FILES = ['cases-2015-2021-index.csv', 'cases-2015-2017-with-disproofs.csv'].map((f) => join(sharedDir, 'data', 'euvsdisinfo', f));
export const PTC_DIR = join(sharedDir, 'data', 'ptc', 'train-articles');

/**
 * The precision-set rule: a PTC article is "unrelated" to the EUvsDisinfo database when it names none of
 * the places, institutions and people the database is about. Decided on words, before any matching.
 */
export const UNRELATED_RULE =
  /\b(russia\w*|kremlin|moscow|putin|ukrain\w*|kiev|kyiv|syria\w*|crimea\w*|nato|soviet|ussr|belarus\w*|moldova\w*|latvia\w*|lithuania\w*|estonia\w*|baltic|european union|brussels|skripal|navalny|mh17|assad|donbas\w*|white helmets|chemical|sputnik|georgia|chechn\w*|eu)\b/i;

export function ptcIds(): string[] {
  if (!existsSync(PTC_DIR)) throw new Error(`PTC articles not found in ${PTC_DIR} (set NARRASCOPE_SHARED)`);
  return readdirSync(PTC_DIR)
    .map((f) => f.match(/^article(\d+)\.txt$/)?.[1])
    .filter((x): x is string => !!x)
    .sort();
}

export function ptcText(id: string): string {
  return readFileSync(join(PTC_DIR, `article${id}.txt`), 'utf8');
}

/** PTC article ids the rule marks as unrelated. */
export function unrelatedPtcIds(): string[] {
  return ptcIds().filter((id) => !UNRELATED_RULE.test(ptcText(id)));
}

/** A minimal Doc (text, sentences, tokens) for evaluation inputs. */
export function evalDoc(id: string, text: string): Doc {
  const { sentences, tokens } = tokenize(text);
  return {
    schema: 'narrascope.doc/1',
    id,
    text,
    meta: { source: { kind: 'inline', path: id }, contentHash: id, format: 'text' },
    removed: [],
    layers: { sentences, tokens },
    provenance: [],
  };
}

export function matchSentences(doc: Doc): Span[] {
  return articleSentences(doc);
}
