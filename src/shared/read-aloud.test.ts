import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAloudSegments, toSecondPerson } from './read-aloud.ts';

const cases = (rows: [string, string][]) => {
  for (const [input, expected] of rows) expect(toSecondPerson(input), input).toBe(expected);
};

describe('toSecondPerson', () => {
  it('turns "my partner" into "you" and leaves the rest alone', () => {
    cases([
      ['I feel safe with my partner.', 'I feel safe with you.'],
      ['I trust my partner', 'I trust you'],
      ['I like talking with my partner about books', 'I like talking with you about books'],
      ['my partner', 'you'],
      ['I  feel\tsafe   with my partner  \n  today', 'I  feel\tsafe   with you  \n  today'],
    ]);
  });

  it('makes possessives "your" and a possessive at the end of a phrase "yours"', () => {
    cases([
      ["I love my partner's hands", 'I love your hands'],
      ['I love my partner\u2019s laugh', 'I love your laugh'],
      ["my partner's own way", 'your own way'],
      ["The choice was my partner's.", 'The choice was yours.'],
      ["It is my partner's, not mine", 'It is yours, not mine'],
      ["My partner's voice calms me", 'Your voice calms me'],
    ]);
  });

  it('reads a contracted "is" or "has" as "you\'re" or "you\'ve"', () => {
    cases([
      ["My partner's not sure yet", "You're not sure yet"],
      ["when my partner's always there", "when you're always there"],
      ["My partner's been patient", "You've been patient"],
      ['My partner\u2019s a good listener', 'You\u2019re a good listener'],
      ["my partner'll know", "you'll know"],
      ["I hope my partner'd smile", "I hope you'd smile"],
    ]);
  });

  it('handles plural "my partners"', () => {
    cases([
      ['I love my partners', 'I love you'],
      ['My partners make me laugh', 'You make me laugh'],
      ["my partners' kindness", 'your kindness'],
      ['My partners are kind', 'You are kind'],
    ]);
  });

  it('keeps capitals: sentence start, mid-sentence and all caps', () => {
    cases([
      ['My partner listens.', 'You listen.'],
      ['I said: My partner listens.', 'I said: You listen.'],
      ['MY PARTNER IS KIND', 'YOU ARE KIND'],
      ["MY PARTNER'S SMILE", 'YOUR SMILE'],
      ['MY PARTNER HUGS ME', 'YOU HUG ME'],
      ['I miss my Partner', 'I miss you'],
    ]);
  });

  it('handles punctuation around the phrase', () => {
    cases([
      ['Thank you, my partner, for this', 'Thank you, you, for this'],
      ['It was my partner.', 'It was you.'],
      ['Someone (my partner) noticed', 'Someone (you) noticed'],
      ['It was my partner!', 'It was you!'],
      ['"My partner hugs me," I said', '"You hug me," I said'],
      ['\u201Cmy partner\u201D', '\u201Cyou\u201D'],
      ['Who? my partner?', 'Who? you?'],
      ["'my partner'", "'you'"],
      ['my partner\u2014always', 'you\u2014always'],
    ]);
  });

  it('makes the verb agree: is, was, has, does and their negatives', () => {
    cases([
      ['My partner is gentle', 'You are gentle'],
      ['My partner was there', 'You were there'],
      ['My partner has time', 'You have time'],
      ['My partner does the dishes', 'You do the dishes'],
      ["My partner isn't scared", "You aren't scared"],
      ["My partner wasn't home", "You weren't home"],
      ["My partner hasn't asked", "You haven't asked"],
      ["My partner doesn't rush me", "You don't rush me"],
      ['My partner doesn\u2019t rush me', 'You don\u2019t rush me'],
    ]);
  });

  it('makes regular third-person verbs agree', () => {
    cases([
      ['my partner hugs me', 'you hug me'],
      ['When my partner touches me, I relax', 'When you touch me, I relax'],
      ['my partner tries', 'you try'],
      ['my partner lies next to me', 'you lie next to me'],
      ['my partner kisses me', 'you kiss me'],
      ['my partner washes my hair', 'you wash my hair'],
      ['my partner fixes things', 'you fix things'],
      ['my partner goes first', 'you go first'],
      ['my partner loves me', 'you love me'],
      ['my partner says so', 'you say so'],
      ['my partner holds my hand', 'you hold my hand'],
      ['my partner closes the door', 'you close the door'],
      ['my partner needs rest', 'you need rest'],
    ]);
  });

  it('fixes a verb after one adverb and along "and"/"or"', () => {
    cases([
      ['my partner always hugs me', 'you always hug me'],
      ['My partner never rushes me', 'You never rush me'],
      ['My partner really is kind', 'You really are kind'],
      ['my partner hugs and kisses me', 'you hug and kiss me'],
      ['my partner listens or asks', 'you listen or ask'],
      ['my partner is kind and gentle', 'you are kind and gentle'],
    ]);
  });

  it('fixes verbs only when "my partner" is the subject', () => {
    cases([
      ['I think my partner knows', 'I think you know'],
      ['I love the way my partner laughs', 'I love the way you laugh'],
      ['I hug, and my partner smiles', 'I hug, and you smile'],
      ['and then my partner is there', 'and then you are there'],
      ['Talking to my partner helps', 'Talking to you helps'],
      ['Time with my partner is precious', 'Time with you is precious'],
      ['What I enjoy with my partner is cooking', 'What I enjoy with you is cooking'],
      ['I miss my partner sometimes', 'I miss you sometimes'],
      ['I tell my partner things', 'I tell you things'],
    ]);
  });

  it('does not touch words that are not verbs', () => {
    cases([
      ['my partner always', 'you always'],
      ['My partner sometimes.', 'You sometimes.'],
      ['my partner lots', 'you lots'],
      ['My partner Chris says hi', 'You Chris says hi'],
      ['my partner kiss', 'you kiss'],
      ['my partner bus', 'you bus'],
      ['my partner plus me', 'you plus me'],
      ['My partner this morning', 'You this morning'],
    ]);
  });

  it('rewrites several occurrences in one text', () => {
    cases([
      [
        "My partner hugs me and my partner's smile helps. I trust my partner.",
        'You hug me and your smile helps. I trust you.',
      ],
      ['my partner, my partner, my partner', 'you, you, you'],
      ['My partner is kind; my partners are too', 'You are kind; you are too'],
    ]);
  });

  it('leaves other words containing "partner" alone', () => {
    cases([
      ['our partnership', 'our partnership'],
      ['my partnered life', 'my partnered life'],
      ['my partnership is strong', 'my partnership is strong'],
      ['a partner of mine', 'a partner of mine'],
      ['your partner is kind', 'your partner is kind'],
      ['tummy partner', 'tummy partner'],
      ['my partner-to-be is kind', 'my partner-to-be is kind'],
      ['mypartner', 'mypartner'],
      ['my business partners', 'my business partners'],
    ]);
  });

  it('returns text without the phrase unchanged', () => {
    for (const text of ['', 'I feel safest at home.', '  \n ', 'My dog hugs me', 'partner']) {
      expect(toSecondPerson(text)).toBe(text);
    }
  });

  it('leaves any text without "partner" exactly as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        fc.pre(!/partner/i.test(text));
        expect(toSecondPerson(text)).toBe(text);
        expect(readAloudSegments(text).map((s) => s.text).join('')).toBe(text);
      }),
    );
  });

  const words = fc.constantFrom(
    'my', 'My', 'MY', 'partner', 'partners', "partner's", 'partner\u2019s', "partners'", 'is',
    'hugs', 'always', 'and', 'I', 'when', 'kind', 'partnership', 'me', 'touches', "doesn't",
    ',', '.', '(', ')', '!', '\n',
  );
  const sentence = fc
    .array(fc.tuple(words, fc.constantFrom(' ', '  ', '', '\t')), { maxLength: 30 })
    .map((parts) => parts.map(([w, s]) => w + s).join(''));

  it('never leaves a "my partner" behind, and the segments join to the rewrite', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const out = toSecondPerson(text);
        const segments = readAloudSegments(text);
        expect(segments.map((s) => s.text).join('')).toBe(out);
        expect(out).not.toMatch(/(?<![\p{L}\p{N}_])my\s+partners?(?![\p{L}\p{N}_'\u2019-])/iu);
        for (const s of segments) expect(s.text).not.toBe('');
        for (let i = 1; i < segments.length; i++) {
          expect(segments[i]!.rewritten).not.toBe(segments[i - 1]!.rewritten);
        }
      }),
    );
  });
});

describe('readAloudSegments', () => {
  it('marks the rewritten parts', () => {
    expect(readAloudSegments('When my partner touches me, I relax')).toEqual([
      { text: 'When ', rewritten: false },
      { text: 'you', rewritten: true },
      { text: ' ', rewritten: false },
      { text: 'touch', rewritten: true },
      { text: ' me, I relax', rewritten: false },
    ]);
  });

  it('keeps an adverb between pronoun and verb as unchanged text', () => {
    expect(readAloudSegments("my partner's hand; my partner often hugs me")).toEqual([
      { text: 'your', rewritten: true },
      { text: ' hand; ', rewritten: false },
      { text: 'you', rewritten: true },
      { text: ' often ', rewritten: false },
      { text: 'hug', rewritten: true },
      { text: ' me', rewritten: false },
    ]);
  });

  it('returns one unchanged segment for text with nothing to rewrite, none for empty text', () => {
    expect(readAloudSegments('I feel safe.')).toEqual([{ text: 'I feel safe.', rewritten: false }]);
    expect(readAloudSegments('')).toEqual([]);
  });
});
