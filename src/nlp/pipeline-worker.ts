/** Worker-thread entry: builds the pipeline once, then analyzes the Docs it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { Pipeline } from './pipeline.js';
import type { Doc } from './doc.js';
import type { WorkerInit } from './worker-pool.js';

const init = workerData as WorkerInit;
const port = parentPort!;

try {
  const pipeline = await Pipeline.create(init.ctx, init.opts);
  await pipeline.load();
  port.postMessage({ id: -1, ready: true });
  port.on('message', async (m: { id: number; doc: Doc }) => {
    try {
      port.postMessage({ id: m.id, doc: await pipeline.run(m.doc) });
    } catch (err) {
      port.postMessage({ id: m.id, error: (err as Error).message });
    }
  });
} catch (err) {
  port.postMessage({ id: -1, error: `cannot start the pipeline: ${(err as Error).message}` });
}
