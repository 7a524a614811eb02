/** `narrascope components`: the analyzers in the pipeline, in run order, with what they need and add. */
import type { Command } from 'commander';
import { discoverComponents, orderComponents } from '../../nlp/pipeline.js';

export function register(program: Command): void {
  program
    .command('components')
    .description('list the analysis components in run order (name, version, needs -> produces)')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const ordered = orderComponents(await discoverComponents());
      if (opts.json) {
        const plain = ordered.map(({ name, version, description, needs, produces }) => ({ name, version, description, needs, produces }));
        process.stdout.write(JSON.stringify(plain, null, 2) + '\n');
        return;
      }
      for (const c of ordered) {
        process.stdout.write(`${c.name}@${c.version}  [${c.needs.join(', ') || '-'}] -> [${c.produces.join(', ')}]\n    ${c.description}\n`);
      }
    });
}
