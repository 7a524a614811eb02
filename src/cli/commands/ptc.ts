/**
 * `narrascope ptc predict-si|predict-tc|eval`: the propaganda model on PTC-format data
 * (SemEval-2020 Task 11). Articles are read as-is; all offsets are code points, as in the corpus.
 */
import type { Command } from 'commander';
import { tokenize } from '../../nlp/tokenize.js';
import { loadTechniquesModel, type TechniquesModel } from '../../analyzers/techniques/model.js';
import { findTechniques } from '../../analyzers/techniques/analyze.js';
import { checkSpans, readPtcArticles, readPtcLabels, type PtcArticle, type PtcSpan } from '../../eval/ptc/corpus.js';
import { formatSi, formatTc, scoreSi, scoreTc, type LabelledSpan, type SimpleSpan } from '../../eval/ptc/score.js';
import type { TokenizedText } from '../../models/features/propaganda.js';
import { modelsDir } from '../../util/paths.js';

function tokenized(a: PtcArticle): TokenizedText {
  return { text: a.text, ...tokenize(a.text) };
}

/** Predicted propaganda spans of every article, in code points. */
export function predictSi(model: TechniquesModel, articles: PtcArticle[]): SimpleSpan[] {
  const out: SimpleSpan[] = [];
  for (const a of articles) {
    for (const s of model.findSpans(tokenized(a), model.data.rules, false)) {
      out.push({ id: a.id, start: a.offsets.toCodePoint(s.start), end: a.offsets.toCodePoint(s.end) });
    }
  }
  return out;
}

/**
 * One technique per input line, in input order. Lines repeating an identical span get that span's
 * next-best distinct technique (the official scorer matches labels per identical span).
 */
export function predictTc(model: TechniquesModel, articles: PtcArticle[], spans: PtcSpan[]): LabelledSpan[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const contexts = new Map<string, ReturnType<TechniquesModel['context']>>();
  const ranked = new Map<string, string[]>();
  const used = new Map<string, number>();
  return spans.map((s) => {
    const a = byId.get(s.id)!;
    let ctx = contexts.get(s.id);
    if (!ctx) contexts.set(s.id, (ctx = model.context(tokenized(a))));
    const key = `${s.id}\t${s.start}\t${s.end}`;
    let r = ranked.get(key);
    if (!r) ranked.set(key, (r = model.classify(ctx, a.offsets.toUnit(s.start), a.offsets.toUnit(s.end)).ranked.map((x) => x.technique)));
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    return { id: s.id, start: s.start, end: s.end, technique: r[Math.min(n, r.length - 1)] };
  });
}

function articlesFor(dir: string, spans: PtcSpan[] | undefined, file: string | undefined): PtcArticle[] {
  const articles = readPtcArticles(dir);
  if (spans && file) checkSpans(spans, new Map(articles.map((a) => [a.id, a])), file);
  return articles;
}

