/** Runs the quote finder over the gold articles (raw file text) and scores it. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOC_SCHEMA, type Doc } from '../../nlp/doc.js';
import type { Component } from '../../nlp/pipeline.js';
import { tokenize } from '../../nlp/tokenize.js';
import { findQuotes, QUOTES_BY } from '../../analyzers/quotes/find.js';
import { chooseSpeakers, loadSpeakerModel, type SpeakerModel } from '../../analyzers/quotes/chooser.js';
import { modelsDir, repoRoot } from '../../util/paths.js';
import { loadGoldDir, type GoldArticle } from './gold.js';
import { scoreQuotes, type ScoreReport } from './score.js';

export const defaultGoldDir = join(repoRoot, 'test', 'fixtures', 'quotes');
/** Batches 1–2, labelled blind for quotes@1.0.0; their errors were then read, so since 1.1.0 they are development data. */
export const earlierHeldOutGoldDirs = [join(defaultGoldDir, 'heldout'), join(defaultGoldDir, 'heldout2')].join(',');
/** Batches 3 and 4: held-out sets of the first two rounds of 1.1.0 rules, then read and folded into development. */
export const heldOut3GoldDir = join(defaultGoldDir, 'heldout3');
export const heldOut4GoldDir = join(defaultGoldDir, 'heldout4');
/** Batch 5: held out from round C (1.1.0), then read and folded into development for round D (1.2.0). */
export const heldOut5GoldDir = join(defaultGoldDir, 'heldout5');
/** Batch 6, labelled by someone else while round D (1.2.0) was written; measured once blind by the lead, then read. */
export const heldOut6GoldDir = join(defaultGoldDir, 'heldout6');
/** The blind batches 3–6 (each labelled before the rules of its round were written), for the blind-subset figures. */
export const blindBatchGoldDirs = [heldOut3GoldDir, heldOut4GoldDir, heldOut5GoldDir, heldOut6GoldDir];
/**
 * Batch 7, labelled blind by other engineers while round E (1.3.0) was written and measured once by the lead;
 * its errors were read for 1.4.0 and round F, so it is development data since round F.
 */
export const heldOut7GoldDir = join(defaultGoldDir, 'heldout7');
/**
 * Batch 8, labelled blind by two other engineers while round F (1.5.0) was written and measured once by the
 * lead; its errors were read for round G (1.6.0), so it is development data since round G.
 */
export const heldOut8GoldDir = join(defaultGoldDir, 'heldout8');
/**
 * Batch 9, labelled blind by other engineers while round G (1.6.0) was written and measured once by the
 * lead; its errors were read for round H (1.7.0), so it is development data since round H.
 */
export const heldOut9GoldDir = join(defaultGoldDir, 'heldout9');
/**
 * Batch 10, labelled blind by other engineers while round H (1.7.0) was written and measured once by the lead;
 * its errors were read for round I (1.8.0), so it is development data since round I.
 */
export const heldOut10GoldDir = join(defaultGoldDir, 'heldout10');
/**
 * Batch 11, labelled blind by other engineers while round I (1.8.0) was written and measured once by the lead;
 * its errors were read for round J (1.9.0), so it is development data since round J.
 */
export const heldOut11GoldDir = join(defaultGoldDir, 'heldout11');
/**
 * Batch 12, labelled blind by other engineers while round J (1.9.0) was written and measured once by the lead;
 * its errors were read for round K (1.10.0), so it is development data since round K.
 */
export const heldOut12GoldDir = join(defaultGoldDir, 'heldout12');
/**
 * Batch 13, labelled blind by other engineers while round K (1.10.0) was written and measured once by the lead;
 * development data since round L (the learned chooser on 220 articles).
 */
