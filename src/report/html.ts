/**
 * The HTML report: one self-contained page (inline CSS and JS, no network) with a batch overview
 * and, per article, the text with highlighted layers, who says what, narrative matches, the outlet
 * profile, warnings and the removed page furniture. Every piece of article text is escaped, and a
 * Content-Security-Policy with a per-page nonce stops any markup that slipped through from running
 * or loading anything.
 */
import { randomBytes } from 'node:crypto';
import type { Doc, Found } from '../nlp/doc.js';
import { TECHNIQUES } from '../analyzers/techniques/types.js';
import '../analyzers/entities/types.js';
import '../analyzers/quotes/types.js';
import '../analyzers/claims/types.js';
import '../analyzers/narratives/types.js';
import '../analyzers/source/types.js';
import { escapeHtml as esc, renderHighlighted, type Highlight } from './highlight.js';
import { whoSaysWhat } from './speakers.js';
import { displayTitle } from './title.js';

export interface HtmlBatchInfo {
  failures: { input: string; reason: string }[];
  generatedAt: string;
  pipeline: string;
}

/** Highlightable layers in toolbar order, with their underline lane (0 = background). */
const LAYERS = [
  { name: 'techniques', label: 'Techniques', lane: 0 },
  { name: 'entities', label: 'Entities', lane: 1 },
  { name: 'quotes', label: 'Quotes', lane: 2 },
  { name: 'claims', label: 'Claims', lane: 3 },
  { name: 'narratives', label: 'Narrative evidence', lane: 4 },
  { name: 'loadedBaseline', label: 'Loaded terms (baseline)', lane: 5 },
] as const;

