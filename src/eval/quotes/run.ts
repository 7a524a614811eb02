/** Runs the quote finder over the gold articles (raw file text) and scores it. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { DOC_SCHEMA, type Doc } from '../../nlp/doc.js';
import type { Component } from '../../nlp/pipeline.js';
import { tokenize } from '../../nlp/tokenize.js';
import { findQuotes, QUOTES_BY } from '../../analyzers/quotes/find.js';
import { chooseSpeakers, loadSpeakerModel, type SpeakerModel } from '../../analyzers/quotes/chooser.js';
import { loadClauseModel, type ClauseModel } from '../../analyzers/quotes/clause-model.js';
import { modelsDir, repoRoot } from '../../util/paths.js';
import { goldArticleKey, loadGoldDir, type GoldArticle } from './gold.js';
import { scoreQuotes, type ScoreReport } from './score.js';
import { calibration, type Calibration } from './calibration.js';

export const defaultGoldDir = join(repoRoot, 'test', 'fixtures', 'quotes');
/** Batch N's folder: `heldout` for batch 1 (its historical name), `heldoutN` otherwise. */
export function batchGoldDir(n: number): string {
  return join(defaultGoldDir, n === 1 ? 'heldout' : `heldout${n}`);
}
const batches = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => batchGoldDir(from + i));
/** Batches 1–2, labelled blind for quotes@1.0.0; their errors were then read, so since 1.1.0 they are development data. */
export const earlierHeldOutGoldDirs = batches(1, 2).join(',');
/** The blind batches 3–6 (each labelled before the rules of its round were written), for the blind-subset figures. */
export const blindBatchGoldDirs = batches(3, 6);
/** Batches 8–13: each measured once blind by the lead (first run of its round's code), then read. */
export const lateBlindBatchGoldDirs = batches(8, 13);
/** Batches 14–15: measured once blind (rounds K/L), then the validation set of round M (aggregate figures only). */
export const validationGoldDirList = batches(14, 15);
/** `--gold val`: batches 14+15 (32 articles). Round M never read their errors, gold or text. */
export const validationGoldDirs = validationGoldDirList.join(',');
/** `--gold dev13`: the 220 articles round M's rules were written from (the first 41 + batches 1–13). */
export const development13GoldDirs = [defaultGoldDir, ...batches(1, 13)].join(',');
/** `--gold dev252`: the 252 development articles of round M (the first 41 + batches 1–15). */
export const development252GoldDirs = [defaultGoldDir, ...batches(1, 15)].join(',');
/** Batches 16–17: measured once blind with quotes@1.12.0 (session 9), then read while round N was written. */
export const round16to17GoldDirList = batches(16, 17);
/**
 * `--gold dev`: all 284 labelled development articles (the first 41 + batches 1–17; round N's rules were written from
 * their errors and the chooser is trained on them). Never batch 18.
 */
export const developmentGoldDirs = [defaultGoldDir, ...batches(1, 17)].join(',');
/** Batches 18–21: blind for quotes@1.13.0–1.14.0 (sessions 9–10), then read (session 11). */
export const round18to21GoldDirList = batches(18, 21);
/**
 * Every labelled PTC article and both samples (the development 284 + batches 18–21 = 344): what the speaker model of
 * quotes@1.15.0 is trained on. Never batch 22 (Reuters newswire, blind for 1.15.0).
 */
export const labelledPtcGoldDirs = [defaultGoldDir, ...batches(1, 21)].join(',');
/** Batch 16, labelled blind by four other engineers after round M; the lead ran quotes@1.12.0 on it once (session 9). */
export const heldOut16GoldDir = batchGoldDir(16);
/** Batch 18, labelled blind while round N was written; the lead ran quotes@1.13.0 on it once (session 9). */
export const heldOut18GoldDir = batchGoldDir(18);
/**
 * Everything labelled before batch 39 (the 344 PTC articles and samples + Reuters batches 22–35 + EUvsDisinfo batches
 * 36–38, 1475 articles): what the reported-speech detector and the speaker model of quotes@1.30.0 and quotes@1.31.0 are
 * trained on (`--gold all` of `train clauses` and `train quotes`; retrained for 1.31.0's rules). Never batches 39 and 40.
 * (quotes@1.29.0's were trained on the 1328 up to
 * batch 37, quotes@1.28.0's on the 1180 up to batch 36,
 * quotes@1.27.0's were trained on the 1038 up to batch 35,
 * quotes@1.26.0's models were trained on the 900 up to batch 34,
 * quotes@1.25.0's were trained on the 833 up to batch 32,
 * quotes@1.24.0's on the 790 up to 31, quotes@1.23.0's on the 745 up to 30, quotes@1.22.0's on the 700 up to 29,
 * quotes@1.20.0–1.21.0's on the 611 up to 27, quotes@1.19.0's on the 566 up to 26, quotes@1.18.0's on the 521 up to
 * 25, quotes@1.17.0's on the 432 up to 23, quotes@1.16.0's detector on the 389 up to 22 and its speaker model on the
 * 344.)
 */
