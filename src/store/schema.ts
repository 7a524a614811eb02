/**
 * Migration steps of the 'articles' namespace (see migrate.ts). Append new steps; never edit a
 * step that has shipped, because existing files have already run it.
 */
export const ARTICLE_MIGRATIONS: string[] = [
  // 1: articles, analyses (one per article × pipeline signature), component versions, spans, FTS.
  `
  CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,          -- stable rowid (joins the FTS index; survives VACUUM)
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    url TEXT,
    outlet TEXT,
    published TEXT,
    retrieved TEXT,
    language TEXT,
    source TEXT NOT NULL,
    first_seen TEXT NOT NULL
  );
  CREATE INDEX articles_published ON articles(published);
  CREATE INDEX articles_outlet ON articles(outlet);

  CREATE TABLE analyses (
    id INTEGER PRIMARY KEY,
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    pipeline TEXT NOT NULL,
    created_at TEXT NOT NULL,
    encoding TEXT NOT NULL,           -- 'json+deflate' (room for other encodings later)
    doc BLOB NOT NULL,
    UNIQUE (article_seq, pipeline)
  );
  CREATE INDEX analyses_current ON analyses(article_seq, id);

  CREATE TABLE analysis_components (
    analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    component TEXT NOT NULL,
    version TEXT NOT NULL,
    ms REAL,
    PRIMARY KEY (analysis_id, component)
  );
  CREATE INDEX analysis_components_cv ON analysis_components(component, version);

  -- Annotations of the current analysis of each article, flattened for queries across the store.
  CREATE TABLE spans (
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    layer TEXT NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    label TEXT,
    confidence REAL,
    "by" TEXT,
    key TEXT,
    name TEXT                          -- readable name: entity canonical, speaker, case claim...
  );
  CREATE INDEX spans_article ON spans(article_seq);
  CREATE INDEX spans_layer_key ON spans(layer, key);
  CREATE INDEX spans_layer_label ON spans(layer, label);

  CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, outlet,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  `,
  // 2: the other keys each entity's names map to (Entity.aliasKeys), so `entities` can merge
  // groups whose most-used names differ across articles.
  `
  CREATE TABLE entity_aliases (
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    key TEXT NOT NULL,
    alias_key TEXT NOT NULL
  );
  CREATE INDEX entity_aliases_article ON entity_aliases(article_seq);
  `,
];
