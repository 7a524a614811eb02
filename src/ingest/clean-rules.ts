/**
 * The rules of the furniture classifier, as a table the HTML report can show. Each scraped line
 * gets the rules that fire on it; its furniture score is sigmoid(BIAS + sum of their weights),
 * and it is removed when the score reaches THRESHOLD. Positive weights say "page furniture",
 * negative weights say "article body". Weights were set by hand on invented examples and checked
 * against the two sample pages; they are meant to be read and argued with.
 */
export interface CleanRule {
  name: string;
  weight: number;
  /** 'line' looks at the line alone; 'context' at where it sits (needs the other lines). */
  scope: 'line' | 'context' | 'move';
  description: string;
}

export const BIAS = -1;
export const THRESHOLD = 0.5;

export const CLEAN_RULES: readonly CleanRule[] = Object.freeze([
  { name: 'widget-label', weight: 4, scope: 'line', description: 'only player/navigation labels such as "Listen Live", "Menu", "Print"' },
  { name: 'share-prompt', weight: 4, scope: 'line', description: 'only sharing labels such as "Get short URL", "Share", "Tweet"' },
  { name: 'comment-label', weight: 4, scope: 'line', description: 'only comment-section labels such as "Comments", "Discussion", "Community standards"' },
  { name: 'ad-marker', weight: 5, scope: 'line', description: 'an advertising marker such as "- Advertisement -" or "Sponsored"' },
  { name: 'read-more', weight: 4, scope: 'line', description: 'a cross-link that starts "READ MORE:", "See also:", "Related:"' },
  { name: 'subscribe-prompt', weight: 4, scope: 'line', description: 'newsletter/subscription/follow prompts: one cue in a short line, two in a non-sentence, three in a sentence' },
  { name: 'copyright', weight: 4, scope: 'line', description: 'a copyright or "All rights reserved" line' },
  { name: 'url-only', weight: 4, scope: 'line', description: 'the line is only a URL or e-mail address' },
  { name: 'timestamp-line', weight: 4, scope: 'line', description: 'the line is only a date/time, possibly labelled ("Published on: ...")' },
  { name: 'link-line', weight: 2, scope: 'line', description: 'a short line (at most 8 words) carrying a URL, e.g. "Facebook: https://..."' },
  { name: 'image-credit', weight: 3, scope: 'line', description: 'a short "Photo: ..." / "Image: ..." caption credit' },
  { name: 'tag-list', weight: 3, scope: 'line', description: 'comma-separated short capitalized items with no verb (topic tags)' },
  { name: 'byline', weight: 2.5, scope: 'line', description: 'a short "By Firstname Lastname" line without a verb' },
  { name: 'short-no-verb', weight: 1.5, scope: 'line', description: 'at most 6 words, no verb, no final punctuation (a colon counts)' },
  { name: 'related-headline', weight: 3, scope: 'context', description: 'title-case line without final punctuation in the block after the last body paragraph' },
  { name: 'after-body', weight: 0.75, scope: 'context', description: 'sits after the last body paragraph (where pages put related links, tags, comments)' },
  { name: 'before-body', weight: 0.5, scope: 'context', description: 'sits before the first body paragraph (where pages put clocks, menus, share bars)' },
  { name: 'in-body', weight: -0.75, scope: 'context', description: 'sits between body paragraphs: a short line there is more likely a crosshead than furniture' },
  { name: 'sentence-like', weight: -3, scope: 'line', description: 'at least 4 words with a verb and final punctuation (a colon counts: "The ministry said:")' },
  { name: 'long-line', weight: -2, scope: 'line', description: 'at least 25 words' },
  { name: 'quote', weight: -1.5, scope: 'line', description: 'contains a quotation of at least 3 words' },
  { name: 'dateline-prefix', weight: 4, scope: 'move', description: 'a date/time prefix at the start of an opening paragraph ("Published on: <date> – ..."): cut from the paragraph, the rest kept; used as a date' },
  { name: 'title', weight: 0, scope: 'move', description: 'the first title-like line before the body (plain text), or the line repeating the known title: moved to meta.title' },
  { name: 'note', weight: -2, scope: 'line', description: 'an editorial footnote ("*Name — ...", "Editor\'s note: ..."): kept, marked as a note paragraph' },
]);

export const RULE_WEIGHTS: Readonly<Record<string, number>> = Object.freeze(Object.fromEntries(CLEAN_RULES.map((r) => [r.name, r.weight])));

