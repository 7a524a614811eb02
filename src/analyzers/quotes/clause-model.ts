/**
 * The learned reported-speech detector (quotes@1.16.0, session 12). The rules find reported speech only after a
 * verb of their lexicon in one of their clause shapes; two in five reported clauses of the gold sets were missed,
 * most after ordinary shapes the lexicon does not cover ("Rush Limbaugh points out that …", "Saris last year ruled
 * she had …", "He said no date had been …"). Where the rules find nothing at a verb, find.ts builds a relaxed
 * candidate (any verb with a subject before it and a clause after it: "that", a colon, or a subject and a finite
 * verb) and this logistic model, trained on the hand-labelled gold sets, decides whether it is reported speech.
 * Trained and cross-validated by `narrascope train clauses` (src/eval/quotes/clause-train.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadArtifact } from '../../models/artifact.js';
import type { Features } from './candidates.js';
import { score } from './chooser.js';

export const CLAUSE_MODEL_FILE = 'quote-clauses.json.gz';

export interface ClauseModel {
  weights: Record<string, number>;
  /** A relaxed candidate becomes a quote when its probability reaches this. */
  threshold: number;
}

/** What find.ts knows about a relaxed candidate, as plain values (the features are computed from these alone). */
export interface ClauseCandidateInfo {
  /** Lemma and lower-cased surface form of the verb. */
  lemma: string;
  word: string;
  /** The rules' own lexicon: a cue verb, a weak cue, a verb that takes a bare clause. */
  cue: boolean;
  weak: boolean;
  clauseCue: boolean;
  /** The rules treated the verb as a cue but built no quote from it. */
  ruleTried: boolean;
  /** How the clause opens: "that" right after the verb, "that" after a gap (addressee, adjunct), a colon, or bare. */
  form: 'that' | 'gap-that' | 'colon' | 'bare';
  /** Tokens between the verb and the clause's first token. */
  gap: number;
  subjectType: 'name' | 'pronoun' | 'title' | 'generic';
  subjectKind: string;
  /** Lower-cased head word of the subject ("police", "he", "minister"). */
  subjectHead: string;
  /** Lower-cased word before the verb and its part of speech. */
  prev: string;
  prevPos: string;
  /** First token of the clause: lower-cased word and part of speech. */
  first: string;
  firstPos: string;
  /** Words in the clause. */
  words: number;
  /** The verb stands in a clause that opens with that/whether/if/who/which (it is itself inside reported speech or a relative clause). */
  embedded: boolean;
  /** The verb is in the headline. */
  headline: boolean;
  /** A participle ("…, saying …", "…, declaring …") whose subject is the clause's subject. */
  participle: boolean;
  /**
   * The clause's first verb within 12 tokens: its index in the clause, whether it is an auxiliary ("no date had
   * been"), a participle, after "to", the part of speech before it, and whether a relative word or comma comes
   * first ("a warning of the raid, tipping …" is an object noun phrase, not a clause).
   */
  firstVerb?: { at: number; aux: boolean; ing: boolean; afterTo: boolean; prevPos: string; relative: boolean };
}

const PREV_WORDS = new Set(['to', 'not', "n't", 'would', 'will', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'does', 'do', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'also', 'who', 'which', 'that', 'and', 'but', ',', 'never', 'repeatedly', 'reportedly', 'later', 'first']);
const FIRST_WORDS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'there', 'the', 'a', 'an', 'this', 'his', 'her', 'their', 'its', 'no', 'some', 'all', 'more', 'most', 'none', 'you', 'to', 'what', 'how', 'why', 'whether', 'if']);

const bucket = (n: number, cuts: number[]) => {
  for (const c of cuts) if (n <= c) return `≤${c}`;
  return `>${cuts[cuts.length - 1]}`;
};

/** Sparse binary features of a relaxed candidate (plus a bias). */
export function clauseFeatures(c: ClauseCandidateInfo): Features {
  const vform = c.participle ? 'ing' : /ed$/.test(c.word) ? 'ed' : /s$/.test(c.word) ? 's' : 'base';
  const first = FIRST_WORDS.has(c.first) ? c.first : `pos:${c.firstPos}`;
  const prev = PREV_WORDS.has(c.prev) ? c.prev : `pos:${c.prevPos}`;
  const lex = c.cue ? (c.weak ? 'weak' : c.clauseCue ? 'clause' : 'cue') : 'none';
  const f: Features = {
    bias: 1,
    [`lemma:${c.lemma}`]: 1,
    [`lex:${lex}`]: 1,
    [`form:${c.form}`]: 1,
    [`lex+form:${lex}|${c.form}`]: 1,
    [`lemma+form:${c.lemma}|${c.form}`]: 1,
    [`subj:${c.subjectType}`]: 1,
    [`subj+kind:${c.subjectType}|${c.subjectKind}`]: 1,
    [`subj+form:${c.subjectType}|${c.form}`]: 1,
    [`head:${c.subjectHead}`]: 1,
    [`vform:${vform}`]: 1,
    [`prev:${prev}`]: 1,
    [`first:${first}`]: 1,
    [`form+first:${c.form}|${first}`]: 1,
    [`gap:${bucket(c.gap, [0, 1, 3, 6])}`]: 1,
    [`words:${bucket(c.words, [6, 12, 25])}`]: 1,
  };
  const v = c.firstVerb;
  if (!v) f['fv:none'] = 1;
  else {
    const shape = `${v.aux ? 'aux' : v.ing ? 'ing' : v.afterTo ? 'to' : 'verb'}|${v.relative ? 'rel' : v.prevPos}`;
    f[`fv:${shape}`] = 1;
    f[`fv+form:${shape}|${c.form}`] = 1;
    f[`fv:at${bucket(v.at, [1, 2, 4, 7])}`] = 1;
    f[`fv+lex:${v.relative ? 'rel' : 'direct'}|${lex}`] = 1;
  }
  if (c.ruleTried) f.ruleTried = 1;
  if (c.embedded) f.embedded = 1;
  if (c.headline) f.headline = 1;
  return f;
}

/** The model's probability that the candidate is reported speech (the chooser's logistic scorer). */
export const clauseProbability = (model: ClauseModel, f: Features): number => score(model.weights, f);

/** The committed model, or why there is none (the component then finds reported speech by the rules alone and says so). */
export function loadClauseModel(modelsDir: string): { model?: ClauseModel; message?: string } {
  const path = join(modelsDir, CLAUSE_MODEL_FILE);
  if (!existsSync(path)) return { message: `${path} not found: reported speech comes from the rules only (reproduce it with narrascope train clauses --out ${path})` };
  const body = loadArtifact<ClauseModel>(path).body;
  if (!body?.weights || typeof body.threshold !== 'number') throw new Error(`${path}: not a reported-speech clause model (weights/threshold missing)`);
  return { model: body };
}
