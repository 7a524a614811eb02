/**
 * Writes the precision-set fixture (PTC article ids only, no text) used by the tests:
 *   node dist/src/eval/narratives/fixture.js > test/narratives/fixtures/precision-ptc.json
 */
import { kFolds } from '../../models/random.js';
import { UNRELATED_RULE, unrelatedPtcIds } from './data.js';

const ids = unrelatedPtcIds();
const [calibration, test] = kFolds(ids, 2, 1).map((f) => [...f].sort());
process.stdout.write(
  JSON.stringify(
    {
      description: 'PTC train-articles naming none of the topic words below (src/eval/narratives/data.ts UNRELATED_RULE); split with kFolds(ids, 2, seed 1): fold 0 calibrates the narrative threshold, fold 1 tests it',
      rule: UNRELATED_RULE.source,
      calibration,
      test,
    },
    null,
    1,
  ) + '\n',
);