export function furnitureScore(reasons: readonly string[]): number {
  let z = BIAS;
  for (const r of reasons) z += RULE_WEIGHTS[r] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Interface labels, by rule. A line fires the rule when its words are entirely covered by these
 * phrases (so "Community standardsDiscussion", two labels glued by a scraper, still matches).
 */
export const LABEL_PHRASES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'widget-label': [
    'listen live', 'watch live', 'live', 'listen', 'play', 'play video', 'play audio', 'pause', 'print', 'print this page', 'menu',
    'search', 'close', 'skip to content', 'skip to main content', 'loading', 'back to top', 'home', 'log in', 'login', 'sign in',
    'register', 'more', 'next', 'previous', 'prev', 'show more', 'load more', 'cookie settings', 'accept cookies', 'accept all',
    'font size', 'text size', 'photo gallery', 'gallery', 'video', 'audio', 'download', 'open in app', 'expand', 'collapse',
    'toggle navigation', 'breaking news', 'latest news', 'top stories', 'most popular', 'most read', 'trending', 'en', 'ru',
  ],
  'share-prompt': [
    'get short url', 'short url', 'short link', 'share', 'shares', 'share this', 'share this article', 'share this story', 'share on',
    'tweet', 'copy link', 'copy url', 'link copied', 'facebook', 'twitter', 'x', 'telegram', 'whatsapp', 'vk', 'vkontakte', 'reddit',
    'linkedin', 'pinterest', 'email', 'e-mail', 'email this', 'send', 'pin it', 'flipboard', 'odnoklassniki', 'ok', 'viber', 'mail',
  ],
  'comment-label': [
    'community standards', 'discussion', 'discussions', 'comments', 'comment', 'leave a comment', 'leave a reply', 'join the discussion',
    'add a comment', 'add comment', 'show comments', 'hide comments', 'view comments', 'comment policy', 'post a comment', 'reply',
    'replies', 'comments are closed', 'no comments', 'be the first to comment', 'to participate in the discussion', 'log in or register',
  ],
  'ad-marker': [
    'advertisement', 'advertisements', 'advert', 'adverts', 'ad', 'ads', 'sponsored', 'sponsored content', 'promoted', 'promoted content',
    'paid content', 'partner content', 'story continues below', 'story continues below advertisement', 'continue reading below',
    'article continues below', 'scroll to continue with content', 'scroll to continue',
  ],
});

export const READ_MORE_RE = /^(?:read more|read also|also read|see also|related(?: articles?| stories| news| coverage)?|more on this(?: story)?|more from[^:]{0,40}|recommended|you may also like|you might also like|also on[^:]{0,40}|watch|listen|latest)\s*[:>»|–—-]/i;

export const SUBSCRIBE_CUES: readonly RegExp[] = [
  /\bsubscribe\b/i, /\bunsubscribe\b/i, /\bnewsletters?\b/i, /\bsign up\b/i, /\binbox\b/i, /\bspecial offers?\b/i,
  /\bget the latest\b/i, /\bfollow us\b/i, /\bjoin (?:us|our channel)\b/i, /\bsupport (?:us|our journalism)\b/i,
  /\bdonate\b/i, /\bturn on notifications\b/i, /\bdelivered (?:directly )?to your\b/i,
];

export const COPYRIGHT_RE = /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b/i;
export const URL_ONLY_RE = /^(?:(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+)$/i;
export const IMAGE_CREDIT_RE = /^(?:photos?|images?|pictures?|illustrations?|photo credit|credit|video)\s*(?::|©|by\b)/i;
export const BYLINE_RE = /^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:,|and|&|\|)\s*.*)?$/u;

/** Editorial footnote markers: an asterisk or dagger glued to the text, or an explicit label. */
export const NOTE_RE = /^(?:\*{1,3}(?=[^\s*])|[†‡]|\[\d{1,2}\]\s|(?:note|editor['’]s note|ed\. note|disclaimer|correction|clarification)\s*:)/i;

/** Labels that say what a date is. */
export const PUBLISHED_LABEL_RE = /^(?:first\s+)?(?:published|posted|date|created|dated|released|issued)(?:\s+on)?\s*:?\s*/i;
export const UPDATED_LABEL_RE = /^(?:last\s+)?(?:updated|modified|edited)(?:\s+on)?\s*:?\s*/i;
