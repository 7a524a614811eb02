/** Runs the quote finder over the gold articles (raw file text) and scores it. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOC_SCHEMA, type Doc } from '../../nlp/doc.js';
import type { Component } from '../../nlp/pipeline.js';
import { tokenize } from '../../nlp/tokenize.js';
import { findQuotes } from '../../analyzers/quotes/find.js';
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
/** All labelled development articles (204): the first 41 plus batches 1–12. Never batch 13. */
export const developmentGoldDirs = [defaultGoldDir, earlierHeldOutGoldDirs, heldOut3GoldDir, heldOut4GoldDir, heldOut5GoldDir, heldOut6GoldDir, heldOut7GoldDir, heldOut8GoldDir, heldOut9GoldDir, heldOut10GoldDir, heldOut11GoldDir, heldOut12GoldDir].join(',');
/**
 * Batch 13, to be labelled blind by other engineers while round K (1.10.0) is written. Never opened while
 * writing rules: the lead runs it once. It is NOT part of `developmentGoldDirs`; until it is labelled, selecting
 * it is a clear error (`requireGoldDir`).
 */
export const heldOut13GoldDir = join(defaultGoldDir, 'heldout13');
/** `--gold heldout`: batch 13, the current blind batch. */
export const heldOutGoldDirs = heldOut13GoldDir;

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

export async function analyzeForQuotes(doc: Doc, entities?: Component): Promise<Doc> {
  Object.assign(doc.layers, tokenize(doc.text));
  if (entities) await entities.run(doc, { modelsDir });
  else {
    doc.layers.entities = [];
    doc.layers.entityIndex = [];
  }
  doc.layers.quotes = findQuotes(doc);
  return doc;
}

export interface EvalResult {
  report: ScoreReport;
  articles: number;
  withEntities: boolean;
}

export async function evaluateQuotes(goldDir: string, sharedDir: string, opts: { entities?: boolean } = {}): Promise<EvalResult> {
  // Several folders may be given, comma-separated (e.g. both held-out batches).
  const gold: GoldArticle[] = goldDir.split(',').filter(Boolean).flatMap((d) => loadGoldDir(d, sharedDir));
  const ner = opts.entities === false ? undefined : await loadEntities();
  const runs = [];
  for (const g of gold) {
    const doc = await analyzeForQuotes(rawDoc(g.text, g.file), ner);
    runs.push({ gold: g, predicted: doc.layers.quotes ?? [] });
  }
  return { report: scoreQuotes(runs), articles: gold.length, withEntities: !!ner };
}
