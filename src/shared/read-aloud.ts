/**
 * Read-together mode: an answer written about "my partner" is read aloud *to* the partner(s), so
 * "my partner" becomes "you". The rewrite is deliberately conservative: it touches only the phrase
 * itself and, when the phrase is clearly the subject of a clause, the verb right after it
 * ("my partner hugs me" -> "you hug me"). Everything else (whitespace, other words, "partnership",
 * "my partnered life") is left exactly as written.
 *
 * Rules, in order:
 * - "my partner" / "my partners" -> "you"; "my partner's" / "my partners'" + word -> "your";
 *   "my partner's" at the end of a phrase ("it was my partner's.") -> "yours".
 * - "my partner's" + a word that cannot follow a possessive ("not", "always", "a", "been" ...)
 *   is a contraction: "you're" / "you've". "my partner'll" / "my partner'd" -> "you'll" / "you'd".
 * - Case follows the original: "my partner" -> "you", "My partner" -> "You", "MY PARTNER" -> "YOU".
 * - Verb agreement only for singular "my partner" in subject position (start of the text, after
 *   sentence punctuation, or after a clause opener such as "when", "and", "that", "I think"), for
 *   is/was/has/does (and their "n't" forms) and regular third-person "-s" verbs, optionally after
 *   one adverb ("my partner always hugs me" -> "you always hug me"), and for verbs joined by
 *   "and"/"or" ("hugs and kisses me" -> "hug and kiss me"). Capitalised words are never touched
 *   (they are usually names: "my partner Chris").
 *
 * Not handled (left as written): pronouns later in the sentence ("they", "them", "themself"),
 * adjectives after a contracted "'s" ("my partner's tired" reads as "your tired").
 */

export interface ReadAloudSegment {
  text: string;
  /** True when this part differs from what was written (highlighted in the UI). */
  rewritten: boolean;
}

type CaseStyle = 'lower' | 'title' | 'upper';

