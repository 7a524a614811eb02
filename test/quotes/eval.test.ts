/**
 * Speaker attribution on the hand-labelled development set, with the levels measured for
 * quotes@1.2.0, NER off (first 41 articles: speaker P 0.984, R 0.866; batches 1–2: P 0.936,
 * R 0.859; batches 3–4: P 0.908, R 0.898; batch 5: P 0.957, R 0.830 — all development data; see
 * docs/quotes-and-claims.md), minus a small margin. Batch 6 (`batchGoldDir(6)`) was measured once
 * blind by the lead (speaker P 0.788, R 0.500, NER off) and is development data since; its floor is that
 * measurement minus a margin. Batch 7 (`heldOutGoldDirs`, round E's blind batch) was measured once by the
 * lead after round E was finished (speaker P 0.709, R 0.431, NER off); its floor below is that
 * measurement minus a margin, so a later round cannot quietly lose ground on it. quotes@1.4.0 then added
 * transcript turns, written after reading batch 7 (P 0.767, R 0.556 NER off, no longer a blind figure);
 * the floor follows it. quotes@1.5.0 (round F) was written from the errors of all 120 development articles
 * (batch 7 included); the lead measured it once on blind batch 8 (P 0.856, R 0.590). quotes@1.6.0 (round G)
 * was written from the errors of all 140 development articles (batch 8 included); the lead measured it once on
 * blind batch 9 (P 0.597, R 0.607 NER on). quotes@1.7.0 (round H) was written from the errors of all 156
 * development articles (batch 9 included, its article 728972961 relabelled to follow the guideline); the lead
 * measured it once on blind batch 10 (P 0.734, R 0.448 NER on). quotes@1.8.0 (round I) was written from the errors
 * of all 172 development articles (batch 10 included, five report quotes relabelled null by the clarified
 * guideline); the lead measured it once on blind batch 11 (P 0.876, R 0.752 NER on). quotes@1.9.0 (round J) was
 * written from the errors of all 188 development articles (batch 11 included); the lead measured it once on blind
 * batch 12 (P 0.824, R 0.571 NER on). quotes@1.10.0 (round K, precision fixes) was written from the errors of all 204
 * development articles (batch 12 included); the lead measured it once on blind
 * batch 13 (P 0.705, R 0.487 NER on), whose floor is that measurement minus a margin. Round L (quotes@1.11.0: the
 * learned chooser after the rules) made batch 13 development data (`--gold dev` = 220 articles) and batch 14
 * `heldOutGoldDirs`. The floors score the rules alone (`chooser: false`): on development data the chooser's figures
 * are in-sample, and it only adds speakers to quotes the rules leave unattributed. Round M (quotes@1.12.0) made batches
 * 14–15 development data (`--gold dev` = 252 articles; rules written from `--gold dev13` = the 220 of batches 1–13, with
 * `--gold val` = batches 14+15 read only as aggregate figures) and batch 16 the blind batch, which the lead measured once
 * in session 9, as was batch 17 (floors below). Round N (quotes@1.13.0) was written from the errors of batches 1–17
 * (`--gold dev` = 284 articles) and measured once on blind batch 18. Session 10 measured quotes@1.13.1 once on batch 19,
 * wrote round O (quotes@1.14.0) from batches 6 and 19, and measured it once on batches 20 and 21. Session 11 read the
 * errors of batches 20–21, trained the speaker model of quotes@1.15.0 on all 344 labelled PTC articles (batches 1–21
 * and the first 41), and measured it once on batch 22 (Reuters newswire, CoNLL-2003 validation). Session 12 trained
 * the reported-speech detector of quotes@1.16.0 on those 344 and batch 22 (`labelledGoldDirs`, 389 articles) and
 * measured it once on batch 23 (the next 45 Reuters stories of the same file). Since 1.16.0 the floors run the rules
 * with the detector (its artifact is committed), still without the chooser. Session 13 wrote quotes@1.17.0's rules from
 * the errors of batches 22–23, trained both models on the 432 labelled articles (`labelledGoldDirs`) and measured it
 * once on batch 24 (the last 17 Reuters stories of the validation file and 28 of the training file) and on batch 25
 * (45 more training-file stories), then wrote quotes@1.18.0 from their errors, retrained both models on 521 articles
 * and measured it once on batch 26 (45 more training-file stories); quotes@1.19.0 (one rule from batch 26, models on
 * 566 articles) was measured once on batch 27; quotes@1.20.0 (rules from batch 27, models on 611 articles) was measured
 * once on batch 28; quotes@1.21.0 (one rule from batch 28, same models) was measured once on batch 29. Session 15 wrote
 * quotes@1.22.0 from the errors of batches 28–29, retrained both models on 700 articles (batches 22–29 added) and measured
 * it once on batch 30, then wrote quotes@1.23.0 from batch 30, retrained both models on 745 articles and measured it once
 * on batch 31, then wrote quotes@1.24.0 from batch 31, retrained both models on 790 articles and measured it once on
 * batch 32, then wrote quotes@1.25.0 from batch 32, retrained both models on 833 articles and measured it once on batch
 * 33. Session 16 measured quotes@1.25.0 once on batch 34, wrote quotes@1.26.0 from the errors of batches 33–34,
 * retrained both models on 900 articles (batches 22–34 added) and measured it once on batch 35 (`heldOutGoldDirs`): the
 * 148 CoNLL-2003 stories with reporting words that the earlier batches' candidate filter left out. Session 17 wrote
 * quotes@1.27.0 from the errors of the PTC articles and batches 22–35, retrained both models on 1038 articles (batch 35
 * added) and measured it once on batch 36: 240 EUvsDisinfo case descriptions, the product's domain. It then wrote
 * quotes@1.28.0 from batch 36's errors, retrained both models on 1180 articles (batch 36 added) and measured it once on
 * batch 37, the next 240 case descriptions; then wrote quotes@1.29.0 from batch 37's errors, retrained both models on
 * 1328 articles (batch 37 added) and measured it once on batch 38. Session 18 measured quotes@1.29.0 once on batch 39
 * (`heldOutGoldDirs`), then wrote quotes@1.30.0 from the errors of batches 36–39 and retrained both models on 1475
 * articles (batch 38 added; batch 39 stays out of training), and measured it once on batch 40 (`heldOutGoldDirs`), the
 * last 119 case descriptions with a reporting word.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { batchGoldDir, blindBatchGoldDirs, labelledGoldDirs, defaultGoldDir, development13GoldDirs, development252GoldDirs, developmentGoldDirs, goldSelection, resolveGold, validationGoldDirs, heldOut16GoldDir, heldOut18GoldDir, earlierHeldOutGoldDirs, evaluateQuotes, heldOutGoldDirs, labelledPtcGoldDirs, requireGoldDir } from '../../src/eval/quotes/run.js';
import { sharedDir } from '../../src/util/paths.js';

test('speaker attribution precision and recall on the gold set', { skip: !existsSync(join(sharedDir, 'samples')) && 'shared data not available' }, async () => {
  const { report, articles } = await evaluateQuotes(defaultGoldDir, sharedDir, { entities: false, chooser: false });
  assert.ok(articles >= 40);
  const o = report.overall;
  assert.ok(o.speakerPrecision >= 0.96, `speaker precision ${o.speakerPrecision}`);
  assert.ok(o.speakerRecall >= 0.84, `speaker recall ${o.speakerRecall}`);
  assert.ok(o.meanJaccard >= 0.9, `content Jaccard ${o.meanJaccard}`);
  assert.ok(report.byKind.direct.quoteRecall >= 0.95, `direct quote recall ${report.byKind.direct.quoteRecall}`);
});

test('development data is batches 1–17 (284 articles, never batches 18–40); dev252 = batches 1–15; dev13 = batches 1–13; val = 14+15; --gold heldout is batch 40; a missing or empty folder is a clear error', async () => {
  assert.match(heldOut16GoldDir, /heldout16$/);
  assert.match(heldOutGoldDirs, /heldout40$/);
  assert.match(heldOut18GoldDir, /heldout18$/);
  assert.match(batchGoldDir(13), /heldout13$/);
  assert.match(batchGoldDir(12), /heldout12$/);
  assert.match(batchGoldDir(11), /heldout11$/);
  assert.match(earlierHeldOutGoldDirs, /heldout,.*heldout2$/);
  const dev = developmentGoldDirs.split(',');
  // The first 41 articles, batches 1 and 2 (two folders), and batches 3–17.
  assert.equal(dev.length, 18);
  assert.ok(!dev.some((d) => /heldout(1[89]|2[0-9]|3[0-9]|40)$/.test(d)), 'batches 18–40 must stay out of development data');
  // The speaker model's training set: development data plus batches 18–21, never the blind batch 22.
  const labelled = labelledPtcGoldDirs.split(',');
  assert.deepEqual(labelled, [...dev, ...[18, 19, 20, 21].map(batchGoldDir)]);
  // The models' training set (session 18): those, Reuters batches 22–35 and EUvsDisinfo batches 36–38, never the blind
  // batches 39 (measured once with quotes@1.29.0) and 40 (measured once with quotes@1.30.0).
  assert.deepEqual(labelledGoldDirs.split(','), [...labelled, ...Array.from({ length: 17 }, (_, i) => batchGoldDir(22 + i))]);
  for (const d of [defaultGoldDir, ...Array.from({ length: 15 }, (_, i) => batchGoldDir(i + 3))]) assert.ok(dev.includes(d), d);
  assert.deepEqual(development252GoldDirs.split(','), dev.slice(0, 16));
  const dev13 = development13GoldDirs.split(',');
  assert.equal(dev13.length, 14);
  assert.ok(!dev13.some((d) => /heldout1[456]$/.test(d)), 'dev13 holds no batch 14, 15 or 16');
  assert.deepEqual(validationGoldDirs.split(','), [batchGoldDir(14), batchGoldDir(15)]);
  assert.deepEqual(blindBatchGoldDirs, [batchGoldDir(3), batchGoldDir(4), batchGoldDir(5), batchGoldDir(6)]);
  // The generic resolver keeps every old name (checked without touching the disk, so batch 16 is never listed).
  assert.deepEqual(goldSelection('heldout'), { dirs: batchGoldDir(40), required: [batchGoldDir(40)] });
  assert.equal(goldSelection('dev252').dirs, development252GoldDirs);
  assert.deepEqual(goldSelection('heldout16'), { dirs: heldOut16GoldDir, required: [heldOut16GoldDir] });
  assert.equal(goldSelection('heldout7').dirs, batchGoldDir(7));
  assert.equal(goldSelection('heldout15').dirs, batchGoldDir(15));
  assert.equal(goldSelection('heldout1').dirs, batchGoldDir(1));
  assert.match(batchGoldDir(1), /heldout$/);
  assert.equal(goldSelection('batches1-2').dirs, earlierHeldOutGoldDirs);
  assert.equal(goldSelection('dev').dirs, developmentGoldDirs);
  assert.equal(goldSelection('dev13').dirs, development13GoldDirs);
  assert.equal(goldSelection('val').dirs, validationGoldDirs);
  assert.equal(goldSelection('heldout99').dirs, batchGoldDir(99));
  assert.throws(() => resolveGold('heldout99'), /heldout99: held-out gold folder does not exist/);
  assert.equal(resolveGold('heldout13'), batchGoldDir(13));
  assert.equal(goldSelection('a,b').dirs.split(',').length, 2);
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const empty = mkdtempSync(join(tmpdir(), 'quotes-gold-'));
  try {
    assert.throws(() => requireGoldDir(join(empty, 'missing')), /missing: held-out gold folder does not exist/);
    assert.throws(() => requireGoldDir(empty), /no \.json gold files/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

/** Per-set floors (NER off, rules only: the chooser's figures on development data are in-sample): each is a measured level minus a margin, so a later round cannot quietly lose ground. */
const FLOORS: { name: string; gold: string; articles: number; precision: number; recall: number }[] = [
  // quotes@1.17.0: P 0.909 (70/77), R 0.835 (71/85) NER off: an outlet citing unnamed sources "as saying …" now
  // gives the unnamed sources (the guideline credits whoever said it); this gold file credits the outlet.
  { name: 'speaker attribution on the earlier held-out batches (now development data)', gold: earlierHeldOutGoldDirs, articles: 11, precision: 0.90, recall: 0.83 },
  { name: 'speaker attribution on batches 3 and 4 (development data since rounds B and C)', gold: [batchGoldDir(3), batchGoldDir(4)].join(','), articles: 21, precision: 0.88, recall: 0.87 },
  // quotes@1.7.0: P 0.960 (96/100), R 0.887 (94/106) NER off.
  { name: 'speaker attribution on batch 5 (development data since round D)', gold: batchGoldDir(5), articles: 10, precision: 0.93, recall: 0.86 },
  // quotes@1.8.0: P 0.792 (61/77), R 0.587 (61/104) NER off.
  { name: 'speaker attribution on batch 6 (blind run of round D by the lead, development data since)', gold: batchGoldDir(6), articles: 17, precision: 0.76, recall: 0.57 },
  // quotes@1.5.0 (round F, written while reading these errors): P 0.821, R 0.685 NER off; quotes@1.7.0: P 0.830 (176/212), R 0.710 (176/248);
  // quotes@1.8.0: P 0.829 (180/217), R 0.726 (180/248); quotes@1.9.0: P 0.832 (183/220), R 0.738 (183/248).
  { name: 'speaker attribution on batch 7 (blind run of round E by the lead; development data since)', gold: batchGoldDir(7), articles: 20, precision: 0.81, recall: 0.72 },
  // quotes@1.6.0 (round G, written while reading these errors): P 0.866 (174/201), R 0.659 (172/261) NER off;
  // quotes@1.7.0 (round H): P 0.877 (179/204), R 0.678 (177/261); quotes@1.8.0 (round I): P 0.880 (183/208), R 0.693 (181/261);
  // quotes@1.9.0 (round J): P 0.882 (187/212), R 0.709 (185/261).
  { name: 'speaker attribution on batch 8 (blind run of round F by the lead; development data since round G)', gold: batchGoldDir(8), articles: 20, precision: 0.86, recall: 0.70 },
  // quotes@1.7.0 on these 172 (batch 10 with its relabelled report quotes): P 0.873 (1111/1273), R 0.730 (1106/1515) NER off;
  // quotes@1.8.0: P 0.873 (1137/1302), R 0.749 (1134/1515) (development data: the rules were written from these errors; see
  // docs/quotes-and-claims.md for the exact counts). With batch 11 (188 articles): quotes@1.8.0 P 0.873 (1235/1414),
  // R 0.748 (1233/1648); quotes@1.9.0 (round J) P 0.874 (1245/1424), R 0.754 (1242/1648) NER off. With batch 12 (204
  // articles; its recall is low, so dev recall falls): quotes@1.9.0 P 0.871 (1330/1527), R 0.736 (1327/1804); quotes@1.10.0
  // (round K) P 0.878 (1334/1519), R 0.738 (1331/1804) NER off. With batch 13 (220 articles, round L; its blind figures are
  // low, so dev falls): quotes@1.10.0 P 0.870 (1410/1621), R 0.719 (1406/1956) NER off. The floor is just under that.
  // Round M (quotes@1.12.0, rules written from these 220 only, `--gold dev13`): P 0.870 (1418/1629), R 0.723 (1414/1956).
  { name: 'the 220 development articles of batches 1–13 (dev13): count and the precision floor of round L', gold: development13GoldDirs, articles: 220, precision: 0.86, recall: 0.71 },
  // Round M: `--gold dev` = all 252 development articles (dev13 + batches 14–15, whose recall is low):
  // quotes@1.12.0 P 0.870 (1600/1839), R 0.697 (1594/2288) NER off, rules only. The floor is just under that.
  { name: 'the 252 development articles (batches 1–15): count and floors of round M', gold: development252GoldDirs, articles: 252, precision: 0.86, recall: 0.69 },
  // Round N: `--gold dev` = all 284 development articles (batches 1–17): quotes@1.13.0 P 0.867 (1858/2144), R 0.703 (1848/2627)
  // NER off, rules only. The floor is just under that.
  { name: 'the 284 development articles (batches 1–17): count and floors of round N', gold: developmentGoldDirs, articles: 284, precision: 0.86, recall: 0.69 },
  // quotes@1.6.0, measured once blind by the lead: P 0.604 (84/139), R 0.600 (84/140) NER off, against the
  // original labels. Round H relabelled article 728972961 to follow the guideline (1.6.0 on the fixed gold:
  // P 0.691, R 0.600) and was written from these errors: quotes@1.7.0 P 0.765 (101/132), R 0.631 (101/160) NER off;
  // quotes@1.8.0 P 0.770 (107/139), R 0.681 (109/160). The floor is just under that.
  { name: 'speaker attribution on batch 9 (blind run of round G by the lead; development data since round H)', gold: batchGoldDir(9), articles: 16, precision: 0.75, recall: 0.66 },
  // quotes@1.7.0, measured once blind by the lead: P 0.745 (70/94), R 0.455 (70/154) NER off (70/149 after round I
  // relabelled five report quotes to null). Round I was written from these errors: quotes@1.8.0 P 0.779 (81/104),
  // R 0.544 (81/149). The floor is just under that.
  { name: 'speaker attribution on batch 10 (blind run of round H by the lead; development data since round I)', gold: batchGoldDir(10), articles: 16, precision: 0.76, recall: 0.53 },
  // quotes@1.8.0, measured once blind by the lead: P 0.875 (98/112), R 0.744 (99/133) NER off. The floor is
  // that measurement minus a margin, so a later round cannot quietly lose ground on it. Development data since
  // round J, which was written from these errors too: quotes@1.9.0 P 0.876 (99/113), R 0.752 (100/133); quotes@1.10.0
  // (round K) P 0.893 (100/112), R 0.759 (101/133).
  { name: 'speaker attribution on batch 11 (blind run of round I by the lead; development data since round J)', gold: batchGoldDir(11), articles: 16, precision: 0.88, recall: 0.74 },
  // quotes@1.9.0, measured once blind by the lead: P 0.824 (84/102), R 0.538 (84/156) NER off. The floor is
  // that measurement minus a margin, so a later round cannot quietly lose ground on it. Development data since round K,
  // which was written from these errors: quotes@1.10.0 P 0.897 (87/97), R 0.558 (87/156) NER off; the floor follows it.
  { name: 'speaker attribution on batch 12 (blind run of round J by the lead; development data since round K)', gold: batchGoldDir(12), articles: 16, precision: 0.88, recall: 0.55 },
  // quotes@1.10.0, measured once blind by the lead: P 0.745 (76/102), R 0.493 (75/152) NER off. The floor is
  // that measurement minus a margin, so a later round cannot quietly lose ground on unseen text.
  // Development data since round L.
  { name: 'speaker attribution on batch 13 (blind run of round K by the lead; development data since round L)', gold: batchGoldDir(13), articles: 16, precision: 0.72, recall: 0.47 },
  // quotes@1.10.0 and 1.11.0, measured once blind by the lead: P 0.853 (64/75), R 0.530 (62/117) NER off, rules only.
  { name: 'speaker attribution on batch 14 (blind run of rounds K and L by the lead)', gold: batchGoldDir(14), articles: 16, precision: 0.83, recall: 0.51 },
  // quotes@1.10.0 and 1.11.0, measured once blind by the lead: P 0.867 (111/128), R 0.521 (112/215) NER off, rules only.
  { name: 'speaker attribution on batch 15 (blind run of rounds K and L by the lead)', gold: batchGoldDir(15), articles: 16, precision: 0.84, recall: 0.50 },
  // quotes@1.12.0 (round M), measured once blind by the lead: P 0.804 (119/148), R 0.705 (117/166) NER off, rules only
  // (NER on + chooser, as shipped: P 0.832 (124/149), R 0.717 (119/166)).
  { name: 'speaker attribution on batch 16 (blind run of round M by the lead)', gold: heldOut16GoldDir, articles: 16, precision: 0.78, recall: 0.68 },
  // quotes@1.12.0 (round M), measured once blind by the lead: P 0.724 (105/145), R 0.595 (103/173) NER off, rules only
  // (NER on + chooser, as shipped: P 0.801 (117/146), R 0.665 (115/173)).
  { name: 'speaker attribution on batch 17 (blind run of round M by the lead)', gold: batchGoldDir(17), articles: 16, precision: 0.70, recall: 0.57 },
  // quotes@1.13.0 (round N) and 1.12.0 (identical here), measured once blind by the lead: P 0.571 (44/77), R 0.406 (43/106)
  // NER off, rules only (NER on + chooser, as shipped: P 0.727 (56/77), R 0.509 (54/106)).
  { name: 'speaker attribution on batch 18 (blind run of round N by the lead)', gold: heldOut18GoldDir, articles: 16, precision: 0.54, recall: 0.38 },
  // quotes@1.13.1 (session 10: round N's rules, tokens@1.1.0), measured once blind by the lead after the labellers' two
  // flagged calls were settled from the guideline: P 0.782 (86/110), R 0.425 (85/200) NER off, rules only (NER on +
  // chooser, as shipped: P 0.786 (88/112), R 0.435 (87/200)).
  { name: 'speaker attribution on batch 19 (blind run of quotes@1.13.1 by the lead)', gold: batchGoldDir(19), articles: 16, precision: 0.75, recall: 0.40 },
  // quotes@1.14.0 (round O; 1.13.1 gives the same NER-on output), measured once blind by the lead: P 0.578 (78/135),
  // R 0.444 (87/196) NER off, rules only (NER on + chooser, as shipped: P 0.636 (91/143), R 0.500 (98/196)).
  { name: 'speaker attribution on batch 20 (blind run of quotes@1.14.0 by the lead)', gold: batchGoldDir(20), articles: 16, precision: 0.55, recall: 0.42 },
  // quotes@1.14.0 (1.13.1 gives identical output), measured once blind by the lead: P 0.783 (65/83), R 0.509 (58/114)
  // NER off, rules only (NER on + chooser, as shipped: P 0.812 (69/85), R 0.544 (62/114)). The last PTC articles with quotes.
  { name: 'speaker attribution on batch 21 (blind run of quotes@1.14.0 by the lead)', gold: batchGoldDir(21), articles: 12, precision: 0.75, recall: 0.48 },
  // quotes@1.15.0 (session 11; its rules are 1.14.0's), measured once blind by the lead on 45 Reuters stories of the
  // CoNLL-2003 validation file: P 0.834 (161/193), R 0.716 (159/222) NER off, rules only (NER on + model, as shipped:
  // P 0.832 (163/196), R 0.725 (161/222)).
  // Development data (the detector's training set) since session 12.
  { name: 'speaker attribution on batch 22 (Reuters newswire; blind run of quotes@1.15.0 by the lead)', gold: batchGoldDir(22), articles: 45, precision: 0.80, recall: 0.69 },
  // quotes@1.16.0 (session 12: 1.15.0's rules with the learned reported-speech detector), measured once blind by the lead
  // on the next 45 Reuters stories (43 hold quotes): P 0.848 (117/138), R 0.750 (117/156) NER off, rules + detector,
  // no chooser (NER on + chooser, as shipped: P 0.803 (118/147), R 0.756 (118/156)).
  // Development data (the models' training set) since session 13.
  { name: 'speaker attribution on batch 23 (Reuters newswire; blind run of quotes@1.16.0 by the lead)', gold: batchGoldDir(23), articles: 43, precision: 0.82, recall: 0.72 },
  // quotes@1.17.0 (session 13: rules written from batches 22–23, both models retrained on the 432 labelled articles),
  // measured once blind by the lead on batch 24 (the last 17 Reuters stories of the validation file and 28 of the
  // training file): P 0.866 (129/149), R 0.766 (128/167) NER off, rules + detector, no chooser (NER on + chooser, as
  // shipped: P 0.890 (130/146), R 0.772 (129/167)).
  { name: 'speaker attribution on batch 24 (Reuters newswire; blind run of quotes@1.17.0 by the lead)', gold: batchGoldDir(24), articles: 45, precision: 0.83, recall: 0.73 },
  // The same code, measured once blind on batch 25 (45 more stories of the training file, 44 with quotes), labelled
  // after batch 24 was scored and with no code change in between: P 0.778 (144/185), R 0.705 (141/200) NER off, no
  // chooser (as shipped: P 0.812 (151/186), R 0.740 (148/200)).
  { name: 'speaker attribution on batch 25 (Reuters newswire; second blind run of quotes@1.17.0 by the lead)', gold: batchGoldDir(25), articles: 44, precision: 0.75, recall: 0.67 },
  // Development data (the training set of quotes@1.18.0's models) since then. quotes@1.18.0 (rules from batches 24–25,
  // models retrained on 521 articles), measured once blind by the lead on batch 26 (45 more training-file stories):
  // P 0.825 (132/160), R 0.720 (131/182) NER off, no chooser (NER on + chooser, as shipped: P 0.829 (136/164),
  // R 0.742 (135/182)).
  { name: 'speaker attribution on batch 26 (Reuters newswire; blind run of quotes@1.18.0 by the lead)', gold: batchGoldDir(26), articles: 45, precision: 0.79, recall: 0.69 },
  // Development data (the training set of quotes@1.19.0's models) since then. quotes@1.19.0 (one rule from batch 26,
  // models retrained on 566 articles), measured once blind by the lead on batch 27 (45 more training-file stories):
  // P 0.885 (92/104), R 0.709 (90/127) NER off, no chooser (NER on + chooser, as shipped: P 0.879 (94/107), R 0.724
  // (92/127); identical with a tagger trained without these stories).
  { name: 'speaker attribution on batch 27 (Reuters newswire; blind run of quotes@1.19.0 by the lead)', gold: batchGoldDir(27), articles: 45, precision: 0.85, recall: 0.67 },
  // Development data (the training set of quotes@1.20.0's models) since then. quotes@1.20.0 (rules from batch 27,
  // models retrained on 611 articles), measured once blind by the lead on batch 28 (45 more training-file stories):
  // P 0.787 (122/155), R 0.658 (121/184) NER off, no chooser (NER on + chooser, as shipped: P 0.803 (126/157), R 0.674
  // (124/184); identical with a tagger trained without these stories).
  { name: 'speaker attribution on batch 28 (Reuters newswire; blind run of quotes@1.20.0 by the lead)', gold: batchGoldDir(28), articles: 45, precision: 0.75, recall: 0.62 },
  // Development data since then. quotes@1.21.0 (one rule from batch 28, models of 1.20.0), measured once blind by the
  // lead on batch 29 (44 more training-file stories): P 0.836 (102/122), R 0.713 (102/143) NER off, no chooser (NER on
  // + chooser, as shipped: P 0.881 (104/118), R 0.727 (104/143); with a tagger trained without these stories: P 0.864
  // (102/118), R 0.713 (102/143)).
  { name: 'speaker attribution on batch 29 (Reuters newswire; blind run of quotes@1.21.0 by the lead)', gold: batchGoldDir(29), articles: 44, precision: 0.79, recall: 0.67 },
  // Development data (the training set of quotes@1.22.0's models) since then. quotes@1.22.0 (rules from batches 28–29,
  // models retrained on 700 articles), measured once blind by the lead on batch 30 (45 more training-file stories):
  // P 0.827 (115/139), R 0.717 (114/159) NER off, no chooser (NER on + chooser, as shipped: P 0.843 (118/140), R 0.736
  // (117/159); with a tagger trained without these stories: P 0.836 (117/140), R 0.730 (116/159)).
  { name: 'speaker attribution on batch 30 (Reuters newswire; blind run of quotes@1.22.0 by the lead)', gold: batchGoldDir(30), articles: 45, precision: 0.79, recall: 0.68 },
  // Development data (the training set of quotes@1.23.0's models) since then. quotes@1.23.0 (rules from batch 30, models
  // retrained on 745 articles), measured once blind by the lead on batch 31 (45 more training-file stories): P 0.895
  // (145/162), R 0.806 (145/180) NER off, no chooser (NER on + chooser, as shipped: P 0.901 (146/162), R 0.811 (146/180);
  // identical with a tagger trained without these stories).
  { name: 'speaker attribution on batch 31 (Reuters newswire; blind run of quotes@1.23.0 by the lead)', gold: batchGoldDir(31), articles: 45, precision: 0.86, recall: 0.77 },
  // Development data (the training set of quotes@1.24.0's models) since then. quotes@1.24.0 (rules from batch 31, models
  // retrained on 790 articles), measured once blind by the lead on batch 32 (43 more training-file stories; two of the
  // 45 held nothing to label): P 0.846 (143/169), R 0.708 (143/202) NER off, no chooser (NER on + chooser, as shipped:
  // P 0.888 (151/170), R 0.748 (151/202); with a tagger trained without these stories: P 0.883 (151/171), R 0.748).
  { name: 'speaker attribution on batch 32 (Reuters newswire; blind run of quotes@1.24.0 by the lead)', gold: batchGoldDir(32), articles: 43, precision: 0.81, recall: 0.67 },
  // Development data (the training set of quotes@1.25.0's models) since then. quotes@1.25.0 (rules from batch 32, models
  // retrained on 833 articles), measured once blind by the lead on batch 33 (45 more training-file stories): P 0.796
  // (117/147), R 0.671 (114/170) NER off, no chooser (NER on + chooser, as shipped: P 0.819 (118/144), R 0.676 (115/170);
  // identical with a tagger trained without these stories).
  { name: 'speaker attribution on batch 33 (Reuters newswire; blind run of quotes@1.25.0 by the lead)', gold: batchGoldDir(33), articles: 45, precision: 0.76, recall: 0.63 },
  // Development data (the training set of quotes@1.26.0's models) since then. quotes@1.25.0 measured once blind by the
  // lead on batch 34 (the last 22 candidate stories of the training file): P 0.914 (64/70), R 0.780 (64/82) NER off, no
  // chooser (NER on + chooser, as shipped: P 0.929 (65/70), R 0.793 (65/82); with a tagger trained without these
  // stories: P 0.814 (57/70), R 0.695 (57/82), one article whose doubled surname the other tagger split).
  { name: 'speaker attribution on batch 34 (Reuters newswire; blind run of quotes@1.25.0 by the lead)', gold: batchGoldDir(34), articles: 22, precision: 0.88, recall: 0.74 },
  // quotes@1.26.0 (rules from batches 33–34, models retrained on 900 articles), measured once blind by the lead on batch
  // 35 (the 148 stories with a reporting word that the candidate filter left out; 138 hold something to label, all
  // reported speech): P 0.840 (105/125), R 0.802 (105/131) NER off, no chooser (NER on + chooser, as shipped: P 0.863
  // (107/124), R 0.817 (107/131)).
  { name: 'speaker attribution on batch 35 (Reuters newswire; blind run of quotes@1.26.0 by the lead)', gold: batchGoldDir(35), articles: 138, precision: 0.80, recall: 0.76 },
  // Development data (the training set of quotes@1.27.0's models) since then. quotes@1.27.0 (rules from the PTC articles
  // and batches 22–35, models retrained on 1038 articles), measured once blind by the lead on batch 36 (240 EUvsDisinfo
  // case descriptions, 142 with something to label): P 0.843 (75/89), R 0.517 (75/145) NER off, no chooser (NER on +
  // chooser, as shipped: P 0.854 (76/89), R 0.524 (76/145)). The product's domain; recall is far below newswire.
  // (After the run, nine document speakers of batch 36 were made consistent with the brief: named authors, not null.)
  { name: 'speaker attribution on batch 36 (EUvsDisinfo case descriptions; blind run of quotes@1.27.0 by the lead)', gold: batchGoldDir(36), articles: 142, precision: 0.80, recall: 0.48 },
  // Development data (the training set of quotes@1.28.0's models) since then. quotes@1.28.0 (rules from batch 36,
  // models retrained on 1180 articles), measured once blind by the lead on batch 37 (the next 240 case descriptions,
  // 148 with something to label): P 0.879 (94/107), R 0.613 (95/155) NER off, no chooser (NER on + chooser, as shipped:
  // P 0.857 (96/112), R 0.626 (97/155)).
  { name: 'speaker attribution on batch 37 (EUvsDisinfo case descriptions; blind run of quotes@1.28.0 by the lead)', gold: batchGoldDir(37), articles: 148, precision: 0.83, recall: 0.57 },
  // Development data (the training set of quotes@1.29.0's models) since then. quotes@1.29.0 (rules from batch 37,
  // models retrained on 1328 articles), measured once blind by the lead on batch 38 (the next 240 case descriptions,
  // 147 with something to label): P 0.829 (87/105), R 0.558 (86/154) NER off, no chooser (NER on + chooser, as
  // shipped: P 0.837 (87/104), R 0.558 (86/154)).
  { name: 'speaker attribution on batch 38 (EUvsDisinfo case descriptions; blind run of quotes@1.29.0 by the lead)', gold: batchGoldDir(38), articles: 147, precision: 0.79, recall: 0.52 },
  // Development data (the training set of quotes@1.30.0's models) since then. quotes@1.29.0, measured once blind by the
  // lead on batch 39 (the next 240 case descriptions, 145 with something to label) at the start of session 18: P 0.852
  // (75/88), R 0.628 (76/121) NER off, no chooser (NER on + chooser, as shipped: P 0.867 (78/90), R 0.645 (78/121)).
  // quotes@1.30.0's rules were then written from batches 36–39, so this floor guards against regressions only.
  { name: 'speaker attribution on batch 39 (EUvsDisinfo case descriptions; blind run of quotes@1.29.0 by the lead)', gold: batchGoldDir(39), articles: 145, precision: 0.81, recall: 0.58 },
  // quotes@1.30.0 (rules from batches 36–39, models retrained on 1475 articles), measured once blind by the lead on batch
  // 40 (the last 119 case descriptions with a reporting word, 62 with something to label): P 0.800 (32/40), R 0.536
  // (30/56) NER off, no chooser (NER on + chooser, as shipped: P 0.810 (34/42), R 0.571 (32/56)). Small: 56 speakers.
  { name: 'speaker attribution on batch 40 (EUvsDisinfo case descriptions; blind run of quotes@1.30.0 by the lead)', gold: heldOutGoldDirs, articles: 62, precision: 0.76, recall: 0.5 },
];

for (const f of FLOORS) {
  test(f.name, { skip: !existsSync(join(sharedDir, 'samples')) && 'shared data not available' }, async () => {
    const { report, articles } = await evaluateQuotes(f.gold, sharedDir, { entities: false, chooser: false });
    assert.equal(articles, f.articles);
    assert.ok(report.overall.speakerPrecision >= f.precision, `speaker precision ${report.overall.speakerPrecision}`);
    assert.ok(report.overall.speakerRecall >= f.recall, `speaker recall ${report.overall.speakerRecall}`);
  });
}
