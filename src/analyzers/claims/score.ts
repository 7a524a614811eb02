/** Scores one text unit (a sentence, or the quoted part of one) for check-worthiness. */
import type { TokenSpan } from '../../nlp/doc.js';
import {
  COMPARATIVE, DATE, EVALUATIVE, FURNITURE, HEDGE, NORMATIVE, OPINION, PERSONAL, REQUEST, WEIGHTS, squash, type CueWeights,
} from './cues.js';

export interface UnitInput {
  text: string;
  /** Tokens of the unit (offsets into the doc, text via `tokenText`). */
  tokens: TokenSpan[];
  tokenText: (t: TokenSpan) => string;
  /** Distinct named entities in the unit (entity ids, or proper-name runs when there is no NER). */
  entities: number;
  /** Inside a quote or reported speech. */
  attributed: boolean;
}

export interface UnitScore {
  score: number;
  cues: string[];
  raw: number;
}

const IRREGULAR_PAST = /^(was|were|had|did|said|told|went|came|took|gave|made|found|left|got|saw|knew|thought|began|brought|bought|built|caught|fell|fled|fought|held|hit|kept|led|lost|met|paid|put|ran|sent|set|shot|sold|spent|stood|struck|threw|won|wrote|killed|became|broke|chose|drove|ate|flew|forgot|froze|grew|hid|hung|laid|lay|rode|rose|sank|shook|spoke|stole|swore|tore|woke|wore)$/;

export function scoreUnit(u: UnitInput, w: CueWeights = WEIGHTS): UnitScore {
  const cues: string[] = [];
  let x = w.bias;
  const add = (name: string, weight: number) => {
    cues.push(name);
    x += weight;
  };
  const words = u.tokens.filter((t) => /[\p{L}\p{N}]/u.test(u.tokenText(t)));
  const lower = u.text.toLowerCase();
  if (FURNITURE.test(u.text)) add('furniture', w.furniture);
  if (words.length < 5) add('short', w.short);
  // Title Case lines are headlines and link lists (page furniture), not statements.
  const lettered = u.text.split(/\s+/).filter((x) => /^[\p{L}'‘’"“]/u.test(x) && x.replace(/^['‘’"“]/u, '').length > 3);
  if (lettered.length >= 4 && lettered.filter((x) => /^['‘’"“]?\p{Lu}/u.test(x)).length / lettered.length > 0.7) add('headline-like', w.headline);
  const verbs = u.tokens.filter((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (!verbs.length) add('no-verb', w.noVerb);
  if (u.tokens.some((t) => t.type === 'number' || t.pos === 'NUM') || /\d/.test(u.text)) add('number', w.number);
  if (DATE.test(u.text)) add('date', w.date);
  if (u.entities > 0) add('named-entity', w.namedEntity);
  if (u.entities > 1) add('more-entities', w.moreEntities);
  const past = verbs.some((t) => {
    const s = u.tokenText(t).toLowerCase();
    return t.pos === 'VERB' ? (/ed$/.test(s) && s !== (t.lemma ?? s)) || IRREGULAR_PAST.test(s) : /^(was|were|had|did)$/.test(s);
  });
  if (past) add('past-tense-event', w.pastEvent);
  if (u.attributed) add('attributed', w.attributed);
  if (COMPARATIVE.test(u.text)) add('comparative', w.comparative);
  if (OPINION.test(lower)) add('opinion-marker', w.opinion);
  if (REQUEST.test(lower)) add('request', w.request);
  if (NORMATIVE.test(lower)) add('normative-modal', w.normative);
  else if (HEDGE.test(lower)) add('hedge-modal', w.hedge);
  if (/\?\s*["”’']?\s*$/.test(u.text.trim())) add('question', w.question);
  if (/!\s*["”’']?\s*$/.test(u.text.trim())) add('exclamation', w.exclamation);
  const first = words[0];
  if (first && first.pos === 'VERB' && u.tokenText(first).toLowerCase() === (first.lemma ?? '').toLowerCase() && !u.attributed) add('imperative', w.imperative);
  const evaluative = words.filter((t) => EVALUATIVE.has(u.tokenText(t).toLowerCase())).length;
  if (evaluative) add('evaluative-words', w.evaluative * Math.min(2, evaluative));
  if (!u.attributed && PERSONAL.test(lower)) add('first/second-person', w.personal);
  return { score: squash(x), cues, raw: x };
}
