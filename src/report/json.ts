/**
 * JSON output: one Doc per line (JSONL), the schema documented in docs/schema.md, and the reverse:
 * reading such a line back with a clear error naming the file and line when it is not a Doc.
 */
import { DOC_SCHEMA, type Doc } from '../nlp/doc.js';

/** One JSONL line (no trailing newline). JSON.stringify escapes newlines inside strings. */
export function docToJsonLine(doc: Doc): string {
  return JSON.stringify(doc);
}

/** Pretty form for `show --json`. */
export function docToJson(doc: Doc): string {
  return JSON.stringify(doc, null, 2);
}

/** Parse one line of a Doc JSONL file; `where` is e.g. "out.jsonl:12" for messages. */
export function parseDocLine(line: string, where: string): Doc {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (err) {
    throw new Error(`${where}: not valid JSON (${(err as Error).message})`);
  }
  const problem = docProblem(v);
  if (problem) throw new Error(`${where}: not a narrascope Doc: ${problem}`);
  return v as Doc;
}

/** What is wrong with a value claiming to be a Doc, or undefined when it looks right. */
export function docProblem(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'expected a JSON object';
  const d = v as Record<string, unknown>;
  if (d.schema !== DOC_SCHEMA) return `schema is ${JSON.stringify(d.schema)}, expected "${DOC_SCHEMA}"`;
  if (typeof d.id !== 'string' || !d.id) return 'missing id';
  if (typeof d.text !== 'string') return 'missing text';
  if (!d.meta || typeof d.meta !== 'object') return 'missing meta';
  if (typeof (d.meta as Record<string, unknown>).contentHash !== 'string') return 'missing meta.contentHash';
  if (!Array.isArray(d.removed)) return 'removed must be an array';
  if (!d.layers || typeof d.layers !== 'object') return 'missing layers';
  if (!Array.isArray(d.provenance)) return 'provenance must be an array';
  const len = d.text.length;
  for (const [name, layer] of Object.entries(d.layers as Record<string, unknown>)) {
    if (!Array.isArray(layer)) return `layer ${name} must be an array`;
    for (let i = 0; i < layer.length; i++) {
      const a = layer[i] as { start?: unknown; end?: unknown };
      if (typeof a?.start === 'number' && typeof a.end === 'number' && !(a.start >= 0 && a.start <= a.end && a.end <= len)) {
        return `layers.${name}[${i}] has offsets ${a.start}..${a.end} outside the text (length ${len})`;
      }
    }
  }
  return undefined;
}
