/** `narrascope clean FILE`: show how cleaning judged every line (kept or removed, rules, score). */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('clean')
    .description('show the furniture verdict for every line of an input (for checking or tuning the cleaning rules)')
    .argument('<input>', 'a file, URL or - for stdin')
    .option('--text', 'print only the cleaned text')
    .action(async (input: string, opts: { text?: boolean }) => {
      const { readInputs, isFailure, describeSource, cleanText, THRESHOLD } = await import('../../ingest/index.js');
      for await (const item of readInputs([input])) {
        if (isFailure(item)) {
          process.stderr.write(`narrascope: ${describeSource(item.source)}: ${item.reason}\n`);
          process.exitCode = 1;
          continue;
        }
        if (item.text === undefined) {
          process.stderr.write(`narrascope: ${describeSource(item.source)}: 'clean' shows line verdicts for text inputs; use 'analyze --json' for HTML and feeds\n`);
          process.exitCode = 1;
          continue;
        }
        const result = cleanText(item.text, { knownTitle: item.title });
        if (opts.text) {
          process.stdout.write(result.text + '\n');
          continue;
        }
        process.stdout.write(`# ${describeSource(item.source)} — removed at score ≥ ${THRESHOLD}\n`);
        for (const v of result.lines) {
          const verdict = v.kind.padEnd(9);
          const why = v.reasons.length ? `  [${v.reasons.join(', ')}]` : '';
          process.stdout.write(`${String(v.line).padStart(4)} ${verdict} ${v.score.toFixed(2)}  ${v.text.slice(0, 90)}${why}\n`);
        }
      }
    });
}
