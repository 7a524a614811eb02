/**
 * Benchmark corpus: ≥ 500 articles of 2–5 KB, built at run time (never committed) from the PTC
 * training articles when ../shared is present, otherwise generated from a small synthetic grammar.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../src/models/random.js';
import { sharedDir } from '../src/util/paths.js';

export interface Corpus {
  dir: string;
  articles: number;
  bytes: number;
  source: string;
}

const SUBJECTS = ['The minister', 'A spokesperson for the agency', 'The council', 'Local officials', 'The opposition leader', 'Analysts'];
const VERBS = ['said', 'claimed', 'warned', 'argued', 'insisted', 'noted'];
const OBJECTS = [
  'that the new budget would cut hospital funding by 12 percent',
  'that the border crossing had been closed since Monday',
  'that the so-called experts were spreading outrageous lies',
  'that 3,000 workers had joined the strike in the capital',
  'that the election commission ignored dozens of complaints',
  'that the disastrous policy betrayed every patriotic citizen',
];

function synthetic(random: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const paras: string[] = [];
  let size = 0;
  const target = 2000 + Math.floor(random() * 3000);
  while (size < target) {
    const s = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}. "This is ${pick(['a disgrace', 'unacceptable', 'only the beginning'])}," ${pick(['he', 'she'])} said.`;
    paras.push(s);
    size += s.length + 2;
  }
  return `Synthetic report ${Math.floor(random() * 1e6)}\n\n${paras.join('\n\n')}\n`;
}

export function buildCorpus(dir: string, count = 600, seed = 7): Corpus {
  mkdirSync(dir, { recursive: true });
  const random = rng(seed);
  const ptcDir = join(sharedDir, 'data', 'ptc', 'train-articles');
  let bytes = 0;
  if (existsSync(ptcDir)) {
    // Split or join PTC articles into 2–5 KB pieces: realistic news prose of the target size.
    const texts = readdirSync(ptcDir).sort().map((f) => readFileSync(join(ptcDir, f), 'utf8'));
    let t = 0;
    for (let i = 0; i < count; i++) {
      const target = 2000 + Math.floor(random() * 3000);
      let body = '';
      while (Buffer.byteLength(body) < target) {
        const lines = texts[t++ % texts.length].split('\n').filter((l) => l.trim());
        body += lines.slice(1).join('\n\n') + '\n\n';
      }
      // Cut at a paragraph boundary near the target size.
      const cut = body.lastIndexOf('\n\n', target + 500);
      const text = `Benchmark article ${i}\n\n${body.slice(0, cut > 1500 ? cut : target)}\n`;
      writeFileSync(join(dir, `a${String(i).padStart(4, '0')}.txt`), text);
      bytes += Buffer.byteLength(text);
    }
    return { dir, articles: count, bytes, source: 'PTC train-articles re-cut into 2–5 KB pieces' };
  }
  for (let i = 0; i < count; i++) {
    const text = synthetic(random);
    writeFileSync(join(dir, `a${String(i).padStart(4, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, articles: count, bytes, source: 'synthetic generator (../shared absent)' };
}
