/**
 * The SQLite Store: articles de-duplicated by content hash, one analysis per (article, pipeline
 * signature) with the Doc as deflated JSON, component versions, flattened spans and an FTS5 index.
 * All statements are prepared once; each save is one transaction.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { Doc } from '../nlp/doc.js';
import { openDb, type Db } from './db.js';
import { migrate } from './migrate.js';
import { ARTICLE_MIGRATIONS } from './schema.js';
import { toFtsQuery } from './fts-query.js';
import { docEntityAliases, docSpanRows } from './spans.js';
import { groupEntities, type KeyArticleRow, type KeyNameRow } from './entity-groups.js';
import type { ArticleSummary, ComponentUsage, EntitySummary, SaveResult, SearchFilters, SearchHit, Store } from './types.js';
import '../analyzers/source/types.js';

const ENCODING = 'json+deflate';
/** Level 1: ~3x smaller than raw JSON at a fraction of the cost of level 6 (saving must keep up with analysis). */
const DEFLATE_LEVEL = 1;

export function encodeDoc(doc: Doc): Buffer {
  return deflateSync(Buffer.from(JSON.stringify(doc)), { level: DEFLATE_LEVEL });
}

export function decodeDoc(blob: Buffer, encoding: string, where: string): Doc {
  if (encoding !== ENCODING) throw new Error(`${where}: unknown Doc encoding '${encoding}'`);
  return JSON.parse(inflateSync(blob).toString('utf8')) as Doc;
}

/** What goes into the articles row; the outlet falls back to the outlet profile when meta has none. */
function articleFields(doc: Doc) {
  const m = doc.meta;
  const profile = doc.layers.outlet?.[0];
  return {
    title: m.title?.value ?? null,
    url: m.url ?? null,
    outlet: m.outlet?.value ?? profile?.name ?? profile?.domain ?? null,
    published: m.published?.value ?? null,
    retrieved: m.retrieved?.value ?? null,
    language: m.language?.value ?? null,
    source: m.source.path + (m.source.line ? `:${m.source.line}` : '') + (m.source.item !== undefined ? `#${m.source.item}` : ''),
  };
}