const ENTITY_COLORS: Record<string, string> = { PER: '#1f6fb4', ORG: '#8e44ad', LOC: '#1e8f3a', MISC: '#7a7a7a' };
const techniqueIndex = (t: string) => (TECHNIQUES as readonly string[]).indexOf(t);
// A fixed categorical palette (in TECHNIQUES order): the two most frequent techniques, Loaded
// Language and Name Calling, get the most distinct colors (orange, magenta).
const TECHNIQUE_COLORS = ['#4e79a7', '#e15759', '#76b7b2', '#b07aa1', '#59a14f', '#9c755f', '#edc948', '#17becf', '#f28e2b', '#d37295', '#bab0ac', '#bcbd22', '#8cd17d', '#a0cbe8'];
const techniqueBg = (i: number) => {
  const hex = TECHNIQUE_COLORS[i % TECHNIQUE_COLORS.length];
  return `rgba(${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)},.38)`;
};
const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '?');
const num = (x: number | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(2) : '?');
const readable = (t: string) => t.replace(/_/g, ' ').replace(/,/g, ', ');
const safeHref = (u: string | undefined) => (u && /^https?:\/\//i.test(u) ? u : undefined);
const link = (u: string | undefined, label: string) => {
  const h = safeHref(u);
  return h ? `<a href="${esc(h)}" rel="noopener noreferrer nofollow" target="_blank">${esc(label)}</a>` : esc(label);
};

function docHighlights(doc: Doc, n: number): Highlight[] {
  const L = doc.layers;
  const hs: Highlight[] = [];
  (L.techniques ?? []).forEach((t) => {
    const i = techniqueIndex(t.technique);
    const feats = t.features?.length ? `\nfeatures: ${t.features.slice(0, 5).map((f) => `${f.feature} (${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(2)})`).join(', ')}` : '';
    hs.push({ start: t.start, end: t.end, lane: 0, cls: `l-techniques tq-${i < 0 ? 'x' : i}`, title: `${readable(t.technique)} · confidence ${pct(t.confidence)} · ${t.by}${feats}` });
  });
  const ents = new Map((L.entityIndex ?? []).map((e) => [e.id, e]));
  (L.entities ?? []).forEach((m) => {
    const e = ents.get(m.entity);
    hs.push({ start: m.start, end: m.end, lane: 1, cls: `l-entities ent-${/^(PER|ORG|LOC|MISC)$/.test(m.label) ? m.label : 'MISC'}`, title: `${m.label} · ${e ? `${e.canonical} (${e.key})` : m.text} · confidence ${pct(m.confidence)} · ${m.by}` });
  });
  (L.quotes ?? []).forEach((q) => {
    hs.push({ start: q.content.start, end: q.content.end, lane: 2, cls: 'l-quotes', title: `quote (${q.kind})${q.speaker ? ` by ${q.speaker.name} [${q.speaker.resolvedBy}]` : ', speaker unknown'}${q.cue ? ` · cue “${q.cue.text}”` : ''} · confidence ${pct(q.confidence)} · ${q.by}` });
  });
  (L.claims ?? []).forEach((c) => {
    hs.push({ start: c.start, end: c.end, lane: 3, cls: 'l-claims', title: `claim · check-worthiness ${pct(c.confidence)}${c.speaker ? ` · said by ${c.speaker.name}` : ''}${c.cues?.length ? ` · cues: ${c.cues.join(', ')}` : ''} · ${c.by}` });
  });
  (L.narratives ?? []).forEach((m, i) => {
    hs.push({ start: m.start, end: m.end, lane: 4, cls: 'l-narratives', anchor: `n${n}-${i}`, title: `narrative ${m.caseId}: ${m.claim} · score ${num(m.score)} · confidence ${pct(m.confidence)} · ${m.by}` });
  });
  (L.loadedBaseline ?? []).forEach((t) => {
    hs.push({ start: t.start, end: t.end, lane: 5, cls: 'l-loadedBaseline', title: `loaded term “${t.term}” (lexicon baseline) · lexicon score ${num(t.lexiconScore)} · confidence ${pct(t.confidence)} · ${t.by}` });
  });
  return hs;
}

const found = (f: Found<string> | undefined) =>
  f ? `${esc(f.value)} <span class="how" title="${esc(f.evidence ? `from: ${f.evidence}` : '')}">(${esc(f.method)}${f.confidence < 1 ? `, ${pct(f.confidence)}` : ''})</span>` : '<span class="none">—</span>';

function metaBlock(doc: Doc): string {
  const m = doc.meta;
  const src = m.source.path + (m.source.line ? `:${m.source.line}` : '') + (m.source.item !== undefined ? ` #${m.source.item}` : '');
  const rows: [string, string][] = [
    ['Outlet', found(m.outlet)],
    ['Published', found(m.published)],
    ['Retrieved', found(m.retrieved)],
    ['Language', found(m.language)],
    ['URL', m.url ? link(m.url, m.url) : '<span class="none">—</span>'],
    ['Source', `${esc(src)} (${esc(m.format)})`],
    ['Id', `<code>${esc(doc.id)}</code>`],
    ['Length', `${doc.text.length.toLocaleString('en')} characters, ${doc.removed.length} furniture line${doc.removed.length === 1 ? '' : 's'} removed`],
    ['Pipeline', esc(doc.provenance.map((p) => `${p.component}@${p.version}`).join(', '))],
  ];
  return `<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function quoteText(doc: Doc, s: { start: number; end: number }, max = 400): string {
  const t = doc.text.slice(s.start, s.end);
  return esc(t.length > max ? t.slice(0, max) + '…' : t);
}

function speakersBlock(doc: Doc): string {
  const speakers = whoSaysWhat(doc);
  const unattributed = (doc.layers.claims ?? []).filter((c) => !c.speaker).sort((a, b) => b.confidence - a.confidence);
  if (!speakers.length && !unattributed.length) return '';
  let h = '<h3>Who says what</h3>';
  if (speakers.length) {
    h += '<table class="who"><thead><tr><th>Speaker</th><th>Kind</th><th>What</th><th>Confidence</th></tr></thead><tbody>';
    for (const s of speakers) {
      s.items.forEach((it, i) => {
        h += `<tr>${i === 0 ? `<td rowspan="${s.items.length}" class="speaker">${esc(s.name)}</td>` : ''}<td>${it.kind}${it.detail ? `<div class="how">${esc(it.detail)}</div>` : ''}</td><td>${quoteText(doc, it)}</td><td>${pct(it.confidence)}</td></tr>`;
      });
    }
    h += '</tbody></table>';
  }
  if (unattributed.length) {
    h += `<details class="claims"><summary>Claims without a speaker (${unattributed.length})</summary><table><thead><tr><th>Claim</th><th>Check-worthiness</th><th>Cues</th></tr></thead><tbody>`;
    for (const c of unattributed) h += `<tr><td>${quoteText(doc, c)}</td><td>${pct(c.confidence)}</td><td>${esc((c.cues ?? []).join(', '))}</td></tr>`;
    h += '</tbody></table></details>';
  }
  return h;
}

function narrativesBlock(doc: Doc, n: number): string {
  const ms = (doc.layers.narratives ?? []).map((m, i) => ({ m, i })).sort((a, b) => b.m.score - a.m.score);
  const labels = doc.layers.narrativeLabels ?? [];
  if (!ms.length && !labels.length) return '';
  let h = '<h3>Known narratives</h3>';
  if (labels.length) h += `<p class="labels">${labels.map((l) => `<span class="tag" title="${esc(`${(l.cases ?? []).length} case(s): ${(l.cases ?? []).join(', ')} · ${l.by}`)}">${esc(l.label)} ${pct(l.confidence)}</span>`).join(' ')}</p>`;
  if (ms.length) {
    h += '<table class="narr"><thead><tr><th>Score</th><th>Case</th><th>Evidence in this article</th><th>Keywords</th><th>Disproof</th></tr></thead><tbody>';
    for (const { m, i } of ms) {
      h += `<tr><td>${num(m.score)}<div class="how">conf. ${pct(m.confidence)}<br>via ${esc((m.via ?? []).join(', '))}</div></td>`;
      h += `<td>${link(m.caseUrl, m.caseId)}${m.date ? ` <span class="how">${esc(m.date)}</span>` : ''}<div class="claim">${esc(m.claim)}</div></td>`;
      h += `<td><a class="jump" href="#n${n}-${i}">↧</a> <mark class="evidence">${quoteText(doc, m)}</mark></td>`;
      h += `<td>${esc((m.keywords ?? []).join(', '))}</td><td class="disproof">${m.disproof ? esc(m.disproof) : '<span class="none">—</span>'}</td></tr>`;
    }
    h += '</tbody></table>';
  }
  return h;
}

function outletBlock(doc: Doc): string {
  const os = doc.layers.outlet ?? [];
  if (!os.length) return '';
  let h = '<h3>Outlet profile</h3>';
  for (const o of os) {
    const rows: [string, string | undefined][] = [
      ['Outlet', `${esc(o.name ?? o.domain)} <code>${esc(o.domain)}</code> <span class="how">(matched by ${esc(o.matchedBy)}, ${pct(o.confidence)}, ${esc(o.by)})</span>`],
      ['Factuality', o.factuality && esc(o.factuality)],
      ['Bias', o.bias && esc(o.bias)],
      ['Country', o.country && esc(o.country)],
      ['State-affiliated', o.stateAffiliated === undefined ? undefined : o.stateAffiliated ? 'yes' : 'no'],
      ['Credibility', o.credibility && esc(o.credibility)],
      ['Knowledge-base cases', o.kbCases !== undefined ? String(o.kbCases) : undefined],
      ['Other labels', Object.keys(o.labels ?? {}).length ? Object.entries(o.labels).map(([k, v]) => `${esc(k)}: ${esc(v)}`).join('; ') : undefined],
    ];
    h += `<dl class="meta outlet">${rows.filter(([, v]) => v !== undefined).map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
  }
  return h;
}

function entitiesBlock(doc: Doc): string {
  const es = [...(doc.layers.entityIndex ?? [])].sort((a, b) => (b.mentions?.length ?? 0) - (a.mentions?.length ?? 0));
  if (!es.length) return '';
  let h = `<details class="entities"><summary>Entities (${es.length})</summary><table><thead><tr><th>Entity</th><th>Type</th><th>Mentions</th><th>Also called</th><th>Key</th></tr></thead><tbody>`;
  for (const e of es) h += `<tr><td><span class="sw ent-${esc(e.label)}"></span>${esc(e.canonical)}</td><td>${esc(e.label)}</td><td>${e.mentions?.length ?? 0}</td><td>${esc((e.aliases ?? []).join(', '))}</td><td><code>${esc(e.key)}</code></td></tr>`;
  return h + '</tbody></table></details>';
}

function removedBlock(doc: Doc): string {
  if (!doc.removed.length) return '';
  let h = `<details class="removed"><summary>Removed page furniture (${doc.removed.length} line${doc.removed.length === 1 ? '' : 's'})</summary><table><thead><tr><th>Line</th><th>Removed text</th><th>Reasons</th><th>Score</th></tr></thead><tbody>`;
  for (const r of doc.removed) h += `<tr><td>${r.line}</td><td class="rtext">${esc(r.text)}</td><td>${esc((r.reasons ?? []).join(', '))}</td><td>${num(r.score)}</td></tr>`;
  return h + '</tbody></table></details>';
}

const count = (doc: Doc, layer: string) => {
  const v = (doc.layers as Record<string, unknown>)[layer];
  return Array.isArray(v) ? v.length : undefined;
};
const anchorOf = (doc: Doc, n: number) => `a${n}-${doc.id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}`;

function articleSection(doc: Doc, n: number): string {
  const title = displayTitle(doc);
  const present = LAYERS.filter((l) => count(doc, l.name) !== undefined).map((l) => `${l.label.toLowerCase()} ${count(doc, l.name)}`);
  let h = `<section class="article" id="${anchorOf(doc, n)}"><h2>${esc(title)}</h2>${metaBlock(doc)}`;
  if (doc.warnings?.length) h += `<ul class="warnings">${doc.warnings.map((w) => `<li>⚠ ${esc(w.message)} <span class="how">(${esc(w.by)})</span></li>`).join('')}</ul>`;
  h += `<p class="how">${present.length ? esc(present.join(' · ')) : 'no highlightable layers were computed'}</p>`;
  h += `<div class="text">${renderHighlighted(doc.text, docHighlights(doc, n))}</div>`;
  h += speakersBlock(doc) + narrativesBlock(doc, n) + outletBlock(doc) + entitiesBlock(doc) + removedBlock(doc);
  return h + '<p class="top"><a href="#overview">↑ overview</a></p></section>';
}

function overview(docs: Doc[]): string {
  const cols = ['techniques', 'entities', 'quotes', 'claims', 'narratives'];
  let h = `<table class="overview" id="overview"><thead><tr><th>#</th><th>Title</th><th>Outlet</th><th>Date</th>${cols.map((c) => `<th>${c}</th>`).join('')}<th>warnings</th></tr></thead><tbody>`;
  docs.forEach((d, n) => {
    h += `<tr><td>${n + 1}</td><td><a href="#${anchorOf(d, n)}">${esc(displayTitle(d))}</a></td><td>${esc(d.meta.outlet?.value ?? d.layers.outlet?.[0]?.name ?? d.layers.outlet?.[0]?.domain ?? '—')}</td><td class="date">${esc((d.meta.published?.value ?? '—').slice(0, 10))}</td>`;
    h += cols.map((c) => `<td class="num">${count(d, c) ?? '<span class="none">–</span>'}</td>`).join('') + `<td class="num">${d.warnings?.length ?? 0}</td></tr>`;
  });
  return h + '</tbody></table>';
}

function legend(docs: Doc[]): string {
  const used = new Set<number>();
  for (const d of docs) for (const t of d.layers.techniques ?? []) used.add(techniqueIndex(t.technique));
  const items: string[] = [];
  // Each technique in the legend is also a switch for that technique alone.
  for (const i of [...used].sort((a, b) => a - b)) {
    const c = `tq-${i < 0 ? 'x' : i}`;
    items.push(`<label class="lg" title="show/hide this technique"><input type="checkbox" data-technique="${c}" checked><span class="sw ${c}"></span>${esc(i < 0 ? 'other technique' : readable(TECHNIQUES[i]))}</label>`);
  }
  if (docs.some((d) => d.layers.entities?.length)) for (const l of Object.keys(ENTITY_COLORS)) items.push(`<span class="lg"><span class="sw ul ent-${l}"></span>${l}</span>`);
  const ul: [string, string][] = [['quotes', 'quote'], ['claims', 'claim'], ['narratives', 'narrative evidence'], ['loadedBaseline', 'loaded term']];
  for (const [layer, label] of ul) if (docs.some((d) => count(d, layer))) items.push(`<span class="lg"><span class="sw ul l-${layer}"></span>${label}</span>`);
  return `<div class="legend" id="legend">${items.join('')}</div>`;
}

const CSS = `
:root{--fg:#1d1d1f;--muted:#6b6b70;--line:#ddd;--bg:#fff;--soft:#f6f6f8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:1100px;margin:0 auto;padding:0 20px}
h1{font-size:22px;margin:18px 0 4px} h2{font-size:19px;margin:0 0 8px} h3{font-size:15px;margin:18px 0 6px}
.how,.none{color:var(--muted);font-size:12px}
.toolbar{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);padding:8px 20px}
.toolbar .inner{max-width:1060px;margin:0 auto;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}
.toolbar label{font-size:13px;white-space:nowrap;cursor:pointer}
.legend{max-width:1060px;margin:4px auto 0;display:flex;flex-wrap:wrap;gap:4px 12px;font-size:12px}
.lg{white-space:nowrap}
.sw{display:inline-block;width:14px;height:10px;margin-right:4px;vertical-align:baseline;border-radius:2px}
.sw.ul{background:none;border-radius:0;height:8px;border-bottom-width:3px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600} td.num{text-align:right} td.date{white-space:nowrap}
.article{border-top:3px solid var(--fg);margin:28px 0;padding-top:12px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px;font-size:13px}
dl.meta dt{color:var(--muted)} dl.meta dd{margin:0;overflow-wrap:anywhere}
.warnings{background:#fff4e5;border-left:4px solid #e69500;padding:6px 10px 6px 26px;font-size:13px}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:16px/2.6 Georgia,"Times New Roman",serif;background:var(--soft);padding:10px 16px;border-radius:6px}
.hl{border-bottom:2px solid transparent}
.hl.l-entities{padding-bottom:3px}.hl.l-quotes{padding-bottom:6px}.hl.l-claims{padding-bottom:9px}
.hl.l-narratives{padding-bottom:12px}.hl.l-loadedBaseline{padding-bottom:15px}
.l-quotes{border-bottom:2px solid #e67e22!important}
.l-claims{border-bottom:2px dashed #138a9c!important}
.l-narratives{border-bottom:2px solid #d62728!important}
.l-loadedBaseline{border-bottom:2px dotted #8c564b!important}
${Object.entries(ENTITY_COLORS).map(([l, c]) => `.ent-${l}{border-bottom:2px solid ${c}}.sw.ent-${l}:not(.ul){background:${c}}`).join('\n')}
${TECHNIQUES.map((_, i) => `.tq-${i}{background:${techniqueBg(i)}}`).join('\n')}
.tq-x{background:rgba(120,120,120,.3)}
.hl[title]{cursor:help}
${LAYERS.map((l) => `body.hide-${l.name} .hl.l-${l.name}{background:none!important;border-bottom-color:transparent!important}`).join('\n')}
${[...TECHNIQUES.map((_, i) => `tq-${i}`), 'tq-x'].map((c) => `body.hide-${c} .hl.${c}{background:none!important}`).join('\n')}
.lg input{margin:0 3px 0 0;vertical-align:middle;width:12px;height:12px}
.hl:target{outline:2px solid #d62728}
mark.evidence{background:#fde2e2;padding:1px 2px}
.claim{font-weight:600;margin-top:2px} .disproof{max-width:320px}
.tag{display:inline-block;background:#fde2e2;border-radius:10px;padding:0 8px;font-size:12px;margin:2px}
details{margin:10px 0} summary{cursor:pointer;font-weight:600;font-size:14px}
.rtext{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
.failures td:first-child{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.top{font-size:12px;text-align:right}
a.jump{text-decoration:none}
`;

// Toggles only; no data in the script. Attached by addEventListener because the CSP forbids inline handlers.
const JS = `
for (const cb of document.querySelectorAll('input[data-layer]')) {
  const apply = () => document.body.classList.toggle('hide-' + cb.dataset.layer, !cb.checked);
  cb.addEventListener('change', apply);
  apply();
}
for (const cb of document.querySelectorAll('input[data-technique]')) {
  cb.addEventListener('change', () => document.body.classList.toggle('hide-' + cb.dataset.technique, !cb.checked));
}
const all = document.getElementById('toggle-removed');
if (all) all.addEventListener('click', () => {
  const ds = document.querySelectorAll('details.removed');
  const open = ![...ds].every((d) => d.open);
  ds.forEach((d) => { d.open = open; });
});
`;

export function renderHtml(docs: Doc[], batch: HtmlBatchInfo): string {
  const nonce = randomBytes(16).toString('base64');
  const present = LAYERS.filter((l) => docs.some((d) => count(d, l.name) !== undefined));
  const toggles = present.map((l) => `<label><input type="checkbox" data-layer="${l.name}" checked> ${esc(l.label)}</label>`).join('');
  const removedButton = docs.some((d) => d.removed.length) ? '<button type="button" id="toggle-removed">Show/hide removed furniture</button>' : '';
  const failures = batch.failures.length
    ? `<h2>Failed inputs (${batch.failures.length})</h2><table class="failures"><thead><tr><th>Input</th><th>Reason</th></tr></thead><tbody>${batch.failures.map((f) => `<tr><td>${esc(f.input)}</td><td>${esc(f.reason)}</td></tr>`).join('')}</tbody></table>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>narrascope report — ${docs.length} article${docs.length === 1 ? '' : 's'}</title>
<style>${CSS}</style></head>
<body>
<header><h1>narrascope report</h1>
<p class="how">${docs.length} article${docs.length === 1 ? '' : 's'} · ${batch.failures.length} failed · generated ${esc(batch.generatedAt)} · pipeline <code>${esc(batch.pipeline)}</code></p></header>
<div class="toolbar"><div class="inner"><strong>Show:</strong>${toggles || '<span class="how">no highlight layers</span>'}${removedButton}</div>${legend(docs)}</div>
<main>
<h2>Overview</h2>
${docs.length ? overview(docs) : '<p>No articles were analyzed.</p>'}
${failures}
${docs.map((d, n) => articleSection(d, n)).join('\n')}
</main>
<script nonce="${nonce}">${JS}</script>
</body></html>
`;
}
