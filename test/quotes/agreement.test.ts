import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteAgreement } from '../../src/eval/quotes/agreement.js';
import { batchGoldDir, defaultGoldDir } from '../../src/eval/quotes/run.js';
import { sharedDir } from '../../src/util/paths.js';

// Invented article: two quotes, two speakers.
const TEXT = '“The bridge will open in May,” Ana Diaz said.\nTom Berg said the budget was already spent.\n';
const BRIDGE = { start: 1, end: 29 };
const ANA = { start: 31, end: 39 };
const BUDGET = { start: 60, end: 88 };
const TOM = { start: 46, end: 54 };

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(first: unknown[], second: unknown[], secondFile = 'samples/a.txt'): { shared: string; a: string; b: string } {
  const shared = mkdtempSync(join(tmpdir(), 'ns-agree-'));
  made.push(shared);
  mkdirSync(join(shared, 'samples'));
  writeFileSync(join(shared, 'samples', 'a.txt'), TEXT);
  writeFileSync(join(shared, 'samples', 'b.txt'), TEXT);
  const a = join(shared, 'first');
  const b = join(shared, 'second');
  mkdirSync(a);
  mkdirSync(b);
  writeFileSync(join(a, 'a.json'), JSON.stringify({ file: 'samples/a.txt', quotes: first }));
  writeFileSync(join(b, 'a.json'), JSON.stringify({ file: secondFile, quotes: second }));
  return { shared, a, b };
}

test('fixture offsets point at the invented quotes', () => {
  assert.equal(TEXT.slice(BRIDGE.start, BRIDGE.end), 'The bridge will open in May,');
  assert.equal(TEXT.slice(ANA.start, ANA.end), 'Ana Diaz');
  assert.equal(TEXT.slice(TOM.start, TOM.end), 'Tom Berg');
  assert.equal(TEXT.slice(BUDGET.start, BUDGET.end), 'the budget was already spent');
});

test('a labelling agrees fully with itself', () => {
  const quotes = [
    { kind: 'direct', content: BRIDGE, speaker: ANA },
    { kind: 'indirect', content: BUDGET, speaker: TOM },
  ];
  const { shared, a, b } = setup(quotes, quotes);
  const r = quoteAgreement(a, b, shared);
  assert.equal(r.articles, 1);
  for (const rep of [r.secondVsFirst, r.firstVsSecond]) {
    assert.equal(rep.overall.speakerPrecision, 1);
    assert.equal(rep.overall.speakerRecall, 1);
    assert.equal(rep.overall.quoteRecall, 1);
  }
});

test('a second labeller who misses a quote and leaves a speaker out lowers recall, not precision', () => {
  const first = [
    { kind: 'direct', content: BRIDGE, speaker: ANA },
    { kind: 'indirect', content: BUDGET, speaker: TOM },
  ];
  const second = [{ kind: 'direct', content: BRIDGE, speaker: null }];
  const { shared, a, b } = setup(first, second);
  const r = quoteAgreement(a, b, shared);
  assert.equal(r.secondVsFirst.overall.quoteRecall, 0.5);
  assert.equal(r.secondVsFirst.overall.speakerRecall, 0);
  assert.equal(r.secondVsFirst.overall.counts.predictedWithSpeaker, 0);
  // The other direction: the first labeller's quotes against the second's.
  assert.equal(r.firstVsSecond.overall.quotePrecision, 0.5);
  assert.equal(r.firstVsSecond.overall.counts.goldWithSpeaker, 0);
});

test('a different speaker on the same quote is a disagreement both ways', () => {
  const { shared, a, b } = setup([{ kind: 'direct', content: BRIDGE, speaker: ANA }], [{ kind: 'direct', content: BRIDGE, speaker: TOM }]);
  const r = quoteAgreement(a, b, shared);
  assert.equal(r.secondVsFirst.overall.speakerPrecision, 0);
  assert.equal(r.firstVsSecond.overall.speakerPrecision, 0);
});

test('labellings of different articles are an error naming the files', () => {
  const { shared, a, b } = setup([], [], 'samples/b.txt');
  assert.throws(() => quoteAgreement(a, b, shared), /different articles.*first.*a\.json.*second.*a\.json/);
});

// The real second labelling of batch 14 (session 9: four engineers, blind to the first labelling). Measured:
// second vs first speaker P 0.973 (110/113), R 0.949 (111/117). The floor guards the fixtures: a broken or
// half-copied folder would fall far below it.
test('batch 14 labelled twice: the two labellings agree on speakers (measured P 0.973, R 0.949)', { skip: !existsSync(join(sharedDir, 'data', 'ptc')) && 'shared data not available' }, () => {
  const r = quoteAgreement(batchGoldDir(14), join(defaultGoldDir, 'agreement14'), sharedDir);
  assert.equal(r.articles, 16);
  assert.ok(r.secondVsFirst.overall.speakerPrecision >= 0.93, `speaker P ${r.secondVsFirst.overall.speakerPrecision}`);
  assert.ok(r.secondVsFirst.overall.speakerRecall >= 0.92, `speaker R ${r.secondVsFirst.overall.speakerRecall}`);
  assert.ok(r.firstVsSecond.overall.speakerRecall >= 0.93, `first vs second speaker R ${r.firstVsSecond.overall.speakerRecall}`);
});
