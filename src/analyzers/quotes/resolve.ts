/**
 * Turning a speaker mention into a speaker: names link to NER entities (by overlap, then by name);
 * pronouns and titles ("he", "the official", "the ministry") go to the most recent compatible speaker.
 */
import type { Span } from '../../nlp/doc.js';
import type { Entity, EntityMention } from '../entities/types.js';
import type { QuoteSpeaker } from './types.js';
import type { Mention, SpeakerKind, Tok } from './mention.js';
import { ORG_HEADS, TITLE_WORDS } from './lexicon.js';

interface Known {
  name: string;
  kind: SpeakerKind;
  entity?: string;
  at: number;
  /** An unnamed speaker ("a spokeswoman"): pronouns after it must not jump back to older names. */
  anonymous?: boolean;
}

export function lastWord(name: string): string {
  const words = normName(name).split(' ').filter(Boolean);
  return words[words.length - 1] ?? '';
}

/** Lower case, no articles or possessives, single spaces: the form names are compared in. */
export function normName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\b(the|a|an)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const kindOfLabel = (label: string): SpeakerKind => (label === 'PER' ? 'person' : label === 'ORG' || label === 'LOC' ? 'org' : 'unknown');

/** Pronouns and titles look back at most this far (characters) for their speaker. */
const LOOKBACK = 1500;

export class SpeakerResolver {
  private readonly known: Known[] = [];

  constructor(
    private readonly text: string,
    private readonly mentions: EntityMention[] = [],
    private readonly index: Entity[] = [],
    private readonly toks: Tok[] = [],
    /** True inside quotation marks: names there are what a speaker talks about, not who speaks. */
    private readonly quoted: (offset: number) => boolean = () => false,
  ) {}

 /** Title-case lines (headlines) capitalise every word, so they say nothing about names. */
  private headline(k: number): boolean {
    const start = this.text.lastIndexOf('\n', this.toks[k].start) + 1;
    let end = this.text.indexOf('\n', this.toks[k].start);
    if (end < 0) end = this.text.length;
    const words = this.text.slice(start, end).split(/\s+/).filter((w) => /^\p{L}/u.test(w));
    return words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.7;
  }

  /** "Dvorak" → "Marek Dvorak" when the text names him in full somewhere (a PROPN before the surname). */
  private fullName(surname: string): string | undefined {
    const proper = (t: Tok | undefined) => !!t && t.pos === 'PROPN' && !TITLE_WORDS.has(t.lower) && /^\p{Lu}/u.test(t.text);
    for (let k = 0; k < this.toks.length; k++) {
      if (this.toks[k].text !== surname || this.headline(k)) continue;
      // Given name first: "Kofi Mensah Owusu" … "Kofi said".
      if (proper(this.toks[k + 1]) && (k === 0 || !proper(this.toks[k - 1]))) {
        const words = [surname];
        for (let j = k + 1; j <= k + 2 && proper(this.toks[j]); j++) words.push(this.toks[j].text);
        return words.join(' ');
      }
      const words: string[] = [];
      let j = k - 1;
      while (j >= 0 && words.length < 2 && this.toks[j].pos === 'PROPN' && !TITLE_WORDS.has(this.toks[j].lower) && /^\p{Lu}/u.test(this.toks[j].text)) {
        words.unshift(this.toks[j].text);
        j--;
      }
      if (words.length) return [...words, surname].join(' ');
    }
    return undefined;
  }

  resolve(m: Mention, span: Span): QuoteSpeaker | undefined {
    if (m.type === 'name') return this.resolveName(m, span);
    if (m.type === 'pronoun') {
      // The most recent speaker of the right kind; an unnamed one ("an aide told the Herald") blocks older names.
      // (Tried: letting a nearer NER person win. Without gender it picked the wrong person more often than not.)
      const k = this.recent(span.start, (x) => x.kind === m.kind);
      return k && !k.anonymous ? { entity: k.entity, name: k.name, mention: span, resolvedBy: 'pronoun' } : undefined;
    }
    if (m.type === 'generic') {
      this.known.push({ name: '', kind: /s$/.test(m.head ?? '') ? 'org' : 'person', at: span.start, anonymous: true });
      return undefined;
    }
    if (m.type === 'title') {
      const head = m.head ?? '';
      // "Its website said": the organisation itself.
      if (m.kind === 'org' && /^(its|their)$/.test(this.text.slice(span.start, span.end).split(/\s+/)[0].toLowerCase())) {
        const k = this.recent(span.start, (x) => x.kind === 'org' && !x.anonymous);
        return k && { entity: k.entity, name: k.name, mention: span, resolvedBy: 'title' };
      }
      const k = m.kind === 'person'
        ? this.recent(span.start, (x) => x.kind === 'person' && !x.anonymous)
        : this.recent(span.start, (x) => x.kind === 'org' && normName(x.name).includes(head)) ?? this.recentEntity(span.start, 'ORG', head) ??
          // "the group said" names no head worth matching: the nearest organisation in the text.
          (['group', 'organization', 'organisation', 'body', 'conference', 'agency'].includes(head) ? this.recentEntity(span.start, 'ORG', undefined, 600) : undefined);
      return k && { entity: k.entity, name: k.name, mention: span, resolvedBy: 'title' };
    }
    return undefined;
  }

