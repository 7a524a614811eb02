/**
 * Check-worthiness cues: readable features of a sentence and their weights. The score is a
 * logistic squash of the weighted sum (see docs/quotes-and-claims.md for the reasoning).
 * Positive cues mark statements that can be checked against records (numbers, dates, named
 * actors, completed events); negative cues mark opinion, requests, questions and page furniture.
 */

export interface CueWeights {
  bias: number;
  number: number;
  date: number;
  namedEntity: number;
  moreEntities: number;
  pastEvent: number;
  attributed: number;
  comparative: number;
  opinion: number;
  normative: number;
  hedge: number;
  question: number;
  imperative: number;
  evaluative: number;
  personal: number;
  exclamation: number;
  short: number;
  noVerb: number;
  furniture: number;
  headline: number;
  request: number;
}

export const WEIGHTS: CueWeights = {
  bias: -1.0,
  number: 1.2,
  date: 0.6,
  namedEntity: 0.9,
  moreEntities: 0.3,
  pastEvent: 0.8,
  attributed: 0.4,
  comparative: 0.4,
  opinion: -1.6,
  normative: -1.2,
  hedge: -0.3,
  question: -2.5,
  imperative: -1.5,
  evaluative: -0.7,
  personal: -0.6,
  exclamation: -0.6,
  short: -2.0,
  noVerb: -1.5,
  furniture: -3.0,
  headline: -1.5,
  request: -1.2,
};

export const OPINION = /\b(i|we) (think|believe|feel|guess|suppose|hope|fear|doubt)\b|\bin (my|our) (view|opinion)\b|\b(i am|i'?m|we are|we'?re) (sure|convinced|certain)\b|\bit seems\b|\bapparently\b|\bobviously\b|\bclearly\b|\bof course\b/i;
export const NORMATIVE = /\b(should|must|ought to|need to|needs to|have to|has to|shall)\b/i;
/** Requests and appeals, also inside quotes ("we are asking them to stop", "I call on"). */
export const REQUEST = /\b(we|i) (are |am )?(ask|asking|call on|calling on|urge|urging|appeal to|demand|beg|invite)\b|\bplease\b|\blet us\b|\blet's\b/i;
export const HEDGE = /\b(could|might|may|would|perhaps|maybe|possibly|likely)\b/i;
export const EVALUATIVE = new Set([
  'terrible', 'great', 'ridiculous', 'absurd', 'shameful', 'disgusting', 'wonderful', 'evil', 'stupid', 'crazy',
  'outrageous', 'pathetic', 'brilliant', 'horrible', 'awful', 'fake', 'hypocritical', 'insane', 'incredible', 'amazing',
  'disgraceful', 'despicable', 'beautiful', 'sad', 'best', 'worst', 'heroic', 'cowardly', 'shocking', 'idiotic',
  'laughable', 'corrupt', 'loony', 'vile', 'dangerous', 'reckless', 'scandalous', 'bizarre', 'silly', 'magnificent',
  'fantastic', 'horrific', 'sickening', 'appalling', 'nasty', 'lovely', 'boring', 'pointless', 'foolish', 'weird',
]);
export const FURNITURE = /\b(subscribe|sign up|newsletter|click here|read more|follow us|share this|advertisement|comments?\b|cookie|all rights reserved|listen live|short url|get the latest|download our app|terms of use|privacy policy)\b|https?:\/\/|www\.|@\w+/i;
export const COMPARATIVE = /\b(more than|less than|fewer than|at least|as many as|up to|largest|biggest|highest|lowest|first|last|most|least|record|double|twice|half)\b/i;
export const DATE = /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last (week|month|year)|(19|20)\d\d)\b/i;
export const PERSONAL = /\b(i|me|my|we|us|our|you|your)\b/i;

export const squash = (x: number) => 1 / (1 + Math.exp(-x));
