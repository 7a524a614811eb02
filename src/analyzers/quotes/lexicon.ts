/**
 * Word lists behind quote attribution. Kept readable on purpose: an analyst who sees a wrong
 * attribution can find the word that caused it here.
 */

/** Round N: verbs of manner of speaking; they attribute quotations only ("“…,” huffed X"; "fumed about the vote" reports nothing). */
const MANNER_CUES = ['huff', 'whine', 'gush', 'fume', 'rant', 'muse', 'sneer', 'chide', 'gripe', 'grumble', 'marvel', 'sniff', 'scold', 'thunder', 'bellow'];

/** Lemmas of verbs that introduce speech or a stated position. */
export const CUE_LEMMAS = new Set([
  'say', 'tell', 'add', 'note', 'state', 'claim', 'accuse', 'insist', 'stress', 'warn', 'argue', 'explain',
  'believe', 'deny', 'allege', 'announce', 'declare', 'assert', 'report', 'write', 'tweet', 'reply', 'respond',
  'comment', 'confirm', 'emphasize', 'emphasise', 'underline', 'point', 'suggest', 'admit', 'acknowledge',
  'maintain', 'contend', 'recall', 'remark', 'conclude', 'reiterate', 'urge', 'ask', 'demand', 'predict',
  'observe', 'continue', 'mention', 'concede', 'complain', 'charge', 'blame', 'estimate', 'reveal', 'disclose',
  'inform', 'assure', 'indicate', 'caution', 'describe', 'vow', 'pledge', 'promise', 'threaten', 'agree',
  'think', 'fear', 'hope', 'testify', 'retort', 'quip', 'joke', 'exclaim', 'shout', 'cry', 'proclaim',
  'blast', 'slam', 'post', 'detail', 'scoff', 'snap', 'boast', 'brag', 'counter', 'lament', 'recount', 'tout', 'correct', 'assert',
  'repeat', 'remind', 'reassure',
  // Round M: "the guild summarises, “…”" (weak: only with a quote or a that-clause); "X reportedly answered, “…”"
  // (quote-only: QUOTE_ONLY_CUES).
  'summarize', 'summarise', 'answer',
  // Round N: verbs of manner of speaking ("…,” huffed X"): quote-only, like "answer".
  ...MANNER_CUES,
  // Round F: verbs of stating that take a that-clause (weak: only with "that").
  'hypothesize', 'hypothesise', 'attest', 'speculate', 'guess', 'theorize', 'theorise', 'posit', 'opine', 'surmise', 'swear', 'certify',
  // Session 18: "the president recognised that …" (weak: only with "that").
  'recognise', 'recognize',
]);

/** Cue lemmas that only count as speech when they attribute a quote or take a "that"-clause (too common otherwise). */
export const WEAK_CUES = new Set([...MANNER_CUES, 'recognise', 'recognize', 'answer', 'summarize', 'summarise', 'hypothesize', 'hypothesise', 'attest', 'speculate', 'guess', 'theorize', 'theorise', 'posit', 'opine', 'surmise', 'swear', 'certify', 'post', 'continue', 'ask', 'think', 'fear', 'hope', 'agree', 'describe', 'point', 'charge', 'blame', 'report', 'write', 'cry', 'estimate', 'urge', 'demand', 'promise', 'threaten', 'vow', 'pledge', 'inform']);

/** Round M: cues only when they introduce or close a quotation ("answered a call from X that …" reports nothing). */
export const QUOTE_ONLY_CUES = new Set(['answer', ...MANNER_CUES]);

/** Cues whose reported content can follow the verb directly ("the official said she would ..."). */
export const CLAUSE_CUES = new Set(['say', 'claim', 'insist', 'argue', 'believe', 'warn', 'note', 'stress', 'state', 'add', 'allege', 'assert', 'suggest', 'maintain', 'contend', 'emphasize', 'emphasise', 'reiterate', 'think', 'accuse']);

/** Cues whose noun phrase after the verb is the addressee, never the speaker ("told the Evening Herald"). */
export const ADDRESSEE_CUES = new Set(['tell', 'inform', 'assure', 'reassure', 'urge', 'ask', 'warn', 'accuse', 'blame', 'remind']);