  /** Remember a speaker so later pronouns and titles can refer to it. */
  remember(s: QuoteSpeaker, kind: SpeakerKind): void {
    this.known.push({ name: s.name, entity: s.entity, kind, at: s.mention.start });
  }

  kindOf(s: QuoteSpeaker): SpeakerKind {
    const e = s.entity ? this.index.find((x) => x.id === s.entity) : undefined;
    if (e) return kindOfLabel(e.label);
    return this.known.find((k) => !k.anonymous && k.name === s.name)?.kind ?? 'unknown';
  }

  private resolveName(m: Mention, mentionSpan: Span): QuoteSpeaker {
    const span = { start: m.nameStart!, end: m.nameEnd! };
    const raw = this.text.slice(span.start, span.end);
    let kind = m.kind;
    // A lone surname whose full "Given Surname" form is in the text is a person, whatever NER made of it.
    const full = kind === 'unknown' && !raw.trim().includes(' ') ? this.fullName(raw.trim()) : undefined;
    if (full) kind = 'person';
    const entity = this.linkEntity(span, raw, kind);
    if (entity) {
      // The entity label only fills in a kind the phrase left open ("Rocky Palermo" stays a person even if tagged LOC).
      const k = kindOfLabel(entity.label);
      if (k !== 'unknown' && kind === 'unknown') kind = k;
      const s = { entity: entity.id, name: entity.canonical, mention: mentionSpan, resolvedBy: 'name' };
      this.known.push({ name: s.name, entity: s.entity, kind, at: span.start });
      return s;
    }
    // A surname alone ("Dvorak") is the same speaker as an earlier full name.
    const last = lastWord(raw);
    // (Also the first word: Chinese names put the family name first, "Wang Lei" … "Wang said".)
    const single = !normName(raw).includes(' ');
    const earlier = [...this.known].reverse().find((k) => !k.anonymous && k.kind !== 'org' && normName(k.name).length >= normName(raw).length &&
      (lastWord(k.name) === last || (single && k.kind === 'person' && normName(k.name).split(' ')[0] === last)));
    const sameOrg = kind === 'org' ? [...this.known].reverse().find((k) => !k.anonymous && k.kind === 'org' && normName(k.name) !== normName(raw) && normName(k.name).endsWith(' ' + normName(raw))) : undefined;
    if (sameOrg) {
      this.known.push({ ...sameOrg, at: span.start });
      return { entity: sameOrg.entity, name: sameOrg.name, mention: mentionSpan, resolvedBy: 'name' };
    }
    let name = earlier ? earlier.name : raw.replace(/\s+/g, ' ').trim();
    if (earlier && kind === 'unknown') kind = earlier.kind;
    if (!earlier && full) name = full;
    this.known.push({ name, kind, at: span.start });
    return { name, mention: mentionSpan, resolvedBy: 'name' };
  }

  private linkEntity(span: Span, raw: string, kind: SpeakerKind): Entity | undefined {
    // Only an entity that covers the head (last word) names the speaker: "US embassy in Beijing" is not Beijing.
    const overlapping = this.mentions.filter((x) => x.start < span.end && x.end >= span.end - 1 && x.end > span.start);
    // "US Mission in China" is an organisation, not the place at its end.
    const orgWord = normName(raw).split(' ').some((w) => ORG_HEADS.has(w));
    const want = kind === 'person' ? ['PER'] : kind === 'org' ? (orgWord ? ['ORG'] : ['ORG', 'LOC']) : ['PER', 'ORG', 'LOC'];
    // Very long "names" are NER run-ons (often a headline); they would make bad speaker names.
    const sane = (e: Entity | undefined) => (e && e.canonical.split(/\s+/).length <= 5 ? e : undefined);
    const pick = [...overlapping].reverse().find((x) => want.includes(x.label));
    const byId = (id: string) => sane(this.index.find((e) => e.id === id));
    if (pick) return byId(pick.entity);
    const n = normName(raw);
    const exact = this.index.find((e) => normName(e.canonical) === n || e.aliases.some((a) => normName(a) === n));
    if (sane(exact)) return exact;
    if (kind !== 'org' && !n.includes(' ')) {
      const bySurname = this.index.filter((e) => e.label === 'PER' && lastWord(e.canonical) === n && sane(e));
      if (bySurname.length === 1) return bySurname[0];
    }
    return undefined;
  }

  private recent(before: number, ok: (k: Known) => boolean): Known | undefined {
    for (let i = this.known.length - 1; i >= 0; i--) {
      const k = this.known[i];
      if (k.at < before && before - k.at <= LOOKBACK && ok(k)) return k;
    }
    return undefined;
  }

  private recentEntity(before: number, label: string, head?: string, lookback = LOOKBACK): Known | undefined {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const x = this.mentions[i];
      if (x.end > before || before - x.start > lookback || x.label !== label || this.quoted(x.start)) continue;
      const e = this.index.find((y) => y.id === x.entity);
      if (!e || (head && !normName(e.canonical).includes(head))) continue;
      return { name: e.canonical, entity: e.id, kind: kindOfLabel(e.label), at: x.start };
    }
    return undefined;
  }
}