// "my" + whitespace + "partner" + optional plural "s", not inside a longer word ("tummy",
// "partnership", "partnered") and not the start of a hyphenated compound ("my partner-to-be").
const PHRASE = /(?<![\p{L}\p{N}_])(my)(\s+)(partner)(s?)(?![\p{L}\p{N}_])(?!-\p{L})/giu;
const APOSTROPHES = new Set(["'", '\u2019']);
const NEXT_WORD = /^(\s+)(\p{L}[\p{L}'\u2019-]*)/u;

/** Words that only follow a contracted "is": "my partner's not here" -> "you're not here". */
const CONTRACTION_IS = new Set([
  'not', 'always', 'never', 'so', 'very', 'really', 'just', 'also', 'still', 'too', 'a', 'an',
  'the', 'such', 'here', 'there', 'in', 'at', 'on', 'with', 'away', 'out', 'going', 'gonna',
  'being', 'getting', 'usually', 'often', 'sometimes', 'quite', 'rather', 'more', 'less', 'most',
  'definitely', 'probably', 'all', 'my', 'our', 'from', 'by',
]);
/** Past participles that follow a contracted "has": "my partner's been kind" -> "you've been kind". */
const CONTRACTION_HAS = new Set([
  'been', 'got', 'gotten', 'had', 'said', 'told', 'seen', 'shown', 'taken', 'given', 'made',
  'helped', 'asked', 'tried', 'started', 'stopped', 'become', 'come', 'gone', 'done', 'learned',
  'learnt', 'changed', 'noticed',
]);

/**
 * Previous words after which "my partner" starts a clause (and so is the subject). Verbs that
 * mostly take an object ("I love my partner lots") are left out on purpose.
 */
const CLAUSE_OPENERS = new Set([
  // conjunctions and subordinators
  'and', 'but', 'or', 'nor', 'so', 'yet', 'when', 'whenever', 'while', 'whilst', 'if', 'because',
  'cause', 'cos', 'since', 'as', 'until', 'till', 'unless', 'though', 'although', 'once', 'before',
  'after', 'where', 'wherever', 'how', 'why', 'what', 'whatever', 'who', 'that', 'whether', 'than',
  // sentence adverbs
  'then', 'now', 'today', 'tonight', 'yesterday', 'sometimes', 'often', 'usually', 'recently',
  'lately', 'also', 'maybe', 'perhaps', 'still', 'even', 'only', 'finally', 'suddenly', 'later',
  'soon', 'first', 'hopefully', 'honestly', 'luckily',
  // "the way my partner laughs", "every time my partner ..."
  'way', 'time', 'times', 'moment', 'morning', 'evening',
  // verbs that take a clause: "I think my partner knows"
  'think', 'thinks', 'thought', 'know', 'knows', 'knew', 'feel', 'feels', 'felt', 'hope', 'hoped',
  'wish', 'wished', 'believe', 'believed', 'guess', 'guessed', 'notice', 'noticed', 'realise',
  'realised', 'realize', 'realized', 'suppose', 'imagine', 'worry', 'worried', 'fear', 'feared',
  'doubt', 'suspect', 'assume', 'forget', 'remember', 'mean', 'say', 'said', 'sure', 'glad',
  'seems', 'seem', 'seemed', 'hear', 'heard', 'sense', 'bet', 'swear',
]);

/** Punctuation after which a new clause starts. */
const CLAUSE_PUNCTUATION = new Set([
  '.', '!', '?', ';', ':', ',', '(', '[', '{', '"', '\u201C', '\u201D', "'", '\u2018', '\u2019',
  '\u2014', '\u2013', '-', '\u2026', '*', '\n', '\r',
]);

/** Adverbs that may sit between "my partner" and its verb: "my partner often hugs me". */
const ADVERBS = new Set([
  'always', 'never', 'often', 'sometimes', 'usually', 'rarely', 'seldom', 'also', 'just', 'still',
  'even', 'really', 'actually', 'gently', 'softly', 'finally', 'only', 'already', 'barely',
  'hardly', 'truly', 'simply', 'kindly', 'quietly', 'slowly', 'quickly', 'clearly', 'then', 'now',
  'mostly', 'generally', 'typically', 'normally', 'occasionally', 'immediately', 'instantly',
  'carefully', 'tenderly', 'lovingly', 'patiently', 'warmly', 'sweetly', 'regularly', 'suddenly',
  'automatically', 'probably', 'definitely', 'constantly', 'frequently',
]);

const IRREGULAR_VERBS: Record<string, string> = {
  is: 'are',
  was: 'were',
  has: 'have',
  does: 'do',
  "isn't": "aren't",
  "wasn't": "weren't",
  "hasn't": "haven't",
  "doesn't": "don't",
  goes: 'go',
  undergoes: 'undergo',
  echoes: 'echo',
  vetoes: 'veto',
  aches: 'ache',
  focuses: 'focus',
  quizzes: 'quiz',
};

/** Words ending in "s" that are not third-person verbs but may follow "my partner". */
const NOT_VERBS = new Set([
  'always', 'sometimes', 'perhaps', 'nowadays', 'besides', 'afterwards', 'towards', 'upwards',
  'downwards', 'backwards', 'forwards', 'anyways', 'as', 'this', 'thus', 'his', 'hers', 'its',
  'ours', 'yours', 'theirs', 'less', 'unless', 'whereas', 'across', 'lots', 'plus', 'yes', 'us',
  'news', 'bus', 'gas', 'chaos', 'lens', 'series', 'species', 'whereabouts', 'alas', 'ourselves',
  'themselves', 'yourselves', 'days', 'nights', 'weekends', 'mornings', 'evenings', 'ages',
  'years', 'months', 'weeks', 'hours', 'minutes', 'times', 'things', 'kids', 'friends', 'parents',
  'plans',
]);

/** The base form of a regular third-person "-s" verb, or null when `word` is not one. */
function baseForm(word: string): string | null {
  const irregular = IRREGULAR_VERBS[word];
  if (irregular !== undefined) return irregular;
  if (word.length < 3 || !/^[a-z]+$/.test(word) || NOT_VERBS.has(word)) return null;
  if (!word.endsWith('s') || /(?:ss|us|is)$/.test(word)) return null;
  if (word.endsWith('ies')) return word.length === 4 ? word.slice(0, -1) : `${word.slice(0, -3)}y`;
  if (/(?:sses|shes|ches|xes|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('goes')) return word.slice(0, -2);
  return word.slice(0, -1);
}

function caseStyle(my: string, partner: string): CaseStyle {
  if (my === my.toUpperCase() && partner === partner.toUpperCase()) return 'upper';
  return my[0] === 'M' ? 'title' : 'lower';
}

function applyCase(word: string, style: CaseStyle): string {
  if (style === 'upper') return word.toUpperCase();
  if (style === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** Whether the "my partner" starting at `index` begins a clause, so it is the verb's subject. */
function isSubjectPosition(text: string, index: number): boolean {
  let p = index - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t' || text[p] === '\u00A0')) p--;
  if (p < 0) return true;
  const ch = text[p]!;
  if (/\p{L}/u.test(ch)) {
    let start = p;
    while (start > 0 && /[\p{L}'\u2019]/u.test(text[start - 1]!)) start--;
    return CLAUSE_OPENERS.has(text.slice(start, p + 1).toLowerCase());
  }
  return CLAUSE_PUNCTUATION.has(ch);
}

/** A verb's replacement, keeping the writer's apostrophe and case; null to leave it alone. */
function agreeVerb(word: string, style: CaseStyle): string | null {
  const isUpper = word === word.toUpperCase() && word !== word.toLowerCase();
  if (word !== word.toLowerCase() && !(style === 'upper' && isUpper)) return null;
  const curly = word.includes('\u2019');
  const base = baseForm(word.toLowerCase().replace(/\u2019/g, "'"));
  if (base === null) return null;
  const fixed = curly ? base.replace(/'/g, '\u2019') : base;
  return isUpper ? fixed.toUpperCase() : fixed;
}

class SegmentBuilder {
  readonly segments: ReadAloudSegment[] = [];

  push(text: string, rewritten: boolean): void {
    if (text === '') return;
    const last = this.segments[this.segments.length - 1];
    if (last !== undefined && last.rewritten === rewritten) last.text += text;
    else this.segments.push({ text, rewritten });
  }
}

/**
 * After a singular subject "you" ending at `from`, rewrite the verb that follows (past one optional
 * adverb, and along "and"/"or" chains). Returns where the consumed text ends.
 */
function agreeFollowingVerbs(text: string, from: number, style: CaseStyle, out: SegmentBuilder): number {
  let pos = from;
  let next = NEXT_WORD.exec(text.slice(pos));
  if (next === null) return pos;
  let gap = next[1]!;
  let word = next[2]!;
  if (ADVERBS.has(word.toLowerCase()) && (word === word.toLowerCase() || style === 'upper')) {
    const after = NEXT_WORD.exec(text.slice(pos + gap.length + word.length));
    if (after === null) return pos;
    gap = gap + word + after[1]!;
    word = after[2]!;
  }
  let fixed = agreeVerb(word, style);
  while (fixed !== null) {
    out.push(gap, false);
    out.push(fixed, true);
    pos += gap.length + word.length;
    const chain = /^(\s+(?:and|or|AND|OR)\s+)(\p{L}[\p{L}'\u2019-]*)/u.exec(text.slice(pos));
    if (chain === null) break;
    gap = chain[1]!;
    word = chain[2]!;
    if (/^[A-Z]+$/.test(gap.trim()) !== (style === 'upper')) break;
    fixed = agreeVerb(word, style);
    // Only regular "-s" verbs chain: "hugs and is" stays as written.
    if (fixed !== null && IRREGULAR_VERBS[word.toLowerCase()] !== undefined) fixed = null;
  }
  return pos;
}

/** Split `text` into unchanged and rewritten parts; joining the parts gives `toSecondPerson(text)`. */
export function readAloudSegments(text: string): ReadAloudSegment[] {
  const out = new SegmentBuilder();
  let cursor = 0;
  PHRASE.lastIndex = 0;
  for (let match = PHRASE.exec(text); match !== null; match = PHRASE.exec(text)) {
    const start = match.index;
    if (start < cursor) continue; // inside text already consumed by a verb rewrite
    const my = match[1]!;
    const partner = match[3]! + match[4]!;
    const plural = match[4] !== '';
    const style = caseStyle(my, partner);
    let end = start + match[0].length;

    out.push(text.slice(cursor, start), false);

    const apostrophe = text[end];
    let replacement = 'you';
    let agree = false;
    if (apostrophe !== undefined && APOSTROPHES.has(apostrophe)) {
      const suffix = /^(s|ll|d)(?![\p{L}\p{N}_])/iu.exec(text.slice(end + 1))?.[1];
      const following = NEXT_WORD.exec(text.slice(end + 1 + (suffix?.length ?? 0)));
      if (!plural && suffix !== undefined && suffix.toLowerCase() !== 's') {
        // "my partner'll" -> "you'll", "my partner'd" -> "you'd"
        replacement = `you${apostrophe}${suffix.toLowerCase()}`;
        end += 1 + suffix.length;
      } else if (!plural && suffix?.toLowerCase() === 's') {
        end += 2;
        const next = following?.[2]?.toLowerCase();
        const subject = isSubjectPosition(text, start);
        if (next === undefined) replacement = 'yours';
        else if (subject && CONTRACTION_HAS.has(next)) replacement = `you${apostrophe}ve`;
        else if (subject && CONTRACTION_IS.has(next)) replacement = `you${apostrophe}re`;
        else replacement = 'your';
      } else if (plural && suffix === undefined && following !== null) {
        // "my partners' hands" -> "your hands"; a bare "my partners'" is more likely a closing quote.
        replacement = 'your';
        end += 1;
      }
    } else if (!plural) {
      agree = isSubjectPosition(text, start);
    }

    out.push(applyCase(replacement, style), true);
    cursor = agree ? agreeFollowingVerbs(text, end, style, out) : end;
    PHRASE.lastIndex = Math.max(PHRASE.lastIndex, cursor);
  }
  out.push(text.slice(cursor), false);
  return out.segments;
}

/** Rewrite an answer about "my partner" so it can be read aloud to the partner(s) as "you". */
export function toSecondPerson(text: string): string {
  if (!/partner/i.test(text)) return text;
  return readAloudSegments(text)
    .map((s) => s.text)
    .join('');
}