export const heldOut13GoldDir = join(defaultGoldDir, 'heldout13');
/** Batches 8–13: each measured once blind by the lead (first run of its round's code), then read. */
export const lateBlindBatchGoldDirs = [heldOut8GoldDir, heldOut9GoldDir, heldOut10GoldDir, heldOut11GoldDir, heldOut12GoldDir, heldOut13GoldDir];
/** All labelled development articles (220): the first 41 plus batches 1–13. Never batch 14. */
export const developmentGoldDirs = [defaultGoldDir, earlierHeldOutGoldDirs, heldOut3GoldDir, heldOut4GoldDir, heldOut5GoldDir, heldOut6GoldDir, heldOut7GoldDir, heldOut8GoldDir, heldOut9GoldDir, heldOut10GoldDir, heldOut11GoldDir, heldOut12GoldDir, heldOut13GoldDir].join(',');
/**
 * Batch 14, labelled blind by other engineers while round L is written. Never opened, listed or run while writing
 * round L: the lead runs it once. It is NOT part of `developmentGoldDirs`; until it is labelled, selecting it is a
 * clear error (`requireGoldDir`).
 */
export const heldOut14GoldDir = join(defaultGoldDir, 'heldout14');
/** Batch 15, labelled blind by two more engineers in session 7 and measured once with batch 14 (quotes@1.10.0 and 1.11.0). */
export const heldOut15GoldDir = join(defaultGoldDir, 'heldout15');
/** `--gold heldout`: batch 14, the current blind batch. */
export const heldOutGoldDirs = heldOut14GoldDir;

/** The held-out folder must exist and hold gold files; a missing batch is an error, never an empty score. */
export function requireGoldDir(dir: string): void {
  if (!existsSync(dir)) throw new Error(`${dir}: held-out gold folder does not exist (batch not labelled yet?)`);
  if (!readdirSync(dir).some((f) => f.endsWith('.json'))) throw new Error(`${dir}: held-out gold folder has no .json gold files`);
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

/** The trained NER component when it and its model are present; undefined otherwise. */
export async function loadEntities(): Promise<Component | undefined> {
  const here = join(repoRoot, 'dist', 'src', 'analyzers', 'entities', 'index.js');
  if (!existsSync(here) || !existsSync(join(modelsDir, 'ner.json.gz'))) return undefined;
  const mod = (await import(new URL(`file://${here}`).href)) as { component?: Component };
  if (!mod.component) return undefined;
  await mod.component.load?.({ modelsDir });
  return mod.component;
}

/** Tokens, NER (when given), the rules, then the learned chooser when a model is given (as the quotes component does). */
export async function analyzeForQuotes(doc: Doc, entities?: Component, chooser?: SpeakerModel): Promise<Doc> {
  Object.assign(doc.layers, tokenize(doc.text));
  if (entities) await entities.run(doc, { modelsDir });
  else {
    doc.layers.entities = [];
    doc.layers.entityIndex = [];
  }
  const quotes = findQuotes(doc);
  doc.layers.quotes = chooser ? chooseSpeakers(doc, quotes, chooser, QUOTES_BY) : quotes;
  return doc;
}

export interface EvalResult {
  report: ScoreReport;
  articles: number;
  withEntities: boolean;
  /** The learned chooser ran after the rules (its artifact was present and not switched off). */
  withChooser: boolean;
}

/**
 * Scores what the quotes component produces: rules, then the chooser when models/quote-speakers.json.gz is present
 * (`chooser: false` = rules only, as the floors in test/quotes/eval.test.ts measure). On development articles the
 * chooser figures are in-sample (it was trained on them); only cross-validation (`train quotes`) measures it there.
 */
export async function evaluateQuotes(goldDir: string, sharedDir: string, opts: { entities?: boolean; chooser?: boolean } = {}): Promise<EvalResult> {
  // Several folders may be given, comma-separated (e.g. both held-out batches).
  const gold: GoldArticle[] = goldDir.split(',').filter(Boolean).flatMap((d) => loadGoldDir(d, sharedDir));
  const ner = opts.entities === false ? undefined : await loadEntities();
  const chooser = opts.chooser === false ? undefined : loadSpeakerModel(modelsDir).model;
  const runs = [];
  for (const g of gold) {
    const doc = await analyzeForQuotes(rawDoc(g.text, g.file), ner, chooser);
    runs.push({ gold: g, predicted: doc.layers.quotes ?? [] });
  }
  return { report: scoreQuotes(runs), articles: gold.length, withEntities: !!ner, withChooser: !!chooser };
}
