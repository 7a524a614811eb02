/** The error buildDoc throws for an input that cannot become a Doc; callers turn it into an IngestFailure. */
import { describeSource, type IngestFailure } from './types.js';
import type { SourceRef } from '../nlp/doc.js';

export class IngestError extends Error {
  readonly source: SourceRef;
  readonly reason: string;
  constructor(source: SourceRef, reason: string) {
    super(`${describeSource(source)}: ${reason}`);
    this.name = 'IngestError';
    this.source = source;
    this.reason = reason;
  }
  toFailure(): IngestFailure {
    return { source: this.source, reason: this.reason };
  }
}

export function failure(source: SourceRef, reason: string): IngestFailure {
  return { source, reason };
}