export const labelledGoldDirs = [labelledPtcGoldDirs, ...batches(22, 38)].join(',');
/**
 * `--gold heldout`: batch 40, the last blind batch (session 18): the last 119 EUvsDisinfo case descriptions with a
 * reporting word, in the same sha256 order (62 with something to label: 92 quotes, 56 with a speaker), labelled by three
 * other engineers while quotes@1.30.0 was written; the lead ran quotes@1.30.0 on it once. With it every case text of the
 * 2015–2017 file that holds a reporting word is labelled. Session 19 wrote quotes@1.31.0 from the PTC articles without
 * reading batch 40, and scored 1.31.0 on it once.
 *
 * Batch 39: the next 240 EUvsDisinfo case descriptions in the same sha256 order
 * (145 with something to label: 194 quotes, 121 with a speaker), labelled at the end of session 17 by four other
 * engineers; the lead ran quotes@1.29.0 on it once, at the start of session 18, before quotes@1.30.0 was written from
 * batches 36–39 (rule development data since; the models never trained on it).
 *
 * Batch 38 (session 17): the next 240 EUvsDisinfo case descriptions in the same
 * sha256 order (147 with something to label: 221 quotes, 154 with a speaker), labelled by four other engineers while
 * quotes@1.28.0–1.29.0 were written; the lead ran quotes@1.29.0 on it once.
 *
 * Batch 37 (session 17): the next 240 EUvsDisinfo case descriptions in the same
 * sha256 order (148 with something to label: 214 quotes, 155 with a speaker), labelled by four other engineers while
 * quotes@1.28.0 was written from batch 36's errors; the lead ran quotes@1.28.0 on it once.
 *
 * Batch 36 (session 17): 240 EUvsDisinfo case descriptions (summary and
 * disproof, `src/eval/euvsdisinfo-articles.ts`) from the 2015–2017 case file that hold a reporting word, chosen by
 * sha256 order; 142 hold something to label (215 quotes, 145 with a speaker). Labelled by four other engineers while
 * quotes@1.27.0 was written; the lead ran quotes@1.27.0 on it once. The product's own domain, and the first blind batch
 * that is neither PTC nor Reuters.
 *
 * Batch 35 (session 16): the 148 Reuters stories of the CoNLL-2003 training
 * (124) and validation (24) files that hold a reporting word or a quotation mark but fell below the candidate filter of
 * batches 22–34 (fewer than two quotation marks and fewer than three of said/says/told/added/according), text derived
 * from the tokens by src/eval/conll-articles.ts, labelled by four other engineers while quotes@1.26.0 was written (138
 * stories hold something to label); the lead ran quotes@1.26.0 on it once. Batch 33 was measured once with quotes@1.25.0
 * in session 15 and batch 34 (ranks 433–454, the last 22 candidates of the training file) once with the same code in
 * session 16; both are development data since. With batch 35 every CoNLL-2003 story with one of those words or a quotation
 * mark is labelled.
 */
export const heldOutGoldDirs = batchGoldDir(40);

/** The held-out folder must exist and hold gold files; a missing batch is an error, never an empty score. */
export function requireGoldDir(dir: string): void {
  if (!existsSync(dir)) throw new Error(`${dir}: held-out gold folder does not exist (batch not labelled yet?)`);
  if (!readdirSync(dir).some((f) => f.endsWith('.json'))) throw new Error(`${dir}: held-out gold folder has no .json gold files`);
}

/** What a `--gold` value names: the folders to load and the batch folders that must exist (checked by `resolveGold`). */
export interface GoldSelection {
  dirs: string;
  required: string[];
}

/**
 * Maps a `--gold` value to folders without touching the disk: `dev`, `dev252`, `dev13`, `val`, `batches1-2`, `heldout`
 * (the current blind batch), `heldoutN` (batch N; `heldout1` = batch 1), or comma-separated paths.
 */
export function goldSelection(name: string): GoldSelection {
  if (name === 'dev') return { dirs: developmentGoldDirs, required: [] };
  if (name === 'dev13') return { dirs: development13GoldDirs, required: [] };
  if (name === 'dev252') return { dirs: development252GoldDirs, required: [] };
  if (name === 'val') return { dirs: validationGoldDirs, required: validationGoldDirList };
  if (name === 'batches1-2') return { dirs: earlierHeldOutGoldDirs, required: [] };
  if (name === 'heldout') return { dirs: heldOutGoldDirs, required: [heldOutGoldDirs] };
  const m = /^heldout(\d+)$/.exec(name);
  if (m) {
    const n = Number(m[1]);
    if (n < 1) throw new Error(`--gold ${name}: batches are numbered from 1`);
    return { dirs: batchGoldDir(n), required: [batchGoldDir(n)] };
  }
  return { dirs: name.split(',').filter(Boolean).map((d) => resolvePath(d)).join(','), required: [] };
}

