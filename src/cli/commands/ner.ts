/**
 * `narrascope ner tag --conll FILE` and `narrascope ner eval FILE`: the named-entity tagger on
 * CoNLL-format files (for checking the model against labelled data).
 */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { formatScore, parseConll, readConll, scoreConll } from '../../eval/conll.js';
import { nerDocsFromConll } from '../../models/ner-tagger.js';
import { loadNerModel } from '../../analyzers/entities/model.js';
import { modelsDir } from '../../util/paths.js';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read: ${(err as Error).message}`);
  }
}

export function register(program: Command): void {
  const ner = program.command('ner').description('named-entity tagger on CoNLL files (tag, evaluate)');

  ner
    .command('tag')
    .description('print each CoNLL line with the predicted tag appended as the last column')
    .requiredOption('--conll <file>', 'CoNLL file: TOKEN [columns...] per line, blank lines between sentences')
    .action((o: { conll: string }) => {
      const file = o.conll;
      const text = readText(file);
      const docs = parseConll(text, file, false);
      const model = loadNerModel(modelsDir);
      // Predicted tag per input line number.
      const pred = new Map<number, string>();
      for (const d of docs) {
        const tagged = model.tag({ sentences: d.sentences.map((s) => s.tokens.map((t) => t.word)) });
        d.sentences.forEach((s, si) => s.tokens.forEach((t, ti) => pred.set(t.line, tagged.tags[si][ti])));
      }
      const lines = text.split(/\r?\n/);
      if (lines.length && lines[lines.length - 1] === '') lines.pop();
      const out = lines.map((l, i) => {
        const p = pred.get(i + 1);
        return p === undefined ? l.trimEnd() : `${l.trimEnd()} ${p}`;
      });
      process.stdout.write(out.join('\n') + '\n');
    });

  ner
    .command('eval')
    .description('entity-level precision/recall/F1 (conlleval rules) per type and overall against the file\'s tags')
    .argument('<file>', 'CoNLL file with gold tags in the last column')
    .option('--json', 'print the scores as JSON')
    .action((file: string, o: { json?: boolean }) => {
      const docs = nerDocsFromConll(readConll(file, true));
      const model = loadNerModel(modelsDir);
      const pairs: { gold: string[]; pred: string[] }[] = [];
      const t0 = performance.now();
      for (const doc of docs) {
        const r = model.tag(doc);
        r.tags.forEach((pred, s) => pairs.push({ gold: doc.tags![s], pred }));
      }
      const sec = (performance.now() - t0) / 1000;
      const score = scoreConll(pairs);
      if (o.json) process.stdout.write(JSON.stringify(score, null, 2) + '\n');
      else process.stdout.write(formatScore(score) + '\n');
      process.stderr.write(`tagged ${score.tokens} tokens in ${sec.toFixed(2)} s (${Math.round(score.tokens / sec)} tokens/s, one thread)\n`);
    });
}
