/**
 * Runs the analysis pipeline on Docs in worker threads (`analyze --jobs N`). Each worker builds its
 * own Pipeline (models load once per worker); the main thread keeps ingestion, the store and reports.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Doc } from './doc.js';
import type { ComponentContext, PipelineOptions } from './pipeline.js';

export interface WorkerInit {
  ctx: ComponentContext;
  opts: PipelineOptions;
}

interface Job {
  id: number;
  doc: Doc;
  resolve: (doc: Doc) => void;
  reject: (err: Error) => void;
}

type Reply = { id: number; doc?: Doc; error?: string; ready?: boolean };

const workerFile = join(dirname(fileURLToPath(import.meta.url)), 'pipeline-worker.js');

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 0;
  private failure?: Error;

  private constructor() {}

  static async start(size: number, init: WorkerInit): Promise<WorkerPool> {
    const pool = new WorkerPool();
    await Promise.all(
      Array.from({ length: size }, async () => {
        const w = new Worker(workerFile, { workerData: init });
        await new Promise<void>((resolve, reject) => {
          const onMsg = (m: Reply) => {
            if (m.ready) {
              w.off('message', onMsg);
              resolve();
            } else if (m.error) reject(new Error(m.error));
          };
          w.on('message', onMsg);
          w.once('error', reject);
        });
        w.on('message', (m: Reply) => pool.onReply(w, m));
        w.on('error', (err) => pool.onCrash(w, err));
        pool.workers.push(w);
        pool.idle.push(w);
      }),
    );
    return pool;
  }

  /** Analyze one doc on the next free worker. */
  run(doc: Doc): Promise<Doc> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, doc, resolve, reject });
      this.pump();
    });
  }

  /** Jobs queued or running: callers use it to bound memory. */
  get pending(): number {
    return this.queue.length + this.running.size;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      w.postMessage({ id: job.id, doc: job.doc });
    }
  }

  private onReply(w: Worker, m: Reply): void {
    const job = this.running.get(w);
    if (!job) return;
    this.running.delete(w);
    this.idle.push(w);
    if (m.error) job.reject(new Error(m.error));
    else job.resolve(m.doc!);
    this.pump();
  }

  private onCrash(w: Worker, err: Error): void {
    // A crashed worker takes its job with it; fail that job and everything queued, clearly.
    this.failure = new Error(`analysis worker crashed: ${err.message}`);
    this.running.get(w)?.reject(this.failure);
    this.running.delete(w);
    for (const job of this.queue.splice(0)) job.reject(this.failure);
  }
}
