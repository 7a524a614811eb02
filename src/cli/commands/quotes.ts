/** `narrascope quotes eval`: speaker-attribution precision/recall on the hand-labelled quote set. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { sharedDir } from '../../util/paths.js';
import { defaultGoldDir, developmentGoldDirs, earlierHeldOutGoldDirs, evaluateQuotes, heldOut3GoldDir, heldOut4GoldDir, heldOut5GoldDir, heldOut6GoldDir, heldOut7GoldDir, heldOut8GoldDir, heldOut9GoldDir, heldOut10GoldDir, heldOut11GoldDir, heldOut12GoldDir, heldOut13GoldDir, heldOut14GoldDir, heldOutGoldDirs, requireGoldDir } from '../../eval/quotes/run.js';
import type { QuoteMetrics } from '../../eval/quotes/score.js';
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
    .option('--gold <dirs>', "folder(s) of gold JSON files, comma-separated; 'dev' = all 220 development articles (batches 1–13); 'heldout' or 'heldout14' = batch 14, the blind batch of round L (not in dev; an error until it is labelled); 'heldout13', 'heldout12', 'heldout11', 'heldout10', 'heldout9', 'heldout8', 'heldout7', 'heldout6', 'heldout3', 'heldout4', 'heldout5', 'batches1-2' = earlier batches (development data)", defaultGoldDir)
    .option('--no-entities', 'do not use the trained NER even when it is available')
    .option('--no-chooser', 'rules only: do not run the learned speaker chooser (models/quote-speakers.json.gz) after the rules')
    .option('--errors', 'list the attribution errors')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { gold: string; entities: boolean; chooser: boolean; errors?: boolean; json?: boolean }) => {
      try {
        const named: Record<string, string> = { dev: developmentGoldDirs, heldout: heldOutGoldDirs, heldout14: heldOut14GoldDir, heldout12: heldOut12GoldDir, heldout13: heldOut13GoldDir, 'batches1-2': earlierHeldOutGoldDirs, heldout3: heldOut3GoldDir, heldout4: heldOut4GoldDir, heldout5: heldOut5GoldDir, heldout6: heldOut6GoldDir, heldout7: heldOut7GoldDir, heldout8: heldOut8GoldDir, heldout9: heldOut9GoldDir, heldout10: heldOut10GoldDir, heldout11: heldOut11GoldDir };
        if (opts.gold === 'heldout' || opts.gold === 'heldout14') requireGoldDir(heldOut14GoldDir);
        if (opts.gold === 'heldout13') requireGoldDir(heldOut13GoldDir);
        if (opts.gold === 'heldout12') requireGoldDir(heldOut12GoldDir);
        if (opts.gold === 'heldout11') requireGoldDir(heldOut11GoldDir);
        if (opts.gold === 'heldout10') requireGoldDir(heldOut10GoldDir);
        if (opts.gold === 'heldout9') requireGoldDir(heldOut9GoldDir);
        if (opts.gold === 'heldout8') requireGoldDir(heldOut8GoldDir);
        if (opts.gold === 'heldout7') requireGoldDir(heldOut7GoldDir);
        if (opts.gold === 'heldout6') requireGoldDir(heldOut6GoldDir);
        const dirs = named[opts.gold] ?? opts.gold.split(',').map((d) => resolve(d)).join(',');
        const r = await evaluateQuotes(dirs, sharedDir, { entities: opts.entities, chooser: opts.chooser });
        if (opts.json) {
          console.log(JSON.stringify({ articles: r.articles, withEntities: r.withEntities, withChooser: r.withChooser, ...r.report }, null, 2));
          return;
        }
        console.log(`quotes eval: ${r.articles} articles from ${dirs}, NER ${r.withEntities ? 'on' : 'off'}, chooser ${r.withChooser ? 'on' : opts.chooser ? 'off (models/quote-speakers.json.gz not found)' : 'off'}`);
        console.log(`${'kind'.padEnd(13)} speaker P`.padEnd(36) + 'speaker R'.padEnd(20) + 'quote P'.padEnd(20) + 'quote R'.padEnd(20) + 'content Jaccard');
        for (const [k, m] of Object.entries(r.report.byKind)) console.log(row(k, m));
        console.log(row('all', r.report.overall));
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
