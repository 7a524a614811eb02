/**
 * CoNLL-2003 documents as plain articles, for a quote gold set on text the quote rules were never written from
 * (Reuters newswire, 1996). The text is derived from the token file on every read and never stored: gold files hold
 * `{"file": "data/conll2003/valid.txt", "doc": N}` and offsets into the text this module makes.
 *
 * Layout follows the PTC articles: the first sentence (the headline) on line 1, a blank line, then one sentence per
 * line. Tokens are joined with the spacing of ordinary English text: no space before closing punctuation and clitics
 * ('s, n't), none after opening brackets; a straight double quote opens or closes by its place (see `joinTokens`).
 */
import { readConll, type ConllDocument } from './conll.js';

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', '}', '%', "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'", '...']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);

/** One sentence's tokens joined; `open` carries whether a double quote is open across sentences. */
function joinTokens(words: string[], open: { quote: boolean }): string {
  let out = '';
  let glueNext = false;
  words.forEach((w, i) => {
    let glue = glueNext || out === '';
    glueNext = false;
    if (w === '"') {
      // Wire copy reopens a quote at each new paragraph without closing the last one, so a mark that starts a
      // sentence opens and one that ends it closes; marks inside a sentence alternate. (A sentence-final mark with no
      // quote open was moved to the next sentence by `conllDocumentText`.)
      const opening = i === 0 ? true : i === words.length - 1 ? false : !open.quote;
      if (opening) glueNext = true; // an opening mark hugs the word after it
      else glue = true; // a closing mark hugs the word before it
      open.quote = opening;
    } else if (NO_SPACE_BEFORE.has(w)) glue = true;
    if (NO_SPACE_AFTER.has(w)) glueNext = true;
    out += (glue ? '' : ' ') + w;
  });
  return out;
}

/** The article text of one parsed CoNLL document. */
export function conllDocumentText(doc: ConllDocument): string {
  const sentences = doc.sentences.map((s) => s.tokens.map((t) => t.word));
  // The CoNLL sentence split often leaves the opening mark of the next sentence at the end of this one
  // ('… Hoddle said . "' / 'There were …'): a final mark when no quote is open belongs to the next sentence.
  let quoteOpen = false;
  sentences.forEach((ws, k) => {
    ws.forEach((w, i) => {
      if (w !== '"') return;
      if (i === 0) quoteOpen = true;
      else if (i < ws.length - 1) quoteOpen = !quoteOpen;
      else if (quoteOpen) quoteOpen = false;
      else if (k + 1 < sentences.length) {
        ws.pop();
        sentences[k + 1]!.unshift('"');
      }
    });
  });
  const open = { quote: false };
  const lines = sentences.map((ws) => joinTokens(ws, open));
  if (!lines.length) return '';
  return [lines[0], '', ...lines.slice(1)].join('\n') + '\n';
}

const cache = new Map<string, ConllDocument[]>();

/** Document `index` (0-based, in file order) of a CoNLL file, as article text. */
export function conllArticleText(path: string, index: number): string {
  let docs = cache.get(path);
  if (!docs) {
    docs = readConll(path, false);
    cache.set(path, docs);
  }
  if (!Number.isInteger(index) || index < 0 || index >= docs.length) {
    throw new Error(`${path}: document ${index} does not exist (the file has ${docs.length} documents, numbered from 0)`);
  }
  return conllDocumentText(docs[index]!);
}