/** Plural or generic nouns that describe unnamed sources; a speaker made only of these stays anonymous. */
export const GENERIC_NOUNS = new Set([
  'officials', 'experts', 'expert', 'sources', 'source', 'witnesses', 'witness', 'emails', 'documents',
  'records', 'reports', 'police', 'authorities', 'analysts', 'critics', 'residents', 'scientists', 'researchers',
  'prosecutors', 'investigators', 'doctors', 'observers', 'activists', 'lawmakers', 'protesters', 'locals', 'people',
  'others', 'militants', 'rebels', 'insiders', 'diplomats', 'journalists', 'officers', 'agents', 'members', 'users',
  'supporters', 'opponents', 'advocates', 'organizers', 'organisers', 'studies', 'study', 'data', 'polls', 'survey',
  'lawyers', 'attorneys', 'relatives', 'friends', 'neighbors', 'neighbours', 'parents', 'students', 'teachers',
  'staff', 'employees', 'workers', 'leaders', 'politicians', 'democrats', 'republicans', 'conservatives', 'liberals',
  'someone', 'somebody', 'everyone', 'nobody', 'many', 'some', 'few', 'several', 'both', 'all', 'most',
  'report', 'statement', 'estimate', 'estimates', 'figures', 'tally', 'analysis', 'count', 'release', 'letter',
  'petition', 'lawsuit', 'tweets',
]);

export const PRONOUNS_PERSON = new Set(['he', 'she']);
export const PRONOUNS_GROUP = new Set(['they', 'it']);

/** Head nouns that make a noun phrase an organisation ("the Transport Ministry", "the Opera House"). */
export const ORG_HEADS = new Set([
  'ministry', 'department', 'office', 'council', 'committee', 'commission', 'agency', 'organization', 'organisation',
  'group', 'government', 'administration', 'embassy', 'party', 'army', 'military', 'forces', 'force',
  'service', 'services', 'court', 'house', 'mission', 'kremlin', 'pentagon', 'nations', 'states', 'union', 'bank', 'fund',
  'center', 'centre', 'institute', 'university', 'foundation', 'network', 'company', 'corporation', 'inc',
  'times', 'post', 'news', 'press', 'agency', 'bureau', 'parliament', 'congress', 'senate', 'assembly', 'cabinet',
  'command', 'coalition', 'alliance', 'front', 'helmets', 'board', 'authority', 'authorities', 'campaign',
  'association', 'federation', 'watch', 'international', 'media', 'tass', 'sputnik', 'reuters', 'nato', 'fbi', 'cia',
  'doj', 'un', 'eu', 'who', 'opcw', 'guardian', 'telegraph', 'journal', 'magazine', 'newspaper', 'channel', 'tv',
  'daily', 'mail', 'review', 'herald', 'tribune', 'observer',
  'bar', 'restaurant', 'club', 'hotel', 'firm', 'store', 'clinic', 'hospital', 'school', 'church', 'society', 'societies',
]);

/** Words in a name phrase that are titles rather than the name ("Ambassador", "Foreign Minister"). */
export const TITLE_WORDS = new Set([
  'ambassador', 'envoy', 'president', 'district', 'circuit', 'congressman', 'rep', 'gov', 'sen', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson',
  'representative', 'senator', 'sen.', 'rep.', 'gov.', 'governor', 'mayor', 'general', 'gen.', 'director', 'chairman',
  'chairwoman', 'chair', 'chief', 'head', 'leader', 'prime', 'foreign', 'deputy', 'vice', 'mr.', 'mrs.', 'ms.', 'dr.',
  'mr', 'mrs', 'ms', 'dr', 'prof.', 'professor', 'judge', 'justice', 'attorney', 'lt.', 'col.', 'sgt.', 'officer',
  'commissioner', 'pope', 'king', 'queen', 'prince', 'sheikh', 'commander', 'colonel', 'lieutenant', 'major',
  'captain', 'admiral', 'former', 'acting', 'interim', 'ex', 'congressman', 'congresswoman', 'speaker', 'rev.',
  'father', 'bishop', 'cardinal', 'archbishop', 'imam', 'rabbi', 'pastor', 'sir', 'lord', 'lady', 'dame', 'st.',
  'special', 'counsel', 'press', 'official', 'analyst', 'journalist', 'author', 'editor', 'founder', 'ceo', 'coach',
  'russian', 'syrian', 'american', 'british', 'us', 'u.s.', 'uk', 'national', 'security', 'adviser', 'advisor',
  'state', 'defense', 'defence', 'health', 'justice', 'interior', 'trade', 'finance', 'education', 'house', 'white',
  'un', 'u.n.', 'united', 'nations', 'permanent', 'senior', 'top', 'fbi', 'cia', 'director', 'agent',
  'sheriff', 'undersheriff',
  // Round G: honorifics the tokenizer writes without their full stop ("Rev" + ".").
  'rev', 'msgr', 'fr',
  // Session 19: "Monsignor Lantheaume" ~ "Jean-François Lantheaume".
  'monsignor',
]);

