/** Loading the committed NER artifact (once per process). */
import { join } from 'node:path';
import { loadArtifact } from '../../models/artifact.js';
import { NerModel, type NerModelData } from '../../models/ner-tagger.js';

export const NER_MODEL_FILE = 'ner.json.gz';

const cache = new Map<string, NerModel>();

export function loadNerModel(modelsDir: string): NerModel {
  const path = join(modelsDir, NER_MODEL_FILE);
  let m = cache.get(path);
  if (!m) {
    const art = loadArtifact<NerModelData>(path);
    if (art.header.model !== 'ner') throw new Error(`${path}: expected a 'ner' model, found '${art.header.model}'`);
    m = new NerModel(art.body);
    cache.set(path, m);
  }
  return m;
}
