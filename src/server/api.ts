/**
 * The JSON API (`narrascope serve`): the store, the knowledge base and the pipeline over HTTP, for
 * running narrascope as a service. Plain node:http with a small route table; every response is
 * JSON, every error is `{error}` with a status code that says what went wrong.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Store } from '../store/types.js';
import type { Pipeline } from '../nlp/pipeline.js';
import { KbStore } from '../store/kb-sqlite.js';
import { buildDoc, IngestError } from '../ingest/index.js';
import type { ArticleInput } from '../ingest/types.js';

export interface ApiOptions {
  store: Store;
  pipeline: Pipeline;
  dbPath: string;
  /** Largest accepted POST body in bytes. */
  maxBytes: number;
  version: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Handler = (req: IncomingMessage, url: URL, params: string[]) => Promise<unknown>;

function intParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(400, `query parameter '${name}' must be a whole number ≥ 0 (got '${raw}')`);
  return Math.min(n, max);
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, `request body over ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, 'request body is not valid UTF-8');
  }
}

/** A POST /api/analyze body: JSON {text|html, title?, url?, outlet?, published?, id?} or plain text. */
function toInput(body: string, contentType: string | undefined): ArticleInput {
  const source = { kind: 'inline' as const, path: 'api' };
  if (!contentType?.includes('json')) {
    if (!body.trim()) throw new HttpError(400, 'empty request body: send the article as text/plain or JSON {text|html, ...}');
    return { source, format: 'text', text: body };
  }
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(body) as Record<string, unknown>;
  } catch (err) {
    throw new HttpError(400, `request body is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new HttpError(400, 'JSON body must be one object {text|html, title?, url?, outlet?, published?, id?}');
  const str = (k: string) => (typeof rec[k] === 'string' ? (rec[k] as string) : undefined);
  const text = str('text');
  const html = str('html');
  if (!text && !html) throw new HttpError(400, "JSON body needs a non-empty 'text' or 'html' field");
  return { source, format: html && !text ? 'html' : 'json', text, html: text ? undefined : html, title: str('title'), url: str('url'), outlet: str('outlet'), published: str('published'), id: str('id') };
}

export function createApi(opts: ApiOptions): Server {
  let kb: KbStore | undefined | null = null; // null: not opened yet; undefined: no KB in the file
  const knowledgeBase = (): KbStore => {
    if (kb === null) kb = KbStore.openReadonly(opts.dbPath);
    if (!kb) throw new HttpError(404, `no knowledge base in ${opts.dbPath}: run \`narrascope kb import FILE\``);
    return kb;
  };
  // Analyses run one at a time: components are synchronous and share loaded models.
  let queue: Promise<unknown> = Promise.resolve();

  const routes: [string, RegExp, Handler][] = [
    ['GET', /^\/api\/?$/, async () => ({
      name: 'narrascope',
      version: opts.version,
      pipeline: opts.pipeline.signature(),
      endpoints: [
        'GET /api/articles?limit&offset',
        'GET /api/articles/:id',
        'GET /api/search?q&outlet&from&to&lang&limit',
        'GET /api/entities?type&limit',
        'GET /api/components',
        'GET /api/kb/search?q&limit',
        'GET /api/kb/cases/:id',
        'POST /api/analyze  (text/plain article, or JSON {text|html, title?, url?, outlet?, published?, id?}; ?store=false to skip storing)',
      ],
    })],
    ['GET', /^\/api\/articles\/?$/, async (_req, url) => opts.store.listArticles({ limit: intParam(url, 'limit', 50, 1000), offset: intParam(url, 'offset', 0, Number.MAX_SAFE_INTEGER) })],
    ['GET', /^\/api\/articles\/([^/]+)$/, async (_req, _url, [id]) => {
      const doc = await opts.store.getDoc(decodeURIComponent(id)).catch((err: Error) => {
        throw new HttpError(400, err.message);
      });
      if (!doc) throw new HttpError(404, `no article '${decodeURIComponent(id)}' in the store`);
      return doc;
    }],
    ['GET', /^\/api\/search\/?$/, async (_req, url) => {
      const q = url.searchParams.get('q');
      if (!q?.trim()) throw new HttpError(400, "query parameter 'q' is required");
      const p = url.searchParams;
      return opts.store
        .search(q, { outlet: p.get('outlet') ?? undefined, from: p.get('from') ?? undefined, to: p.get('to') ?? undefined, language: p.get('lang') ?? undefined, limit: intParam(url, 'limit', 20, 500) })
        .catch((err: Error) => {
          throw new HttpError(400, err.message);
        });
    }],
    ['GET', /^\/api\/entities\/?$/, async (_req, url) => opts.store.entities({ type: url.searchParams.get('type') ?? undefined, limit: intParam(url, 'limit', 50, 1000) })],
    ['GET', /^\/api\/components\/?$/, async () => opts.pipeline.components.map(({ name, version, description, needs, produces }) => ({ name, version, description, needs, produces }))],
    ['GET', /^\/api\/kb\/search\/?$/, async (_req, url) => {
      const q = url.searchParams.get('q');
      if (!q?.trim()) throw new HttpError(400, "query parameter 'q' is required");
      return knowledgeBase().search(q, intParam(url, 'limit', 20, 200));
    }],
    ['GET', /^\/api\/kb\/cases\/(.+)$/, async (_req, _url, [id]) => {
      const c = knowledgeBase().getCase(decodeURIComponent(id));
      if (!c) throw new HttpError(404, `no case '${decodeURIComponent(id)}' in the knowledge base`);
      return c;
    }],
    ['POST', /^\/api\/analyze\/?$/, async (req, url) => {
      const input = toInput(await readBody(req, opts.maxBytes), req.headers['content-type']);
      let doc;
      try {
        doc = buildDoc(input);
      } catch (err) {
        if (err instanceof IngestError) throw new HttpError(422, err.reason);
        throw err;
      }
      const run = queue.then(() => opts.pipeline.run(doc));
      queue = run.catch(() => undefined);
      const analysed = await run;
      const status = url.searchParams.get('store') === 'false' ? 'not stored' : (await opts.store.saveAnalysis(analysed, opts.pipeline.signature())).status;
      return { status, doc: analysed };
    }],
  ];

  return createServer((req, res: ServerResponse) => {
    const send = (status: number, body: unknown) => {
      const json = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    const matching = routes.filter(([, re]) => re.test(url.pathname));
    const route = matching.find(([method]) => method === req.method);
    if (!route) {
      if (matching.length) send(405, { error: `${req.method} not allowed on ${url.pathname} (use ${matching.map(([m]) => m).join(', ')})` });
      else send(404, { error: `no such endpoint: ${url.pathname} (see GET /api)` });
      return;
    }
    const params = route[1].exec(url.pathname)!.slice(1);
    route[2](req, url, params).then(
      (body) => send(200, body),
      (err: Error) => send(err instanceof HttpError ? err.status : 500, { error: err.message }),
    );
  });
}
