/** Layer shape of the outlet-profile analyzer. */
export interface OutletProfile {
  /** e.g. 'sputniknews.com' */
  domain: string;
  name?: string;
  /** How the outlet was identified: 'url', 'record', 'text'. */
  matchedBy: 'url' | 'record' | 'text';
  /** Where in the text the outlet was named, when matchedBy = 'text'. */
  start?: number;
  end?: number;
  confidence: number;
  by: string;
  factuality?: string;
  bias?: string;
  country?: string;
  stateAffiliated?: boolean;
  credibility?: string;
  /** Other labels, by rater: e.g. {'nela:open-sources:state': '1'}. */
  labels: Record<string, string>;
  /** Cases in the imported knowledge base naming this outlet. */
  kbCases?: number;
}

declare module '../../nlp/doc.js' {
  interface LayerTypes {
    outlet: OutletProfile[];
  }
}
