/**
 * The main job: read inputs → build Docs (clean + metadata) → run the pipeline (in this thread or in
 * workers) → store → report. Failures of single inputs are collected, never fatal to the batch.
 */
import type { Doc } from '../nlp/doc.js';
import { Pipeline, type ComponentContext, type PipelineOptions } from '../nlp/pipeline.js';
import { WorkerPool } from '../nlp/worker-pool.js';
import { readInputs, buildDoc, IngestError } from '../ingest/index.js';
import { describeSource, isFailure, type IngestOptions } from '../ingest/types.js';
import type { Store } from '../store/types.js';

export interface AnalyzeOptions extends PipelineOptions {
  jobs: number;
  ingest: Partial<IngestOptions>;
  ctx: ComponentContext;
  /** Re-analyse even when the store already has this content analysed by this pipeline. */
  force?: boolean;
  store?: Store;
  /** Called for every article once it is analysed (or found unchanged), in input order. */
  onDoc?: (doc: Doc, status: ArticleStatus) => void | Promise<void>;
  /** Called for every failure as it happens. */
  onFailure?: (f: BatchFailure) => void;
  /** Called whenever an input has been dealt with (for progress bars). */
  onProgress?: (done: number) => void;
}

export type ArticleStatus = 'new' | 'updated' | 'unchanged' | 'analyzed';

export interface BatchFailure {
  input: string;
  reason: string;
}

export interface BatchStats {
  analyzed: number;
  unchanged: number;
  failed: number;
  failures: BatchFailure[];
  /** Count of annotations per layer over all analysed articles. */
  layerCounts: Record<string, number>;
  seconds: number;
  pipeline: string;
}

/** Bound on Docs in flight, so a folder of 100,000 files does not sit in memory at once. */
const MAX_IN_FLIGHT_PER_JOB = 8;

export async function analyzeBatch(inputs: string[], opts: AnalyzeOptions): Promise<BatchStats> {
  const t0 = performance.now();
  const pipeline = await Pipeline.create(opts.ctx, { only: opts.only, skip: opts.skip });
  const signature = pipeline.signature();
  const pool = opts.jobs > 1 ? await WorkerPool.start(opts.jobs, { ctx: opts.ctx, opts: { only: opts.only, skip: opts.skip } }) : undefined;
  if (!pool) await pipeline.load();

  const stats: BatchStats = { analyzed: 0, unchanged: 0, failed: 0, failures: [], layerCounts: {}, seconds: 0, pipeline: signature };
  let done = 0;
  const fail = (input: string, reason: string) => {
    const f = { input, reason };
    stats.failed++;
    stats.failures.push(f);
    opts.onFailure?.(f);
  };

  // Results are emitted in input order: a slot per input, flushed from the front as they complete.
  type Slot = { settled: boolean; doc?: Doc; status?: ArticleStatus };
  const slots: Slot[] = [];
  let flushed = 0;
  const flush = async () => {
    while (flushed < slots.length && slots[flushed].settled) {
      const s = slots[flushed];
      slots[flushed] = { settled: true }; // release the Doc
      flushed++;
      if (s.doc) await opts.onDoc?.(s.doc, s.status!);
    }
  };
  const inFlight = new Set<Promise<void>>();

  const finish = async (slot: Slot, input: string, work: Promise<Doc>) => {
    try {
      const doc = await work;
      let status: ArticleStatus = 'analyzed';
      if (opts.store) status = (await opts.store.saveAnalysis(doc, signature, { replace: opts.force })).status;
      for (const [name, layer] of Object.entries(doc.layers)) {
        if (Array.isArray(layer)) stats.layerCounts[name] = (stats.layerCounts[name] ?? 0) + layer.length;
      }
      stats.analyzed++;
      slot.doc = doc;
      slot.status = status;
    } catch (err) {
      fail(input, `analysis failed: ${(err as Error).message}`);
    }
    slot.settled = true;
    opts.onProgress?.(++done);
  };

  try {
    for await (const item of readInputs(inputs, opts.ingest)) {
      if (isFailure(item)) {
        fail(describeSource(item.source), item.reason);
        opts.onProgress?.(++done);
        continue;
      }
      const input = describeSource(item.source);
      let doc: Doc;
      try {
        doc = buildDoc(item);
      } catch (err) {
        fail(input, err instanceof IngestError ? err.reason : `cannot read: ${(err as Error).message}`);
        opts.onProgress?.(++done);
        continue;
      }
      const slot: Slot = { settled: false };
      slots.push(slot);
      if (opts.store && !opts.force) {
        const existing = await opts.store.hasAnalysis(doc.meta.contentHash, signature);
        if (existing) {
          const stored = await opts.store.getDoc(existing);
          if (stored) {
            stats.unchanged++;
            Object.assign(slot, { settled: true, doc: stored, status: 'unchanged' as const });
            opts.onProgress?.(++done);
            await flush();
            continue;
          }
        }
      }
      const work = pool ? pool.run(doc) : pipeline.run(doc);
      const p = finish(slot, input, work).then(flush);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      // Backpressure: in one thread, finish each doc before reading the next; with workers keep a few queued.
      const limit = pool ? opts.jobs * MAX_IN_FLIGHT_PER_JOB : 1;
      while (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await flush();
  } finally {
    await pool?.close();
  }
  stats.seconds = (performance.now() - t0) / 1000;
  return stats;
}
