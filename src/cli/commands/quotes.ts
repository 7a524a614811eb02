/** `narrascope quotes eval`: speaker-attribution precision/recall on the hand-labelled quote set. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { sharedDir } from '../../util/paths.js';
import { defaultGoldDir, evaluateQuotes, resolveGold } from '../../eval/quotes/run.js';
import type { QuoteMetrics } from '../../eval/quotes/score.js';
import { quoteAgreement } from '../../eval/quotes/agreement.js';
import { defaultClaimSentences, evaluateClaimSentences, loadClaimSentences } from '../../eval/quotes/claims.js';

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

function row(name: string, m: QuoteMetrics): string {
  const c = m.counts;
  return `${name.padEnd(13)} ${pct(m.speakerPrecision)} (${c.speakerCorrect}/${c.predictedWithSpeaker})`.padEnd(36) +
    `${pct(m.speakerRecall)} (${c.goldSpeakerFound}/${c.goldWithSpeaker})`.padEnd(20) +
    `${pct(m.quotePrecision)} (${c.predictedMatched}/${c.predicted})`.padEnd(20) +
    `${pct(m.quoteRecall)} (${c.goldFound}/${c.gold})`.padEnd(20) + `${m.meanJaccard.toFixed(3)}`;
}

export function register(program: Command): void {
  const quotes = program.command('quotes').description('quote attribution tools');
  quotes
    .command('eval')
    .description('score quote finding and speaker attribution against hand-labelled articles (reads ../shared)')
    .option('--gold <dirs>', "folder(s) of gold JSON files, comma-separated; 'dev' = all 284 development articles (the first 41 + batches 1–17; round N); 'dev252' = the 252 of round M (batches 1–15); 'dev13' = the 220 articles of batches 1–13 (round M's rules were written from these); 'val' = batches 14+15 (round M's validation set); 'heldout18' = batch 18, round N's blind batch (measured once); 'heldout' = batch 40, the last blind batch (the last 119 EUvsDisinfo case descriptions with a reporting word, 62 with something to label, measured once with quotes@1.30.0; batch 39, 145 with labels, was measured once with quotes@1.29.0; batch 38, 147 with labels, was measured once with quotes@1.29.0; batch 37, 148 with labels, was measured once with quotes@1.28.0; batch 36, 240 EUvsDisinfo case descriptions, was measured once with quotes@1.27.0; batch 35, the 148 CoNLL-2003 stories with a reporting word left out of batches 22–34, was measured once with quotes@1.26.0; batches 33 and 34 were measured once with 1.25.0, batch 32 was measured once with 1.24.0, batch 31 with 1.23.0, batch 30 with 1.22.0, batch 29 with 1.21.0, batch 28 with 1.20.0, batch 27 with 1.19.0, batch 26 with 1.18.0, batches 24–25 with 1.17.0, batch 23 with 1.16.0, batch 22 with 1.15.0, batches 19–21 with 1.13.1 and 1.14.0); 'heldoutN' = batch N (must exist and hold gold files); 'batches1-2' = batches 1 and 2", defaultGoldDir)
    .option('--no-entities', 'do not use the trained NER even when it is available')
    .option('--ner-models <dir>', 'folder holding the ner.json.gz to use instead of models/ (e.g. one trained without the CoNLL training stories being scored: train ner --data)')
    .option('--no-chooser', 'rules only: do not run the learned speaker chooser (models/quote-speakers.json.gz) after the rules')
    .option('--no-clauses', 'do not run the learned reported-speech detector (models/quote-clauses.json.gz) with the rules')
    .option('--errors', 'list the attribution errors')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { gold: string; entities: boolean; nerModels?: string; chooser: boolean; clauses: boolean; errors?: boolean; json?: boolean }) => {
      try {
        const dirs = resolveGold(opts.gold);
        const nerDir = opts.nerModels ? resolve(opts.nerModels) : undefined;
        const r = await evaluateQuotes(dirs, sharedDir, { entities: opts.entities, chooser: opts.chooser, clauses: opts.clauses, nerDir });
        if (opts.json) {
          console.log(JSON.stringify({ articles: r.articles, withEntities: r.withEntities, withChooser: r.withChooser, withClauses: r.withClauses, ...r.report, calibration: r.calibration }, null, 2));
          return;
        }
        console.log(`quotes eval: ${r.articles} articles from ${dirs}, NER ${r.withEntities ? (nerDir ? `on (${nerDir})` : 'on') : 'off'}, chooser ${r.withChooser ? 'on' : opts.chooser ? 'off (models/quote-speakers.json.gz not found)' : 'off'}, clause detector ${r.withClauses ? 'on' : opts.clauses ? 'off (models/quote-clauses.json.gz not found)' : 'off'}`);
        console.log(`${'kind'.padEnd(13)} speaker P`.padEnd(36) + 'speaker R'.padEnd(20) + 'quote P'.padEnd(20) + 'quote R'.padEnd(20) + 'content Jaccard');
        for (const [k, m] of Object.entries(r.report.byKind)) console.log(row(k, m));
        console.log(row('all', r.report.overall));
        const c = r.calibration;
        console.log(`speaker confidence (${c.speakers} speakers): Brier ${c.brier.toFixed(4)}, ECE ${c.ece.toFixed(4)}; speaker P/R when speakers under a confidence are dropped:`);
        for (const t of c.byThreshold) console.log(`  under ${t.threshold.toFixed(1)}: P ${pct(t.metrics.speakerPrecision)} (${t.metrics.counts.speakerCorrect}/${t.metrics.counts.predictedWithSpeaker})  R ${pct(t.metrics.speakerRecall)} (${t.metrics.counts.goldSpeakerFound}/${t.metrics.counts.goldWithSpeaker})`);
        if (opts.errors) {
          console.log('wrong speakers (precision errors):');
          for (const e of r.report.errors) console.log(`  ${e.file}: predicted ${e.predicted} | gold ${e.gold ?? '-'} | ${e.content}`);
          console.log('missed speakers (recall losses):');
          for (const m of r.report.misses) console.log(`  ${m.file}@${m.at}: gold ${m.gold} | ${m.found ? `found, speaker ${m.predicted ?? 'none'}` : 'quote not found'} | ${m.content}`);
        }
      } catch (e) {
        console.error(`quotes eval: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
  quotes
    .command('agreement')
    .description('inter-annotator agreement: a second labelling of the same articles scored against the first with the eval metric (reads ../shared)')
    .requiredOption('--first <dir>', "the first labelling (a gold folder, or a name as for eval --gold, e.g. 'heldout14')")
    .requiredOption('--second <dir>', 'the second, independent labelling of the same articles (a gold folder)')
    .option('--json', 'print both reports as JSON')
    .action((opts: { first: string; second: string; json?: boolean }) => {
      try {
        const first = resolveGold(opts.first);
        const second = resolveGold(opts.second);
        const r = quoteAgreement(first, second, sharedDir);
        if (opts.json) {
          console.log(JSON.stringify(r, null, 2));
          return;
        }
        console.log(`quotes agreement: ${r.articles} articles labelled twice; first ${first}, second ${second}`);
        for (const [title, rep] of [['second labelling scored against the first', r.secondVsFirst], ['first labelling scored against the second', r.firstVsSecond]] as const) {
          console.log(title);
          console.log(`${'kind'.padEnd(13)} speaker P`.padEnd(36) + 'speaker R'.padEnd(20) + 'quote P'.padEnd(20) + 'quote R'.padEnd(20) + 'content Jaccard');
          for (const [k, m] of Object.entries(rep.byKind)) console.log(row(k, m));
          console.log(row('all', rep.overall));
        }
      } catch (e) {
        console.error(`quotes agreement: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
  quotes
    .command('claims-eval')
    .description('check-worthiness accuracy and AUC on labelled sentences')
    .option('--sentences <file>', 'labelled sentences JSON', defaultClaimSentences)
    .option('--errors', 'list misclassified sentences')
    .action((opts: { sentences: string; errors?: boolean }) => {
      try {
        const r = evaluateClaimSentences(loadClaimSentences(resolve(opts.sentences)));
        console.log(`claims eval: ${r.n} sentences from ${opts.sentences}`);
        console.log(`accuracy ${r.accuracy.toFixed(3)}  AUC ${r.auc.toFixed(3)}`);
        console.log(`check-worthy      P ${r.checkworthy.precision.toFixed(3)} R ${r.checkworthy.recall.toFixed(3)} (n=${r.checkworthy.n})`);
        console.log(`not check-worthy  P ${r.notCheckworthy.precision.toFixed(3)} R ${r.notCheckworthy.recall.toFixed(3)} (n=${r.notCheckworthy.n})`);
        if (opts.errors) for (const s of r.scored) if ((s.score >= 0.5) !== s.checkworthy) console.log(`  ${s.checkworthy ? 'missed' : 'false'} ${s.score.toFixed(2)} [${s.cues.join(', ')}] ${s.text}`);
      } catch (e) {
        console.error(`quotes claims-eval: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
}
