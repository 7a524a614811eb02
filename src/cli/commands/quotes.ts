/** `narrascope quotes eval`: speaker-attribution precision/recall on the hand-labelled quote set. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { sharedDir } from '../../util/paths.js';
import { defaultGoldDir, evaluateQuotes } from '../../eval/quotes/run.js';
import type { QuoteMetrics } from '../../eval/quotes/score.js';

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
    .option('--gold <dir>', 'folder of gold JSON files', defaultGoldDir)
    .option('--no-entities', 'do not use the trained NER even when it is available')
    .option('--errors', 'list the attribution errors')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { gold: string; entities: boolean; errors?: boolean; json?: boolean }) => {
      try {
        const r = await evaluateQuotes(resolve(opts.gold), sharedDir, { entities: opts.entities });
        if (opts.json) {
          console.log(JSON.stringify({ articles: r.articles, withEntities: r.withEntities, ...r.report }, null, 2));
          return;
        }
        console.log(`quotes eval: ${r.articles} articles from ${opts.gold}, NER ${r.withEntities ? 'on' : 'off'}`);
        console.log(`${'kind'.padEnd(13)} speaker P`.padEnd(36) + 'speaker R'.padEnd(20) + 'quote P'.padEnd(20) + 'quote R'.padEnd(20) + 'content Jaccard');
        for (const [k, m] of Object.entries(r.report.byKind)) console.log(row(k, m));
        console.log(row('all', r.report.overall));
        if (opts.errors) for (const e of r.report.errors) console.log(`  ${e.file}: predicted ${e.predicted} | gold ${e.gold ?? '-'} | ${e.content}`);
      } catch (e) {
        console.error(`quotes eval: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
}
