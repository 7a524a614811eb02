/**
 * Alias lists: from a user file (`canonical<TAB>alias<TAB>...`) and stated in the article itself
 * ("Jabhat al-Qasim [Qasim Front, al-Qasim Front]", "X (also known as Y)").
 */
import { readFileSync } from 'node:fs';
import { normName } from './names.js';

export interface AliasGroup {
  canonical: string;
  aliases: string[];
  /** Where the group came from: 'user:<file>:<line>' or 'text'. */
  source: string;
  /** Offsets of the stated names when the group comes from the text (for adding mentions). */
  spans?: { start: number; end: number; text: string }[];
}

/** Parse a user alias file; blank lines and lines starting with '#' are skipped. */
export function parseAliasFile(content: string, file: string): AliasGroup[] {
  const groups: AliasGroup[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const cols = raw.split('\t').map((c) => c.trim());
    if (cols.length < 2 || cols.some((c) => !c)) {
      throw new Error(`${file}:${i + 1}: expected 'canonical<TAB>alias[<TAB>alias...]' with no empty columns, found ${JSON.stringify(raw)}`);
    }
    groups.push({ canonical: cols[0], aliases: cols.slice(1), source: `user:${file}:${i + 1}` });
  });
  return groups;
}

export function readAliasFile(file: string): AliasGroup[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read alias file: ${(err as Error).message}`);
  }
  return parseAliasFile(content, file);
}

// A name: capitalized words, optionally joined by Arabic articles / minor words ("Jabhat al-Nusra").
const WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.]*|(?:al|el|Al|El)[-‐]\p{Lu}[\p{L}\p{M}'’]*)`;
const NAME = String.raw`${WORD}(?:[ \u00A0](?:(?:of|the|de|bin|ibn|al|el)[ \u00A0])?${WORD})*`;
const LIST_ITEM = String.raw`(?:[Tt]he\s+)?${NAME}`;
const BRACKET = new RegExp(String.raw`(${NAME})\s*\[((?:${LIST_ITEM})(?:\s*[,;/]\s*(?:${LIST_ITEM}))*)\]`, 'gu');
const AKA = new RegExp(
  String.raw`(${NAME})\s*\((?:also known as|also called|a\.k\.a\.?|aka|formerly|formerly known as|known as)\s+((?:${LIST_ITEM})(?:\s*(?:,|;|\bor\b|\band\b)\s*(?:${LIST_ITEM}))*)\)`,
  'gu',
);

/** Alias groups stated in the text, with the offsets of every stated name. */
export function textAliases(text: string): AliasGroup[] {
  const groups: AliasGroup[] = [];
  for (const re of [BRACKET, AKA]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // "The Levant Front (also known as ...)": the article is not part of the name.
      const article = /^the\s+/i.exec(m[1])?.[0] ?? '';
      const head = m[1].slice(article.length);
      const headStart = m.index + article.length;
      const spans = [{ start: headStart, end: headStart + head.length, text: head }];
      const listStart = m.index + m[0].indexOf(m[2], m[1].length);
      const itemRe = new RegExp(LIST_ITEM, 'gu');
      for (let it = itemRe.exec(m[2]); it; it = itemRe.exec(m[2])) {
        spans.push({ start: listStart + it.index, end: listStart + it.index + it[0].length, text: it[0] });
      }
      const aliases = spans.slice(1).map((s) => s.text);
      // Nothing new stated ("X [X]"): not an alias list.
      if (aliases.every((a) => normName(a) === normName(head))) continue;
      groups.push({ canonical: head, aliases, source: 'text', spans });
    }
  }
  return groups;
}