/** `goldSelection`, then every named batch folder must exist and hold gold files (else a clear error naming it). */
export function resolveGold(name: string): string {
  const sel = goldSelection(name);
  for (const d of sel.required) requireGoldDir(d);
  return sel.dirs;
}

/** A bare Doc over raw text (the evaluation needs no cleaning: gold offsets are into the raw file). */
export function rawDoc(text: string, path: string): Doc {
  const hash = createHash('sha256').update(text).digest('hex');
  return {
    schema: DOC_SCHEMA,
    id: hash.slice(0, 16),
    text,
    meta: { source: { kind: 'file', path }, contentHash: hash, format: 'text' },
    removed: [],
    layers: {},
    provenance: [],
  };
}

/**
 * The trained NER component when it and its model are present; undefined otherwise. `nerDir` is a folder holding
 * another ner.json.gz (e.g. a tagger trained without the CoNLL training stories a blind batch was drawn from); a
 * folder without one is an error, not a silent fallback.
 */
export async function loadEntities(nerDir?: string): Promise<Component | undefined> {
  const here = join(repoRoot, 'dist', 'src', 'analyzers', 'entities', 'index.js');
  if (nerDir && !existsSync(join(nerDir, 'ner.json.gz'))) throw new Error(`${join(nerDir, 'ner.json.gz')}: no NER model there`);
  const dir = nerDir ?? modelsDir;
  if (!existsSync(here) || !existsSync(join(dir, 'ner.json.gz'))) return undefined;
  const mod = (await import(new URL(`file://${here}`).href)) as { component?: Component };
  if (!mod.component) return undefined;
  await mod.component.load?.({ modelsDir: dir });
  return mod.component;
}

/**
 * Tokens, NER (when given), the rules with the learned reported-speech detector when its model is given, then the
 * learned chooser when a model is given (as the quotes component does).
 */
export async function analyzeForQuotes(doc: Doc, entities?: Component, chooser?: SpeakerModel, clauseModel?: ClauseModel): Promise<Doc> {
  Object.assign(doc.layers, tokenize(doc.text));
  if (entities) await entities.run(doc, { modelsDir });
  else {
    doc.layers.entities = [];
    doc.layers.entityIndex = [];
  }
  const quotes = findQuotes(doc, { clauseModel });
  doc.layers.quotes = chooser ? chooseSpeakers(doc, quotes, chooser, QUOTES_BY) : quotes;
  return doc;
}

export interface EvalResult {
  report: ScoreReport;
  /** How well the speakers' confidences match how often they are right. */
  calibration: Calibration;
  articles: number;
  withEntities: boolean;
  /** The learned reported-speech detector ran with the rules (its artifact was present and not switched off). */
  withClauses: boolean;
  /** The learned chooser ran after the rules (its artifact was present and not switched off). */
  withChooser: boolean;
}

/**
 * Scores what the quotes component produces: rules, then the chooser when models/quote-speakers.json.gz is present
 * (`chooser: false` = rules only, as the floors in test/quotes/eval.test.ts measure). On development articles the
 * chooser figures are in-sample (it was trained on them); only cross-validation (`train quotes`) measures it there.
 */
export async function evaluateQuotes(goldDir: string, sharedDir: string, opts: { entities?: boolean; chooser?: boolean; clauses?: boolean; nerDir?: string } = {}): Promise<EvalResult> {
  // Several folders may be given, comma-separated (e.g. both held-out batches).
  const gold: GoldArticle[] = goldDir.split(',').filter(Boolean).flatMap((d) => loadGoldDir(d, sharedDir));
  const ner = opts.entities === false ? undefined : await loadEntities(opts.nerDir);
  const chooser = opts.chooser === false ? undefined : loadSpeakerModel(modelsDir).model;
  const clauseModel = opts.clauses === false ? undefined : loadClauseModel(modelsDir).model;
  const runs = [];
  for (const g of gold) {
    const doc = await analyzeForQuotes(rawDoc(g.text, goldArticleKey(g)), ner, chooser, clauseModel);
    runs.push({ gold: g, predicted: doc.layers.quotes ?? [] });
  }
  return { report: scoreQuotes(runs), calibration: calibration(runs), articles: gold.length, withEntities: !!ner, withChooser: !!chooser, withClauses: !!clauseModel };
}