/** Common nouns that stand for a previously named person ("the official said"). */
export const PERSON_TITLE_NOUNS = new Set([
  'official', 'representative', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'ambassador', 'envoy',
  'diplomat', 'president', 'senator', 'lawmaker', 'congressman', 'congresswoman', 'director', 'commander',
  'general', 'officer', 'chief', 'leader', 'head', 'governor', 'mayor', 'secretary', 'chairman', 'pope',
  'prosecutor', 'judge', 'attorney', 'lawyer', 'politician', 'premier', 'chancellor', 'king', 'prince', 'cleric',
  'archbishop', 'bishop', 'cardinal', 'man', 'woman', 'father', 'mother', 'author', 'writer', 'journalist',
  'reporter', 'activist', 'founder', 'businessman', 'billionaire', 'congressman', 'democrat', 'republican',
  'sheriff', 'professor', 'priest', 'inspector', 'philosopher', 'theologian', 'columnist', 'editor', 'host',
  // Session 16 (Reuters): "the outgoing peace negotiator said …", "Stallone's publicist said …".
  'negotiator', 'publicist',
]);

/** Common nouns that stand for a previously named organisation ("the ministry noted"). */
/** A firm's legal form, lower case without its full stop ("plc", "inc", "ab"): no part of whom the name means or of its initials. */
export const LEGAL_FORM = /^(plc|inc|corp|co|ltd|llc|ag|sa|nv|ab|gmbh|spa|bv|asa|oyj|pty|bhd|lp|llp)$/;

export const ORG_TITLE_NOUNS = new Set([
  'ministry', 'department', 'agency', 'organization', 'organisation', 'group', 'government', 'embassy', 'council',
  'committee', 'office', 'party', 'military', 'army', 'kremlin', 'pentagon', 'bureau', 'commission', 'company',
  'administration', 'court', 'campaign', 'network', 'newspaper', 'outlet', 'site', 'website', 'channel', 'paper',
  'daily', 'weekly', 'mission', 'conference', 'body', 'union', 'alliance', 'coalition', 'service',
  // Session 15: "the club said" (sports stories).
  'club',
  // Session 16: "the radio said", "Kanal Nord television said" (a broadcaster named before, or just before the word).
  'radio', 'television',
]);

/** Words that may follow "according to" without naming a speaker. */
export const NON_SOURCE_ACCORDING = new Set(['plan', 'agreement', 'law', 'rules', 'rule', 'schedule', 'tradition', 'constitution', 'script', 'scripture', 'bible', 'koran', 'quran', 'logic', 'theory', 'legend', 'standards', 'terms', 'way']);

/** Tokens a subject noun phrase may contain besides nouns (walking back from the cue verb). */
export const NP_LINK_WORDS = new Set(['of', 'to', 'for', 'at', 'in', 'and', '’s', "'s", '-', '.', 'the', 'a', 'an', 'al', 'bin', 'de', 'van', 'von', 'la', 'le', 'del', 'da', 'el']);

/** Adverbs and auxiliaries allowed between a subject and its cue verb ("has also said"). */
export const VERB_PREFIX_WORDS = new Set([
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'did', 'does', 'do', 'also', 'later', 'then',
  'reportedly', 'previously', 'recently', 'earlier', 'once', 'further', 'repeatedly', 'publicly', 'openly', 'again',
  'allegedly', 'often', 'has been', 'been', 'had been', 'could', 'may', 'might', 'should', 'not', 'never', 'even',
  'explicitly', 'clearly', 'bluntly', 'flatly', 'famously', 'already', 'just', 'first', 'last', 'directly', 'told',
  'once', 'had', 'subsequently', 'ultimately', 'finally', 'simply', 'quickly', 'angrily', 'proudly', 'correctly',
  'long',
]);
