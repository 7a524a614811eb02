/**
 * Outlet profiles: who published the article (from its URL or the record's outlet field) and which
 * outlets it names, with their ratings (factuality, bias, country, state affiliation, credibility) and
 * how often the imported knowledge base cites them.
 */
import type { Component, ComponentContext } from '../../nlp/pipeline.js';
import type { Doc } from '../../nlp/doc.js';
import type { OutletProfile } from './types.js';
import { registrableDomain } from '../../ingest/outlet.js';
import { normalizeDomain } from './import-media.js';
import { kbCasesFor, loadOutlets, type LoadedOutlets } from './profiles.js';
import { OutletStore } from '../../store/outlets-sqlite.js';
import { dataFingerprint } from '../../store/db.js';

const NAME = 'source';
const VERSION = '1.0.0';
const BY = `${NAME}@${VERSION}`;
const MAX_TEXT_OUTLETS = 5;

function profile(o: LoadedOutlets, domain: string, matchedBy: OutletProfile['matchedBy'], confidence: number, span?: { start: number; end: number }): OutletProfile {
  const r = o.store.get(domain);
  return {
    domain,
    name: r?.name,
    matchedBy,
    ...(span ?? {}),
    confidence: +confidence.toFixed(3),
    by: BY,
    factuality: r?.factuality,
    bias: r?.bias,
    country: r?.country,
    stateAffiliated: r?.stateAffiliated,
    credibility: r?.credibility,
    labels: r?.labels ?? {},
    kbCases: kbCasesFor(o, { domain, name: r?.name }),
  };
}

/** Domain for a record's outlet value: a domain or URL, else a known outlet name. */
function domainForName(o: LoadedOutlets, value: string): string | undefined {
  const asDomain = /^https?:/i.test(value) ? registrableDomain(value) : normalizeDomain(value);
  if (asDomain) return o.store.get(asDomain) ? asDomain : (registrableDomain(`http://${asDomain}`) ?? asDomain);
  const ds = o.byName.get(value.trim().toLowerCase());
  return ds?.length === 1 ? ds[0] : undefined;
}

export function outletProfiles(doc: Doc, o: LoadedOutlets): OutletProfile[] {
  const out: OutletProfile[] = [];
  const seen = new Set<string>();
  const url = doc.meta.url;
  const fromUrl = url ? registrableDomain(url) : undefined;
  if (fromUrl) {
    out.push(profile(o, fromUrl, 'url', o.store.get(fromUrl) ? 0.95 : 0.9));
    seen.add(fromUrl);
  }
  const rec = doc.meta.outlet;
  if (rec) {
    const d = domainForName(o, rec.value);
    if (d && !seen.has(d)) {
      out.push(profile(o, d, 'record', 0.9 * rec.confidence));
      seen.add(d);
    }
  }
  if (o.textPattern) {
    let named = 0;
    for (const m of doc.text.matchAll(o.textPattern)) {
      const d = o.aliasDomain.get(m[0]);
      if (!d || seen.has(d)) continue;
      seen.add(d);
      // A name in the text is often a source being quoted, not the publisher: lower confidence, more for
      // multi-word names (fewer accidental hits).
      out.push(profile(o, d, 'text', /\s/.test(m[0]) ? 0.6 : 0.45, { start: m.index!, end: m.index! + m[0].length }));
      if (++named >= MAX_TEXT_OUTLETS) break;
    }
  }
  return out;
}

export const component: Component = {
  name: NAME,
  version: VERSION,
  description: 'outlet profiles (MBFC / NELA-GT ratings) from the URL, the record, or outlet names in the text',
  needs: [],
  produces: ['outlet'],
  load(ctx: ComponentContext) {
    loadOutlets(ctx.dbPath);
  },
  dataVersion: (ctx: ComponentContext) => dataFingerprint(ctx.dbPath ? OutletStore.openReadonly(ctx.dbPath) : undefined),
  run(doc: Doc, ctx: ComponentContext) {
    const o = loadOutlets(ctx.dbPath);
    if (typeof o === 'string') {
      doc.layers.outlet = [];
      (doc.warnings ??= []).push({ by: BY, message: o });
      return;
    }
    doc.layers.outlet = outletProfiles(doc, o);
  },
};
