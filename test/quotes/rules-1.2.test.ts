/**
 * Attribution rules added in quotes@1.2.0 (round D, written from errors on the 83 development
 * articles incl. batch 5). All texts here are invented for the tests (a made-up harbour town); each
 * rule has a negative case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/analyzers/quotes/find.js';
import { docWith } from './helpers.js';

const find = (text: string) => findQuotes(docWith(text)).map((q) => ({ kind: q.kind, speaker: q.speaker?.name, by: q.speaker?.resolvedBy, content: text.slice(q.content.start, q.content.end), confidence: q.confidence }));
const speakerOf = (text: string, content: RegExp) => find(text).find((q) => content.test(q.content))?.speaker;

test('he/she: the subject of the previous sentence beats the last speaker', () => {
  const text = 'Marek Dvorak, the skipper, told the Gazette that the boat would be repaired by May.\n' +
    'Tomas Halvorsen, who runs the fish market, was fined last winter for selling undersized cod.\n' +
    'He said the nets had been set by his cousin.';
  assert.equal(speakerOf(text, /nets had been set/), 'Tomas Halvorsen');
  // A title before the name and an appositive after it ("Professor X, the former head of …, was").
  const b = 'Bishop Ola Nygaard told the paper that the chapel roof leaks.\n' +
    'Professor Livia Marten, the former head of the Maritime Museum, was the second guest on the panel.\n' +
    'She stressed that old hulls rot from the keel upwards.';
  assert.equal(speakerOf(b, /rot from the keel/), 'Livia Marten');
  // An opening adjunct and an initial ("Since …, Harbour Master J. Ana Lind wrote …").
  const c = 'Karin Berg said she was sorry about the late ferry.\n' +
    'Since the spring floods, Fire Chief J. Ana Lind wrote two letters to the ministry.\n' +
    'She told the council that the quay walls were cracking along the north side.';
  assert.equal(speakerOf(c, /quay walls were cracking/), 'J. Ana Lind');
});

test('he/she: no salience switch when the previous sentence has no person subject or the wrong gender', () => {
  const text = 'Marek Dvorak, the skipper, told the Gazette that the boat would be repaired by May.\n' +
    'The gale kept the trawlers in port for three days.\n' +
    'He said the repair would cost more than the boat.';
  assert.equal(speakerOf(text, /repair would cost/), 'Marek Dvorak');
  // The previous subject is marked as a woman ("Ms. Ana Holm"): "he" keeps the last speaker.
  const b = 'Marek Dvorak said that the boat would be repaired by May.\n' +
    'Ms. Ana Holm, who owns the shipyard, was fined last winter.\n' +
    'He said the repair would cost more than the boat.';
  assert.equal(speakerOf(b, /repair would cost/), 'Marek Dvorak');
});

test('an appositive opening with an article describes the surname before it', () => {
  const text = 'Erik Lund joined the rowing club in 2010.\nAsked about it by the Harbour Gazette on Friday, Lund, the club’s treasurer for the youth section, said he was annoyed by the audit.';
  assert.equal(speakerOf(text, /annoyed by the audit/), 'Erik Lund');
});

test('date abbreviations and generic modifiers are not speakers', () => {
  assert.ok(find('An Oct. 3 memo said the pier inspector found rust on every bolt.').every((q) => !q.speaker));
  assert.ok(find('On Feb. 11, divers checked the hull twice.\nThey told the crew there was no leak at all below the waterline.').every((q) => !q.speaker));
  assert.ok(find('Federal inspectors on Tuesday said that the crane had failed its last two checks.').every((q) => !q.speaker));
  // A named source before a document noun still speaks: "a UN report said".
  assert.equal(speakerOf('A UN report said that the harbour had been closed for weeks.', /harbour had been closed/), 'UN');
});

test('"<Org> leader and longtime critic Given Surname" is the person, not the organisation', () => {
  assert.equal(speakerOf('Dock Workers of Bergen leader and longtime critic Ana Berg claimed that the new crane is unsafe in wind.', /new crane is unsafe/), 'Ana Berg');
  // Without a role noun, "<Org> of <Place>" stays the organisation.
  assert.equal(speakerOf('The Bank of Norway said that the rate would stay at two percent.', /rate would stay/), 'Bank of Norway');
});

test('"the US" as a speaker is the country, not a title', () => {
  assert.equal(speakerOf('Ana Berg spoke first.\nIn March, the US announced that nine fishing boats had been seized near the reef.', /fishing boats had been seized/), 'US');
  // A real title still resolves to the person: "the president said".
  assert.equal(speakerOf('President Ola Nilsen spoke on Monday.\nThe president said that the port would reopen soon.', /port would reopen/), 'Ola Nilsen');
});

test('"…, according to X" after a quote whose sentence already has a speaker keeps that speaker', () => {
  const text = 'On Sunday, Ana Berg told the rowing club that "the north pier is a disgrace," and "the ferry fares will fall next year," according to The Harbour Gazette.';
  const qs = find(text);
  assert.equal(qs.find((q) => /north pier/.test(q.content))?.speaker, 'Ana Berg');
  assert.equal(qs.find((q) => /ferry fares/.test(q.content))?.speaker, 'Ana Berg');
  // Without a speaker of its own the quote is the outlet's.
  assert.equal(speakerOf('"The ferry fares will fall next year," according to The Harbour Gazette.', /ferry fares/), 'Harbour Gazette');
});

test('a headline quote without a named speaker goes to the article’s main speaker', () => {
  const body = '\n\nAna Berg said the ferry would leave again in April.\n“We have fixed the engine and the hull,” Berg said.\nOla Nilsen said that the port was ready.\n';
  const qs = find('“We will sail again next spring”: Harbour Captain Vows Return' + body);
  const head = qs.find((q) => /sail again/.test(q.content));
  assert.equal(head?.speaker, 'Ana Berg');
  assert.equal(head?.by, 'main-speaker');
  assert.ok(head!.confidence < 0.6);
  // No clear main speaker (one quote each): unattributed.
  const tie = find('“We will sail again next spring”: Harbour Captain Vows Return\n\nAna Berg said the ferry would leave again in April.\nOla Nilsen said that the port was ready.\n');
  assert.equal(tie.find((q) => /sail again/.test(q.content))?.speaker, undefined);
  // A group in the headline ("Skippers Fear That …") is not the main speaker.
  const group = find('Skippers Fear That The Old Ferry Will Sink In The Next Storm' + body);
  assert.ok(group.filter((q) => /Old Ferry/.test(q.content)).every((q) => !q.speaker));
});

test('a quote paragraph after a paragraph of attributed reported speech continues its speaker', () => {
  const text = 'On Wednesday, harbour master Ana Lind said the port will stay open through the winter.\n“Nobody should worry about the ice this year, because the new tug can break it.”';
  assert.equal(speakerOf(text, /worry about the ice/), 'Ana Lind');
  // Unattributed reported speech before it gives nothing to continue.
  const b = 'Many skippers said the port will stay open through the winter.\n“Nobody should worry about the ice this year, because the new tug can break it.”';
  assert.equal(speakerOf(b, /worry about the ice/), undefined);
});

test('a quote followed on its line by another quote still opens the line ("…” “Then …”)', () => {
  const text = '“The tug arrives on Monday morning,” Ana Berg said.\n“The crew has trained for two whole months.” “Then we will see if the ice really breaks.”';
  const qs = find(text);
  assert.equal(qs.find((q) => /trained for two/.test(q.content))?.speaker, 'Ana Berg');
  assert.equal(qs.find((q) => /ice really breaks/.test(q.content))?.speaker, 'Ana Berg');
});

test('"repeats" as a cue and the attribution on the next lower-case line', () => {
  const qs = find('"Send the lifeboat right away," Ana Berg repeats twice on the radio at dawn. "The mast has snapped in two."');
  assert.ok(qs.length === 2 && qs.every((q) => q.speaker === 'Ana Berg'));
  const b = find('Dan Berg said that the shop would close in May.\nThe town was quiet.\n"I should have seen the storm coming.\nWhy did nobody warn the boats?"\nhe added.');
  assert.equal(b.find((q) => /storm coming/.test(q.content))?.speaker, 'Dan Berg');
  // A capitalised next line is a new sentence, not the attribution.
  const c = find('Dan Berg said that the shop would close in May.\nThe town was quiet.\n"I should have seen the storm coming.\nWhy did nobody warn the boats?"\nHe added a new lock to the door.');
  assert.equal(c.find((q) => /storm coming/.test(q.content))?.speaker, undefined);
});

test('"X’s online petition says" credits X', () => {
  assert.equal(speakerOf('Ana Lind collected money for the lifeboat crew.\n“Every coin goes to fuel and to a new radio for the boat,” Lind’s online petition says.', /Every coin goes/), 'Ana Lind');
  // An unnamed lawsuit is not a speaker.
  assert.ok(find('The lawsuit says that the port authority broke the contract twice.').every((q) => !q.speaker));
});

test('"accused X of …" reports the charge as what the subject claims', () => {
  const qs = find('Ana Berg has repeatedly accused Mr. Nilsen of selling the old pier to his brother.');
  assert.equal(qs[0]?.speaker, 'Ana Berg');
  assert.equal(qs[0]?.content, 'selling the old pier to his brother');
  // "accused of" in the passive has no speaker.
  assert.ok(find('Ana Berg was accused of selling the old pier to her brother.').every((q) => !q.speaker));
});

test('a title goes to the person the text gives that title, even before that person spoke', () => {
  const text = 'The mayor met Sen. Ola Nilsen at the dock.\nKarin Berg said that the visit lasted ten minutes.\nThe senator left early but said he would come back for the regatta.';
  assert.equal(speakerOf(text, /come back for the regatta/), 'Ola Nilsen');
  // A title with a named modifier that no one carries stays unnamed ("the Harbour official").
  const b = 'Ola Nilsen said that the port was closed.\nThe Harbour official said that the port would open soon.';
  assert.equal(speakerOf(b, /would open soon/), undefined);
  // Named only after: "Norway’s Prime Minister said … . Prime Minister Ola Berg warned …".
  const c = 'BERGEN - Norway’s Prime Minister said at the fish fair on Sunday that the fjords need new quotas.\nPrime Minister Ola Berg warned that the herring stock was shrinking.';
  assert.equal(speakerOf(c, /fjords need new quotas/), 'Ola Berg');
});

test('"a call from X that …" and "the Gazette report that said …"', () => {
  assert.equal(speakerOf('On Aug. 2, the coast guard answered a call from Ana Berg that the pier lights were out again.', /pier lights were out/), 'Ana Berg');
  assert.equal(speakerOf('Ola Nilsen spoke first, mocking the Harbour Gazette report that said he never read the budget.', /never read the budget/), 'Harbour Gazette');
  // "a call from a neighbour" is not a named source.
  assert.ok(find('The coast guard answered a call from a neighbour that night about the noise.').every((q) => !q.speaker));
});

test('inverted and one-word parentheticals: "Still, noted X, …", "Tourism, X explained, has …"', () => {
  assert.equal(speakerOf('Still, noted Ana Berg, the harbour fees must rise before the summer.', /harbour fees must rise/), 'Ana Berg');
  assert.equal(speakerOf('Tourism, Ana Berg explained, has doubled since the new ferry line opened.', /has doubled since/), 'Ana Berg');
  // A comma-set name without a cue is no attribution.
  assert.ok(find('Still, Ana Berg, the harbour fees rose before the summer.').every((q) => !q.speaker));
});

test('a past-tense verb tagged as an adjective still makes a clause; a long verbless adjunct before "that"', () => {
  assert.equal(speakerOf('Ana Berg, for her part, compared the mayor to a lighthouse keeper, saying the plan raised costs for every boat owner.', /plan raised costs/), 'Ana Berg');
  assert.equal(speakerOf('Ola Nilsen told reporters during a long dinner with the Chair of the Harbour Council Erik Lund that the fleet is shrinking.', /fleet is shrinking/), 'Ola Nilsen');
});

test('a name opening a subordinate clause with a long appositive: "after Ms. Lind, deputy chair on …, said"', () => {
  assert.equal(speakerOf('Ana Lind was re-elected.\nThe audit became public on Monday after Ms. Lind, deputy chair on the Harbour Committee, said she had kept the receipts.', /kept the receipts/), 'Ana Lind');
});