/** Escape LIKE wildcards so a user's outlet filter is matched literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

export class SqliteStore implements Store {
  readonly location: string;
  private readonly db: Db;
  private readonly q;

  constructor(path: string) {
    this.location = path;
    this.db = openDb(path);
    migrate(this.db, 'articles', ARTICLE_MIGRATIONS);
    const p = (sql: string) => this.db.prepare(sql);
    this.q = {
      byHash: p('SELECT seq, id FROM articles WHERE content_hash = ?'),
      byId: p('SELECT seq FROM articles WHERE id = ?'),
      insertArticle: p(`INSERT INTO articles (id, content_hash, title, url, outlet, published, retrieved, language, source, first_seen)
        VALUES (@id, @hash, @title, @url, @outlet, @published, @retrieved, @language, @source, @now)`),
      updateArticle: p(`UPDATE articles SET title = @title, url = @url, outlet = @outlet, published = @published,
        retrieved = @retrieved, language = @language WHERE seq = @seq`),
      analysisFor: p('SELECT id FROM analyses WHERE article_seq = ? AND pipeline = ?'),
      deleteAnalysisFor: p('DELETE FROM analyses WHERE article_seq = ? AND pipeline = ?'),
      hasAnalysis: p('SELECT a.id FROM articles a JOIN analyses n ON n.article_seq = a.seq WHERE a.content_hash = ? AND n.pipeline = ?'),
      insertAnalysis: p('INSERT INTO analyses (article_seq, pipeline, created_at, encoding, doc) VALUES (?, ?, ?, ?, ?)'),
      insertComponent: p('INSERT OR REPLACE INTO analysis_components (analysis_id, component, version, ms) VALUES (?, ?, ?, ?)'),
      deleteSpans: p('DELETE FROM spans WHERE article_seq = ?'),
      insertSpan: p(`INSERT INTO spans (article_seq, analysis_id, layer, "start", "end", label, confidence, "by", key, name)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      deleteAliases: p('DELETE FROM entity_aliases WHERE article_seq = ?'),
      insertAlias: p('INSERT INTO entity_aliases (article_seq, key, alias_key) VALUES (?, ?, ?)'),
      deleteFts: p('DELETE FROM articles_fts WHERE rowid = ?'),
      insertFts: p('INSERT INTO articles_fts (rowid, title, body, outlet) VALUES (?, ?, ?, ?)'),
      prefix: p('SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 6'),
      current: p(`SELECT n.encoding, n.doc FROM articles a JOIN analyses n ON n.article_seq = a.seq
        WHERE a.id = ? ORDER BY n.id DESC LIMIT 1`),
      page: p(`SELECT a.seq, a.id, (SELECT n.id FROM analyses n WHERE n.article_seq = a.seq ORDER BY n.id DESC LIMIT 1) AS nid
        FROM articles a WHERE a.seq > ? ORDER BY a.seq LIMIT ?`),
      docById: p('SELECT encoding, doc FROM analyses WHERE id = ?'),
      list: p(`SELECT a.id, a.title, a.outlet, a.published, a.language, a.source, n.created_at, n.pipeline
        FROM articles a JOIN analyses n ON n.id = (SELECT MAX(id) FROM analyses WHERE article_seq = a.seq)
        ORDER BY a.seq LIMIT ? OFFSET ?`),
    };
  }

  async hasAnalysis(contentHash: string, pipeline: string): Promise<string | undefined> {
    return (this.q.hasAnalysis.get(contentHash, pipeline) as { id: string } | undefined)?.id;
  }

  async saveAnalysis(doc: Doc, pipeline: string, opts: { replace?: boolean } = {}): Promise<SaveResult> {
    if (!doc.meta?.contentHash) throw new Error(`cannot store doc ${doc.id}: it has no content hash`);
    return this.db.transaction((): SaveResult => {
      const now = new Date().toISOString();
      const fields = articleFields(doc);
      const existing = this.q.byHash.get(doc.meta.contentHash) as { seq: number; id: string } | undefined;
      let seq: number;
      let status: SaveResult['status'];
      if (existing) {
        seq = existing.seq;
        // Same text seen again (maybe from another file): it is the same article.
        doc.id = existing.id;
        if (this.q.analysisFor.get(seq, pipeline)) {
          if (!opts.replace) return { articleId: existing.id, status: 'unchanged' };
          // Replacing (analyze --force): the new analysis takes the old one's place (its spans cascade).
          this.q.deleteAnalysisFor.run(seq, pipeline);
        }
        this.q.updateArticle.run({ ...fields, seq });
        this.q.deleteFts.run(seq);
        status = 'updated';
      } else {
        // An input record may reuse an id for different text (an edited article): keep both versions.
        if (this.q.byId.get(doc.id)) doc.id = `${doc.id}~${doc.meta.contentHash.slice(0, 8)}`;
        seq = Number(this.q.insertArticle.run({ ...fields, id: doc.id, hash: doc.meta.contentHash, now }).lastInsertRowid);
        status = 'new';
      }
      const analysisId = Number(this.q.insertAnalysis.run(seq, pipeline, now, ENCODING, encodeDoc(doc)).lastInsertRowid);
      for (const p of doc.provenance ?? []) this.q.insertComponent.run(analysisId, p.component, p.version, p.ms ?? null);
      this.q.deleteSpans.run(seq);
      // `?? null`: a layer item missing a field must not fail the save (better-sqlite3 rejects undefined).
      for (const r of docSpanRows(doc)) this.q.insertSpan.run(seq, analysisId, r.layer, r.start ?? null, r.end ?? null, r.label ?? null, r.confidence ?? null, r.by ?? null, r.key ?? null, r.name ?? null);
      this.q.deleteAliases.run(seq);
      for (const [key, alias] of docEntityAliases(doc)) this.q.insertAlias.run(seq, key, alias);
      this.q.insertFts.run(seq, fields.title ?? '', doc.text, fields.outlet ?? '');
      return { articleId: doc.id, status };
    })();
  }

  /** Resolve an id or a unique prefix of one; throws when the prefix is ambiguous. */
  resolveId(idOrPrefix: string): string | undefined {
    if (!idOrPrefix) return undefined;
    if (this.q.byId.get(idOrPrefix)) return idOrPrefix;
    const rows = this.q.prefix.all(idOrPrefix, idOrPrefix + '\uffff') as { id: string }[];
    if (rows.length > 1) {
      const shown = rows.slice(0, 5).map((r) => r.id).join(', ');
      throw new Error(`article id prefix '${idOrPrefix}' is ambiguous: it matches ${rows.length > 5 ? 'more than 5 articles' : `${rows.length} articles`} (${shown}${rows.length > 5 ? ', …' : ''})`);
    }
    return rows[0]?.id;
  }

  async getDoc(articleId: string): Promise<Doc | undefined> {
    const id = this.resolveId(articleId);
    if (!id) return undefined;
    const row = this.q.current.get(id) as { encoding: string; doc: Buffer } | undefined;
    return row ? decodeDoc(row.doc, row.encoding, `${this.location}: article ${id}`) : undefined;
  }

  async listArticles(opts: { limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
    const rows = this.q.list.all(opts.limit ?? -1, opts.offset ?? 0) as Record<string, string | null>[];
    return rows.map((r) => ({
      articleId: r.id!,
      title: r.title ?? undefined,
      outlet: r.outlet ?? undefined,
      published: r.published ?? undefined,
      language: r.language ?? undefined,
      source: r.source!,
      analyzedAt: r.created_at!,
      pipeline: r.pipeline!,
    }));
  }

  async *iterateDocs(): AsyncIterable<Doc> {
    // Paged by seq rather than one open cursor, so callers may write to the store while iterating.
    let after = 0;
    for (;;) {
      const page = this.q.page.all(after, 200) as { seq: number; id: string; nid: number | null }[];
      if (!page.length) return;
      for (const r of page) {
        after = r.seq;
        if (r.nid == null) continue;
        const row = this.q.docById.get(r.nid) as { encoding: string; doc: Buffer };
        yield decodeDoc(row.doc, row.encoding, `${this.location}: article ${r.id}`);
      }
    }
  }

  async search(query: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
    if (!query.trim()) throw new Error('empty search query');
    const where = ['articles_fts MATCH @query'];
    const params: Record<string, string | number> = { query: toFtsQuery(query), limit: filters.limit ?? 20 };
    if (filters.outlet) {
      where.push("(a.outlet LIKE @outlet ESCAPE '\\' OR a.url LIKE @outlet ESCAPE '\\')");
      params.outlet = `%${likeEscape(filters.outlet)}%`;
    }
    // Dates compare on the filter's own precision: --to 2021 keeps all of 2021.
    if (filters.from) {
      where.push('substr(a.published, 1, length(@from)) >= @from');
      params.from = filters.from;
    }
    if (filters.to) {
      where.push('substr(a.published, 1, length(@to)) <= @to');
      params.to = filters.to;
    }
    if (filters.language) {
      where.push('lower(a.language) = lower(@language)');
      params.language = filters.language;
    }
    // Title matches weigh most, then outlet, then body.
    const sql = `SELECT a.id, a.title, a.outlet, a.published, a.language, a.source,
        snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet, bm25(articles_fts, 10.0, 1.0, 2.0) AS rank
      FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
      WHERE ${where.join(' AND ')} ORDER BY rank LIMIT @limit`;
    let rows: Record<string, string | number | null>[];
    try {
      rows = this.db.prepare(sql).all(params) as typeof rows;
    } catch (err) {
      const msg = (err as Error).message;
      if (/fts5|syntax|no such column|unterminated|malformed MATCH/i.test(msg)) {
        throw new Error(`bad search query '${query}': ${msg} (words are ANDed; use "quotes" for phrases, OR, NOT, prefix*)`);
      }
      throw err;
    }
    return rows.map((r) => ({
      articleId: r.id as string,
      title: (r.title as string | null) ?? undefined,
      outlet: (r.outlet as string | null) ?? undefined,
      published: (r.published as string | null) ?? undefined,
      language: (r.language as string | null) ?? undefined,
      source: r.source as string,
      snippet: String(r.snippet ?? '').replace(/\s+/g, ' ').trim(),
      rank: r.rank as number,
    }));
  }

  async entities(opts: { type?: string; limit?: number } = {}): Promise<EntitySummary[]> {
    // Aggregated per (key, article) in SQL, then keys linked by aliases are merged in groupEntities().
    // One pass over the entity spans; names and labels are counted from the same rows.
    const rows = this.db
      .prepare(
        `SELECT s.key, s.article_seq AS article, s.label, s.name, COUNT(*) AS mentions, a.outlet
         FROM spans s JOIN articles a ON a.seq = s.article_seq
         WHERE s.layer = 'entities' AND s.key IS NOT NULL GROUP BY s.key, s.article_seq, s.label, s.name`,
      )
      .all() as (KeyArticleRow & { label: string | null; name: string | null })[];
    const names: KeyNameRow[] = rows.map((r) => ({ key: r.key, label: r.label, name: r.name, n: r.mentions }));
    const aliases = (this.db.prepare('SELECT DISTINCT key, alias_key FROM entity_aliases').raw().all() as [string, string][]);
    return groupEntities(rows, names, aliases, { type: opts.type, limit: opts.limit ?? 50 });
  }

  async components(): Promise<ComponentUsage[]> {
    return this.db
      .prepare(
        `SELECT c.component, c.version, COUNT(*) AS analyses,
           SUM(n.id = (SELECT MAX(id) FROM analyses WHERE article_seq = n.article_seq)) AS currentArticles
         FROM analysis_components c JOIN analyses n ON n.id = c.analysis_id
         GROUP BY c.component, c.version ORDER BY c.component, c.version`,
      )
      .all() as ComponentUsage[];
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