export function register(program: Command): void {
  const ptc = program.command('ptc').description('propaganda model on PTC-format data (SemEval-2020 Task 11): predict and evaluate');
  const modelOpt = ['--model <file>', 'techniques model artifact (default: the committed models/techniques.json.gz)'] as const;

  ptc
    .command('predict-si')
    .description('print propaganda spans: ID<TAB>start<TAB>end (code points)')
    .argument('<articles-dir>', 'folder of article<ID>.txt files')
    .option(...modelOpt)
    .action((dir: string, o: { model?: string }) => {
      const { model } = loadTechniquesModel(o.model ?? modelsDir);
      const lines = predictSi(model, articlesFor(dir, undefined, undefined)).map((s) => `${s.id}\t${s.start}\t${s.end}`);
      process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
    });

  ptc
    .command('predict-tc')
    .description('for every line ID<TAB>anything<TAB>start<TAB>end of SPANS_FILE print ID<TAB>technique<TAB>start<TAB>end, same order')
    .argument('<articles-dir>', 'folder of article<ID>.txt files')
    .argument('<spans-file>', 'spans to classify (TC label layout; the second column is ignored)')
    .option(...modelOpt)
    .action((dir: string, file: string, o: { model?: string }) => {
      const spans = readPtcLabels(file, 'tc-any');
      const articles = articlesFor(dir, spans, file);
      const { model } = loadTechniquesModel(o.model ?? modelsDir);
      const lines = predictTc(model, articles, spans).map((s) => `${s.id}\t${s.technique}\t${s.start}\t${s.end}`);
      process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
    });

  ptc
    .command('speed')
    .description('time model load and SI+TC (with tokenization) on the 2–5 KB articles of a folder, one core')
    .argument('<articles-dir>', 'folder of article<ID>.txt files')
    .option(...modelOpt)
    .option('--min-bytes <n>', 'smallest article to include', '2000')
    .option('--max-bytes <n>', 'largest article to include', '5000')
    .action((dir: string, o: { model?: string; minBytes: string; maxBytes: string }) => {
      const lo = Number(o.minBytes);
      const hi = Number(o.maxBytes);
      if (!(lo >= 0 && hi >= lo)) throw new Error(`--min-bytes/--max-bytes must be numbers with 0 ≤ min ≤ max (got '${o.minBytes}', '${o.maxBytes}')`);
      const articles = readPtcArticles(dir).filter((a) => Buffer.byteLength(a.text) >= lo && Buffer.byteLength(a.text) <= hi);
      if (!articles.length) throw new Error(`${dir}: no articles between ${lo} and ${hi} bytes`);
      tokenize('Warm up the tokenizer.');
      const t0 = performance.now();
      const { model } = loadTechniquesModel(o.model ?? modelsDir);
      const loadMs = performance.now() - t0;
      let tokMs = 0;
      let modelMs = 0;
      let spans = 0;
      for (const a of articles) {
        const t1 = performance.now();
        const t = tokenized(a);
        const t2 = performance.now();
        spans += findTechniques(model, t, 'speed').length;
        modelMs += performance.now() - t2;
        tokMs += t2 - t1;
      }
      const r = (x: number) => Math.round(x * 10) / 10;
      console.log(JSON.stringify({ articles: articles.length, loadMs: r(loadMs), techniquesPerSec: r(articles.length / (modelMs / 1000)), withTokenizePerSec: r(articles.length / ((modelMs + tokMs) / 1000)), spans }));
    });

  ptc
    .command('eval')
    .description('score the model: SI P/R/F1 against the gold spans and TC micro-F1 (+ per class) on the gold spans')
    .argument('<articles-dir>', 'folder of article<ID>.txt files')
    .argument('<gold-tc-labels>', 'gold labels ID<TAB>technique<TAB>start<TAB>end')
    .option(...modelOpt)
    .option('--json', 'print the scores as JSON')
    .action((dir: string, file: string, o: { model?: string; json?: boolean }) => {
      const gold = readPtcLabels(file, 'tc');
      const ids = new Set(gold.map((g) => g.id));
      // Score only the articles the gold file covers (a folder may hold more).
      const articles = articlesFor(dir, gold, file).filter((a) => ids.has(a.id));
      const { model, header } = loadTechniquesModel(o.model ?? modelsDir);
      const si = scoreSi(predictSi(model, articles), gold);
      const tc = scoreTc(predictTc(model, articles, gold), gold as LabelledSpan[]);
      if (o.json) {
        console.log(JSON.stringify({ model: header.command, articles: articles.length, si, tc }, null, 2));
        return;
      }
      process.stderr.write(`model: ${header.model}@${header.version} (${header.command}); trained on ${header.trainedOn}; on articles it was trained on these are not held-out figures\n`);
      console.log(`${articles.length} articles, ${gold.length} gold lines`);
      console.log(formatSi(si));
      console.log(formatTc(tc));
    });
}
