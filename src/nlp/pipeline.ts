/**
 * The analysis pipeline: an ordered list of components, each reading some layers of a Doc
 * and adding others (spaCy-style). Components are discovered from `src/analyzers/<name>/index.ts`
 * (each exports `component` or `components`), so adding an analyzer means adding a folder.
 */
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Doc } from './doc.js';

export interface ComponentContext {
  /** Directory holding committed model artifacts (repo `models/`). */
  modelsDir: string;
  /**
   * SQLite file of the current run, for components that read the knowledge base or outlet table.
   * Components open their own read-only connection in load(), so they also work in worker threads.
   */
  dbPath?: string;
  /** Free-form settings from the command line, e.g. {aliases: 'my-aliases.tsv'}. */
  settings?: Record<string, string>;
}

export interface Component {
  /** Stable name, used by --only/--skip and recorded in provenance. */
  name: string;
  /** Bumped whenever outputs can change (model retrained, rules edited). */
  version: string;
  /** One line for `narrascope components`. */
  description: string;
  /** Layers that must exist before this component runs. */
  needs: string[];
  /** Layers this component adds. */
  produces: string[];
  /** Lower runs first among components whose needs are met at the same time (default 100). */
  order?: number;
  /** Load models once per process; called before the first run. */
  load?(ctx: ComponentContext): Promise<void> | void;
  /**
   * A short fingerprint of imported data the output depends on besides the code and models (e.g. the
   * knowledge base). It joins the pipeline signature, so importing new cases makes stored analyses
   * stale instead of 'unchanged'.
   */
  dataVersion?(ctx: ComponentContext): string | undefined;
  run(doc: Doc, ctx: ComponentContext): Promise<void> | void;
}

export interface PipelineOptions {
  only?: string[];
  skip?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
/** dist/src/nlp -> dist/src/analyzers (or src/nlp -> src/analyzers under tsx). */
export const analyzersDir = join(here, '..', 'analyzers');

/** Import every analyzer folder's index and collect its components. */
export async function discoverComponents(dir = analyzersDir): Promise<Component[]> {
  const found: Component[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const index = ['index.js', 'index.ts'].map((f) => join(dir, entry.name, f)).find((f) => existsSync(f));
    if (!index) continue;
    const mod = (await import(pathToFileURL(index).href)) as { component?: Component; components?: Component[] };
    if (mod.component) found.push(mod.component);
    if (mod.components) found.push(...mod.components);
  }
  return found;
}

/**
 * Order components so each runs after the producers of what it needs.
 * Throws when a needed layer has no producer or the needs form a cycle.
 */
export function orderComponents(components: Component[]): Component[] {
  const producers = new Map<string, Component>();
  for (const c of components) for (const layer of c.produces) producers.set(layer, c);
  const done = new Set<string>();
  const ordered: Component[] = [];
  let pending = [...components];
  while (pending.length) {
    const ready = pending.filter((c) => c.needs.every((n) => done.has(n)));
    if (!ready.length) {
      const c = pending[0];
      const missing = c.needs.filter((n) => !done.has(n));
      const why = missing.map((n) => (producers.has(n) ? `'${n}' (cycle through ${producers.get(n)!.name})` : `'${n}' (no component produces it)`));
      throw new Error(`component '${c.name}' cannot run: needs ${why.join(', ')}`);
    }
    ready.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.name.localeCompare(b.name));
    // Take one at a time so a lower-order component that becomes ready later still runs early.
    const next = ready[0];
    ordered.push(next);
    for (const l of next.produces) done.add(l);
    pending = pending.filter((c) => c !== next);
  }
  return ordered;
}

/**
 * Apply --only / --skip. --only keeps the named components plus whatever they need, transitively,
 * so `--only techniques` still tokenizes.
 */
export function selectComponents(all: Component[], opts: PipelineOptions = {}): Component[] {
  const byName = new Map(all.map((c) => [c.name, c]));
  for (const n of [...(opts.only ?? []), ...(opts.skip ?? [])]) {
    if (!byName.has(n)) throw new Error(`unknown component '${n}' (known: ${[...byName.keys()].join(', ')})`);
  }
  let chosen = all;
  if (opts.only?.length) {
    const producers = new Map<string, Component>();
    for (const c of all) for (const l of c.produces) producers.set(l, c);
    const keep = new Set<Component>();
    const visit = (c: Component) => {
      if (keep.has(c)) return;
      keep.add(c);
      for (const n of c.needs) {
        const p = producers.get(n);
        if (p) visit(p);
      }
    };
    for (const n of opts.only) visit(byName.get(n)!);
    chosen = all.filter((c) => keep.has(c));
  }
  if (opts.skip?.length) {
    const skip = new Set(opts.skip);
    chosen = chosen.filter((c) => !skip.has(c.name));
    // Skipping a producer also skips what depends on it, rather than failing the whole run.
    let changed = true;
    while (changed) {
      changed = false;
      const produced = new Set(chosen.flatMap((c) => c.produces));
      const next = chosen.filter((c) => c.needs.every((n) => produced.has(n)));
      if (next.length !== chosen.length) {
        chosen = next;
        changed = true;
      }
    }
  }
  return orderComponents(chosen);
}

export class Pipeline {
  private loaded = false;
  private sig?: string;
  constructor(
    readonly components: Component[],
    readonly ctx: ComponentContext,
  ) {}

  static async create(ctx: ComponentContext, opts: PipelineOptions = {}): Promise<Pipeline> {
    const all = await discoverComponents();
    return new Pipeline(selectComponents(all, opts), ctx);
  }

  async load(): Promise<void> {
    if (this.loaded) return;
    for (const c of this.components) await c.load?.(this.ctx);
    this.loaded = true;
  }

  /** Run every component on the doc, recording provenance. */
  async run(doc: Doc): Promise<Doc> {
    await this.load();
    for (const c of this.components) {
      const t0 = performance.now();
      await c.run(doc, this.ctx);
      doc.provenance.push({ component: c.name, version: c.version, produces: c.produces, ms: +(performance.now() - t0).toFixed(3) });
    }
    return doc;
  }

  /** "name@version[+data]" for every component: what an analysis was produced with. */
  signature(): string {
    this.sig ??= this.components
      .map((c) => {
        const data = c.dataVersion?.(this.ctx);
        return `${c.name}@${c.version}${data ? `+${data}` : ''}`;
      })
      .join(',');
    return this.sig;
  }
}
