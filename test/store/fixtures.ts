/** Hand-built Docs for store and report tests (no analyzers needed). */
import { createHash } from 'node:crypto';
import type { Doc } from '../../src/nlp/doc.js';
import '../../src/analyzers/entities/types.js';
import '../../src/analyzers/quotes/types.js';
import '../../src/analyzers/claims/types.js';
import '../../src/analyzers/techniques/types.js';
import '../../src/analyzers/narratives/types.js';
import '../../src/analyzers/source/types.js';

export function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function plainDoc(text: string, meta: Partial<{ id: string; title: string; outlet: string; published: string; language: string; url: string }> = {}): Doc {
  const h = hash(text);
  return {
    schema: 'narrascope.doc/1',
    id: meta.id ?? h.slice(0, 16),
    text,
    meta: {
      source: { kind: 'file', path: `/tmp/${h.slice(0, 6)}.txt` },
      contentHash: h,
      format: 'text',
      ...(meta.title ? { title: { value: meta.title, method: 'first-line', confidence: 0.9 } } : {}),
      ...(meta.outlet ? { outlet: { value: meta.outlet, method: 'record', confidence: 1 } } : {}),
      ...(meta.published ? { published: { value: meta.published, method: 'record', confidence: 1 } } : {}),
      ...(meta.language ? { language: { value: meta.language, method: 'franc', confidence: 0.95 } } : {}),
      ...(meta.url ? { url: meta.url } : {}),
    },
    removed: [],
    layers: {},
    provenance: [{ component: 'tokens', version: '1.0.0', produces: ['sentences', 'tokens'], ms: 1 }],
  };
}

/** Offsets of the n-th occurrence of `needle` in `text`. */
export function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`'${needle}' not in text`);
  }
  return { start: i, end: i + needle.length };
}

/**
 * A fully annotated Doc: entities, quotes, claims, overlapping techniques, a loaded term,
 * a narrative match with labels, an outlet profile, warnings and removed furniture.
 * `hostile` puts markup into every text field to test escaping.
 */
