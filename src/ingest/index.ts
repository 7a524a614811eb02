/** Ingestion: read inputs (files, folders, globs, stdin, URLs, feeds), clean them, build Docs. */
export type { ArticleInput, IngestFailure, IngestOptions } from './types.js';
export { isFailure, describeSource } from './types.js';
export { readInputs, isUrl } from './read.js';
export { defaultIngestOptions, resolveOptions, parseByteSize, parseDuration } from './options.js';
export { buildDoc, sanitizeId, INGEST_COMPONENT, INGEST_VERSION } from './build-doc.js';
export { IngestError } from './errors.js';
export { cleanText, normalizeSpace, type CleanResult, type CleanOptions, type LineVerdict, type DatelineHit } from './clean.js';
export { CLEAN_RULES, BIAS, THRESHOLD, furnitureScore, type CleanRule } from './clean-rules.js';
export { extractHtml, type ExtractedHtml } from './extract-html.js';
export { buildMeta, contentHash } from './metadata.js';
export { detectLanguage } from './language.js';
export { registrableDomain } from './outlet.js';
export { parseDateValue, findDates } from './dates.js';