export function richDoc(opts: { hostile?: boolean; id?: string } = {}): Doc {
  const evil = opts.hostile ? '<script>alert("x")</script><img src=x onerror=alert(1)>' : '';
  const title = `Ministry accuses the rescuers ${evil}`.trim();
  const text =
    `${title}\n\n` +
    `Moscow said on Friday that the White Helmets are a branch of the Nusra Front.\n\n` +
    `"These pseudo-humanitarian bullies stage provocations," the Foreign Ministry said. ${evil}\n\n` +
    `Maria Zakharova said the West must stop defending them & their sponsors.`;
  const d = plainDoc(text, { id: opts.id, title, outlet: opts.hostile ? `Evil <b>outlet</b>` : 'Example News', published: '2018-11-03', language: 'en', url: 'https://example.org/a?x=1&y=<2>' });
  const by = (c: string) => `${c}@0.1.0`;
  const wh = at(text, 'White Helmets');
  const nf = at(text, 'Nusra Front');
  const fm = at(text, 'Foreign Ministry');
  const mz = at(text, 'Maria Zakharova');
  const mo = at(text, 'Moscow');
  d.layers.entities = [
    { ...mo, label: 'LOC', text: 'Moscow', entity: 'e1', confidence: 0.9, by: by('entities') },
    { ...wh, label: 'ORG', text: 'White Helmets', entity: 'e2', confidence: 0.95, by: by('entities') },
    { ...nf, label: 'ORG', text: 'Nusra Front', entity: 'e3', confidence: 0.9, by: by('entities') },
    { ...fm, label: 'ORG', text: 'Foreign Ministry', entity: 'e4', confidence: 0.8, by: by('entities') },
    { ...mz, label: 'PER', text: 'Maria Zakharova', entity: 'e5', confidence: 0.97, by: by('entities') },
  ];
  d.layers.entityIndex = [
    { id: 'e1', key: 'loc:moscow', canonical: 'Moscow', label: 'LOC', aliases: [], mentions: [0], confidence: 0.9, by: by('entities') },
    { id: 'e2', key: 'org:white helmets', canonical: 'White Helmets', label: 'ORG', aliases: [], mentions: [1], confidence: 0.95, by: by('entities') },
    { id: 'e3', key: 'org:nusra front', canonical: 'Nusra Front', label: 'ORG', aliases: [], mentions: [2], confidence: 0.9, by: by('entities') },
    { id: 'e4', key: 'org:foreign ministry', canonical: 'Foreign Ministry', label: 'ORG', aliases: [], mentions: [3], confidence: 0.8, by: by('entities') },
    { id: 'e5', key: 'per:maria zakharova', canonical: 'Maria Zakharova', label: 'PER', aliases: ['Zakharova'], mentions: [4], confidence: 0.97, by: by('entities') },
  ];
  const qContent = at(text, 'These pseudo-humanitarian bullies stage provocations,');
  const qWhole = { start: qContent.start - 1, end: fm.end + ' said'.length };
  d.layers.quotes = [
    { ...qWhole, kind: 'direct', content: qContent, speaker: { entity: 'e4', name: 'Foreign Ministry', mention: fm, resolvedBy: 'name' }, cue: { text: 'said', span: { start: fm.end + 1, end: fm.end + 5 } }, confidence: 0.9, by: by('quotes') },
  ];
  const s2 = at(text, 'Moscow said on Friday that the White Helmets are a branch of the Nusra Front.');
  const s4 = at(text, 'Maria Zakharova said the West must stop defending them & their sponsors.');
  d.layers.claims = [
    { ...s2, speaker: { entity: 'e1', name: 'Moscow' }, about: ['e2', 'e3'], cues: ['named-entity', 'reported-speech'], confidence: 0.81, by: by('claims') },
    { ...s4, speaker: { entity: 'e5', name: 'Maria Zakharova' }, about: [], cues: ['reported-speech'], confidence: 0.4, by: by('claims') },
    { ...qContent, quote: 0, speaker: { entity: 'e4', name: 'Foreign Ministry' }, about: [], cues: ['quote'], confidence: 0.55, by: by('claims') },
  ];
  const bullies = at(text, 'pseudo-humanitarian bullies');
  d.layers.techniques = [
    // Overlapping spans of two techniques, and one nested inside another.
    { ...bullies, technique: 'Name_Calling,Labeling', features: [{ feature: 'word:bullies', weight: 1.7 }, { feature: 'pos:ADJ', weight: 0.3 }], confidence: 0.88, by: by('techniques') },
    { start: bullies.start + 7, end: at(text, 'provocations').end, technique: 'Loaded_Language', features: [{ feature: 'word:provocations', weight: 1.1 }], confidence: 0.64, by: by('techniques') },
    { ...at(text, 'a branch of the Nusra Front'), technique: 'Name_Calling,Labeling', features: [], confidence: 0.5, by: by('techniques') },
  ];
  d.layers.loadedBaseline = [{ ...at(text, 'bullies'), term: 'bullies', lexiconScore: 0.9, confidence: 0.7, by: by('loaded-baseline') }];
  d.layers.narratives = [
    { ...s2, caseId: 'case-123', caseUrl: 'https://example.org/case-123', claim: `The White Helmets are terrorists ${evil}`.trim(), date: '2018-05-02', keywords: ['White Helmets', 'Terrorism'], disproof: `No evidence supports this ${evil}`.trim(), score: 2.4, via: ['fts', 'entities'], confidence: 0.83, by: by('narratives') },
  ];
  d.layers.narrativeLabels = [{ label: 'White Helmets', confidence: 0.83, by: by('narratives'), cases: ['case-123'], evidence: [s2] }];
  d.layers.outlet = [{ domain: 'example.org', name: 'Example News', matchedBy: 'url', confidence: 1, by: by('source'), factuality: 'low', bias: 'right', country: 'Russia', stateAffiliated: true, labels: { 'nela:open-sources:state': '1' }, kbCases: 12 }];
  d.removed = [
    { text: `Listen Live ${evil}`.trim(), line: 2, reasons: ['widget-label', 'short-no-verb'], score: 0.93, at: title.length + 1 },
    { text: 'READ MORE: something else', line: 9, reasons: ['read-more'], score: 1, at: s2.end },
  ];
  d.warnings = [{ by: by('narratives'), message: `knowledge base is 30 days old ${evil}`.trim() }];
  d.provenance.push({ component: 'entities', version: '0.1.0', produces: ['entities', 'entityIndex'], ms: 3 }, { component: 'techniques', version: '0.1.0', produces: ['techniques'], ms: 5 });
  return d;
}
