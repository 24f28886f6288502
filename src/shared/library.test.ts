import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_EXERCISES, SELF_ASSESSMENT_ID, getExercise, questionExerciseId } from '../../content/catalog.ts';
import { EXERCISES } from '../../content/exercises/index.ts';
import { LIBRARY, getDeck, getProgram } from '../../content/library.ts';
import { ContentError, SOURCE_PHRASES, lintTexts, readingEase, sourcePhrasesIn } from './content.ts';
import {
  DEPTHS,
  DIMENSION_IDS,
  Deck,
  LIBRARY_LIMITS,
  Program,
  STEP_LINKS,
  deckTexts,
  exclusiveUs,
  isClosedQuestion,
  lintLibrary,
  programTexts,
  parseLibrary,
  sameQuestion,
  type Deck as DeckType,
  type LibraryFiles,
  type Program as ProgramType,
} from './library.ts';

const ROOT = fileURLToPath(new URL('../../content/', import.meta.url));
const jsonIn = (dir: string): string[] => readdirSync(ROOT + dir).filter((f) => f.endsWith('.json')).sort();
const raw = (path: string): unknown => JSON.parse(readFileSync(ROOT + path, 'utf8'));
const EXERCISE_IDS = new Set(EXERCISES.map((e) => e.id));

function program(): ProgramType {
  return structuredClone({
    id: 'sample',
    version: 1,
    title: 'A sample program',
    summary: 'Two small steps.',
    forWhom: 'Anyone.',
    intro: ['Go at your own pace.'],
    dimensions: ['emotional'],
    steps: [
      {
        id: 'one',
        title: 'One',
        lesson: ['A short lesson.'],
        practice: { mode: 'either', minutes: 5, steps: ['Sit together.'], lowEnergy: 'Lie down together.' },
        reflection: { id: 'sample-one-reflection', prompts: [{ id: 'a', prompt: 'What did you notice?' }], discuss: ['What surprised you?'] },
      },
      {
        id: 'two',
        title: 'Two',
        lesson: ['Another short lesson.'],
        practice: { mode: 'solo', minutes: 5, steps: ['Write a line.'], lowEnergy: 'Think of one line.' },
        tryThis: 'Hold hands for a minute today.',
      },
    ],
  }) as ProgramType;
}

/** Twenty distinct topics, so the sample questions are not the same question twice. */
const TOPICS = ['rain', 'bread', 'music', 'winter', 'the sea', 'a garden', 'trains', 'your name', 'old photos', 'dancing', 'birthdays', 'the moon', 'coffee', 'a library', 'snow', 'markets', 'letters', 'bicycles', 'sunrise', 'your street'];

function deck(): DeckType {
  const questions = TOPICS.map((topic, i) => ({ id: `q-${i}`, depth: DEPTHS[i % 3]!, text: `What does ${topic} bring to mind for you?` }));
  return structuredClone({ id: 'sample-deck', version: 1, title: 'Sample', summary: 'Questions.', guide: ['Ask openly.', 'Listen fully.'], questions }) as DeckType;
}

function files(overrides: Partial<LibraryFiles> = {}): LibraryFiles {
  return {
    programs: [{ file: 'p.json', data: program() }],
    decks: [{ file: 'd.json', data: deck() }],
    dimensions: { file: 'dimensions.json', data: LIBRARY.dimensions.map((d) => ({ ...d, recommends: {} })) },
    obstacles: { file: 'obstacles.json', data: [] },
    onboarding: { file: 'onboarding.json', data: [{ id: 'here', label: 'Here', response: 'Welcome.', start: { program: 'sample', deck: 'sample-deck' } }] },
    ...overrides,
  };
}

describe('library files', () => {
  it('every program and deck file is listed and validates', () => {
    expect(LIBRARY.programs.map((p) => `${p.id}.json`).sort()).toEqual(jsonIn('programs'));
    expect(LIBRARY.decks.map((d) => `${d.id}.json`).sort()).toEqual(jsonIn('decks'));
    for (const file of jsonIn('programs')) expect(Program.safeParse(raw(`programs/${file}`)).error?.issues ?? [], file).toEqual([]);
    for (const file of jsonIn('decks')) expect(Deck.safeParse(raw(`decks/${file}`)).error?.issues ?? [], file).toEqual([]);
  });

  it('has the five programs, one per method, and the steps each method names', () => {
    const steps = (id: string) => getProgram(id)?.steps.length;
    expect(steps('chronic-illness')).toBe(5);
    expect(steps('after-cancer')).toBe(6);
    expect(steps('closeness-feels-scary')).toBe(3);
    expect(steps('emotional-intimacy')).toBe(5);
    expect(steps('dimensions-of-intimacy')).toBe(5);
    expect(getProgram('closeness-feels-scary')?.steps.some((s) => s.exercise === 'sentence-completion')).toBe(true);
    expect(getProgram('emotional-intimacy')?.steps.every((s) => s.tryThis)).toBe(true);
    for (const p of LIBRARY.programs) for (const s of p.steps) expect(s.practice.lowEnergy.length, `${p.id}/${s.id}`).toBeGreaterThan(0);
  });

  it('points the after-cancer, chronic-illness and closeness-feels-scary programs to the touch program', () => {
    for (const id of ['after-cancer', 'chronic-illness', 'closeness-feels-scary']) {
      expect(getProgram(id)?.steps.some((s) => s.link?.href === '/comfort/together'), id).toBe(true);
    }
    expect(Program.safeParse({ ...program(), steps: [{ ...program().steps[0], link: { href: 'https://elsewhere.example', label: 'x', line: 'y' } }, program().steps[1]] }).success).toBe(false);
  });

  it('has a deck per dimension plus communication, health and low energy, light and playful; 20+ questions in three depths', () => {
    for (const id of [...DIMENSION_IDS, 'communication', 'health-and-low-energy', 'light-and-playful']) expect(getDeck(id), id).toBeDefined();
    for (const d of LIBRARY.decks) {
      expect(d.questions.length, d.id).toBeGreaterThanOrEqual(LIBRARY_LIMITS.minQuestionsPerDeck);
      for (const depth of DEPTHS) expect(d.questions.some((q) => q.depth === depth), `${d.id} ${depth}`).toBe(true);
    }
  });

  it('has the four decks for the parts of life the others miss (issue 16): 26 questions each, across three depths', () => {
    for (const id of ['money-and-home', 'family-and-future', 'saying-what-i-need', 'flirting-and-play']) {
      const d = getDeck(id);
      expect(d?.questions.length, id).toBe(26);
      expect(DEPTHS.map((depth) => d?.questions.filter((q) => q.depth === depth).length)).toEqual([9, 9, 8]);
    }
  });

  it('has six or more dimensions and the seven obstacles, each pointing to content that exists', () => {
    expect(LIBRARY.dimensions.map((d) => d.id)).toEqual([...DIMENSION_IDS]);
    expect(LIBRARY.obstacles.map((o) => o.id)).toEqual(
      expect.arrayContaining(['constant-conflict', 'life-stress', 'communication-trouble', 'fear-of-vulnerability', 'illness-or-fatigue', 'body-image', 'past-hurt']),
    );
    for (const d of LIBRARY.dimensions) expect((d.recommends.programs?.length ?? 0) + (d.recommends.decks?.length ?? 0), d.id).toBeGreaterThan(0);
  });

  it('reads well: no pressure words, no gendered words, short sentences and lessons, only open questions', () => {
    expect(lintLibrary(LIBRARY)).toEqual([]);
  });

  it('is easy to read for most adults: every program and deck scores 60 or more on reading ease', () => {
    const scores = [
      ...LIBRARY.programs.map((p) => [p.id, readingEase(programTexts(p).map((x) => x.text))] as const),
      ...LIBRARY.decks.map((d) => [d.id, readingEase(deckTexts(d).map((x) => x.text))] as const),
    ];
    for (const [id, score] of scores) expect(score, id).toBeGreaterThanOrEqual(60);
  });

  it('derives an exercise for every reflection, every question and the self-assessment, all valid', () => {
    const reflections = LIBRARY.programs.flatMap((p) => p.steps.flatMap((s) => (s.reflection ? [s.reflection.id] : [])));
    for (const id of reflections) expect(getExercise(id)?.items.length, id).toBeGreaterThan(0);
    const d = LIBRARY.decks[0]!;
    const q = d.questions[0]!;
    expect(getExercise(questionExerciseId(d, q))?.items).toEqual([{ kind: 'text', id: q.id, prompt: q.text, maxChars: 2000 }]);
    expect(getExercise(SELF_ASSESSMENT_ID)?.items).toHaveLength(LIBRARY.dimensions.length * 2);
    expect(new Set(ALL_EXERCISES.map((e) => e.id)).size).toBe(ALL_EXERCISES.length);
  });
});

describe('reading ease', () => {
  it('scores plain short sentences high and long, many-syllabled ones low', () => {
    expect(readingEase(['We sit together. You hold my hand. It feels warm.'])).toBeGreaterThan(90);
    expect(readingEase(['Interpersonal communication necessitates considerable deliberation regarding emotional vulnerability and reciprocity.'])).toBeLessThan(10);
  });
});

describe('open-ended questions', () => {
  it.each([
    ['Do you feel close?', true],
    ['Are we okay?', true],
    ['Is it time?', true],
    ['Would you rather stay in?', true],
    ['Have you ever been scared?', true],
    ['Don’t you love mornings?', true],
    ['What helps you feel close?', false],
    ['How does touch feel today?', false],
    ['Tell me about a good day.', false],
    ['Which small thing made you smile?', false],
  ])('%s is closed: %s', (text, closed) => {
    expect(isClosedQuestion(text)).toBe(closed);
  });

  it('the lint names a closed question, a missing question mark, and a pressure word', () => {
    const d = deck();
    d.questions[0] = { id: 'q-0', depth: 'light', text: 'Do you like walks?' };
    d.questions[1] = { id: 'q-1', depth: 'deeper', text: 'Tell me about a walk' };
    d.guide[0] = 'You must answer.';
    const problems = lintLibrary({ programs: [], decks: [d], dimensions: [], obstacles: [], onboarding: [] });
    expect(problems).toEqual([
      'sample-deck guide.0: pressure word "must"',
      'sample-deck questions.q-0: a yes/no question ("Do you like walks?"); ask it open-ended',
      'sample-deck questions.q-1: a question ends with "?"',
    ]);
  });

  it('the lint counts lesson words and flags gendered words in programs', () => {
    const p = program();
    p.steps[0]!.lesson = [Array.from({ length: 260 }, () => 'word').join(' ')];
    p.steps[1]!.tryThis = 'Ask him about his day.';
    const problems = lintLibrary({ programs: [p], decks: [], dimensions: [], obstacles: [], onboarding: [] });
    expect(problems).toContain('sample steps.one.lesson: 260 words (at most 250)');
    expect(problems).toContain('sample steps.two.tryThis: gendered word "him"');
    expect(problems).toContain('sample steps.two.tryThis: gendered word "his"');
  });
});

describe('the voice of "us" (issue 16)', () => {
  it.each([
    'Which moment made you feel deeply loved by us, and what made it land?',
    'Looking back, when did you feel a little alone with us?',
    'How has a hard season changed what you need from us emotionally?',
    'Which part of your body would you like us to treat with extra care, and how?',
    'How can we tell when you’re having a hard day?',
    'How could we make it easier for you to say no?',
    'What interest of yours would you love us to ask you about?',
  ])('flags "%s": the one answering is part of "us"', (text) => {
    expect(exclusiveUs(text)).not.toBeNull();
  });

  it.each([
    'Which photo of us makes you happiest?',
    'What story about us do you hope we’ll still be telling years from now?',
    'Which moment of physical closeness between us stays with you, and why?',
    'Which meal would you love to cook together, from start to finish?',
    'When we disagree about an idea, what helps you stay curious?',
    'What have we stopped doing together that you miss?',
    'Which topic feels hardest for us to talk about?',
  ])('lets "%s" through: "us" is everyone, the one answering included', (text) => {
    expect(exclusiveUs(text)).toBeNull();
  });

  it('the lint names it in a deck question and in a reflection prompt, and the library has none', () => {
    const d = deck();
    d.questions[0] = { id: 'q-0', depth: 'light', text: 'Which moment made you feel loved by us?' };
    const p = program();
    p.steps[0]!.reflection!.prompts[0] = { id: 'a', prompt: 'What would you like us to know about you?' };
    const problems = lintLibrary({ programs: [p], decks: [d], dimensions: [], obstacles: [], onboarding: [] });
    expect(problems).toEqual([
      'sample steps.one.reflection.a: "like us to" speaks of the others as "us"; the one answering is part of "us"',
      'sample-deck questions.q-0: "by us" speaks of the others as "us"; the one answering is part of "us"',
    ]);
    for (const deck of LIBRARY.decks) for (const q of deck.questions) expect(exclusiveUs(q.text), `${deck.id}/${q.id}`).toBeNull();
  });
});

describe('the same question twice (issue 16)', () => {
  it.each([
    ['What made you smile today?', 'What made you smile today, even for a second?'],
    ['What helps you feel calm when the world gets loud?', 'What helps you feel calm when the world is loud?'],
    ['Which song gives you goosebumps?', 'Which song gives you goosebumps?'],
  ])('"%s" and "%s" ask the same', (a, b) => {
    expect(sameQuestion(a, b)).toBe(true);
  });

  it.each([
    ['What made you smile today?', 'What made you cry today?'],
    ['What kind of hug feels best to you right now?', 'What kind of hope feels honest to you right now?'],
    ['Which trip changed how you see us?', 'Which trip would you love to take together?'],
  ])('"%s" and "%s" are different questions', (a, b) => {
    expect(sameQuestion(a, b)).toBe(false);
  });

  it('the lint names a question repeated in another deck', () => {
    const a = deck();
    const b = { ...deck(), id: 'other-deck' };
    b.questions = b.questions.map((q, i) => ({ ...q, text: `How would you paint ${TOPICS[i]!}?` }));
    b.questions[3] = { id: 'q-3', depth: 'light', text: 'What does the sea bring to mind for you, today?' };
    const problems = lintLibrary({ programs: [], decks: [a, b], dimensions: [], obstacles: [], onboarding: [] });
    expect(problems).toEqual([
      'other-deck questions.q-3: asks the same as sample-deck questions.q-4 ("What does the sea bring to mind for you?"); replace one of them',
    ]);
  });
});

describe('phrases too close to the sources (issue 16)', () => {
  it.each([
    ['Everyone heals at their own pace, and that is fine.', 'everyone heals at their own pace'],
    ['A weekly date will give you something to look forward to.', 'give you something to look forward to'],
    ['Start with small, safe sharing.', 'small safe sharing'],
    ['On tired days, simple skin-to-skin contact is plenty.', 'simple skin to skin contact'],
    ['Morning talks and evening check-ins keep you close.', 'evening check ins keep you'],
  ])('"%s" is flagged', (text, phrase) => {
    expect(sourcePhrasesIn(text)).toEqual([phrase]);
    expect(lintTexts('x', [{ where: 'y', text }])).toEqual([`x y: "${phrase}" follows a source article too closely; say it in our own words`]);
  });

  it('lets our own words through, and no library text repeats a source phrase', () => {
    expect(sourcePhrasesIn('Bodies and hearts recover on their own timetables.')).toEqual([]);
    expect(sourcePhrasesIn('Begin with something easy to share.')).toEqual([]);
    expect(SOURCE_PHRASES.length).toBeGreaterThanOrEqual(5);
    const all = [...LIBRARY.programs.flatMap(programTexts), ...LIBRARY.decks.flatMap(deckTexts)];
    for (const { where, text } of all) expect(sourcePhrasesIn(text), where).toEqual([]);
  });
});

describe('care in the content (issue 16)', () => {
  it('links to the help centre where the content speaks of getting help or of safety', () => {
    expect(STEP_LINKS).toEqual(expect.arrayContaining(['/help', '/help/unsafe']));
    const stepLink = (program: string, step: string) => getProgram(program)?.steps.find((s) => s.id === step)?.link?.href;
    expect(stepLink('after-cancer', 'professional-support')).toBe('/help');
    expect(stepLink('chronic-illness', 'opening-up')).toBe('/help');
    expect(stepLink('closeness-feels-scary', 'getting-help')).toBe('/help');
    expect(stepLink('emotional-intimacy', 'listen-fully')).toBe('/help/unsafe');
    const obstacle = (id: string) => LIBRARY.obstacles.find((o) => o.id === id);
    expect(obstacle('constant-conflict')?.link?.href).toBe('/help/unsafe');
    expect(obstacle('past-hurt')?.link?.href).toBe('/help/unsafe');
    // The safety line stands on its own: no strategy mixes it into advice about talking better.
    for (const o of LIBRARY.obstacles) for (const s of o.strategies) expect(s, o.id).not.toMatch(/unsafe|emergency|abuse|danger/i);
    // "Reach out for help" never stands without saying where.
    const texts = [...LIBRARY.programs.flatMap(programTexts).map((x) => x.text), ...LIBRARY.obstacles.flatMap((o) => o.strategies)];
    for (const text of texts) expect(text).not.toMatch(/reach out for help|emergency services/i);
  });

  it('names a doctor and a sex therapist in the chronic-illness program, and the care team before touch after cancer', () => {
    const chronic = programTexts(getProgram('chronic-illness')!).map((x) => x.text).join(' ');
    expect(chronic).toMatch(/doctor/);
    expect(chronic).toMatch(/sex therapist/);
    for (const id of ['emotional-connection', 'body-changes', 'redefine-intimacy']) {
      const step = getProgram('after-cancer')!.steps.find((s) => s.id === id)!;
      expect(step.practice.steps.join(' '), id).toMatch(/care team/);
    }
  });

  it('says "both" nowhere in a practice, so it reads right for three or more', () => {
    for (const p of LIBRARY.programs) {
      for (const s of p.steps) {
        for (const text of [...s.practice.steps, s.practice.lowEnergy, s.link?.line ?? '']) expect(text, `${p.id}/${s.id}`).not.toMatch(/\b(you both|both of you|either of you|neither of you)\b/i);
      }
    }
  });

  it('states the evidence carefully: oxytocin and the mindfulness study', () => {
    const physical = getProgram('dimensions-of-intimacy')!.steps.find((s) => s.id === 'physical-closeness')!.lesson.join(' ');
    expect(physical).not.toMatch(/releases oxytocin/);
    expect(physical).toMatch(/science is young/);
    const mindful = getProgram('after-cancer')!.steps.find((s) => s.id === 'redefine-intimacy')!.lesson.join(' ');
    expect(mindful).toMatch(/one small early study/i);
    expect(mindful).not.toMatch(/studies suggest/i);
  });
});

describe('parseLibrary', () => {
  it('accepts a small valid library and freezes it', () => {
    const library = parseLibrary(files(), EXERCISE_IDS);
    expect(library.programs[0]!.id).toBe('sample');
    expect(Object.isFrozen(library.programs[0]!.steps)).toBe(true);
  });

  it('lists every problem at once: schema, duplicates, missing dimension, unknown references', () => {
    const bad = program();
    bad.steps[1]!.id = 'one';
    bad.steps[0]!.exercise = 'no-such-exercise';
    const d = deck();
    d.questions = d.questions.map((q) => ({ ...q, depth: 'light' as const }));
    const error = (() => {
      try {
        parseLibrary(
          files({
            programs: [{ file: 'p.json', data: bad }, { file: 'q.json', data: { ...program(), steps: [] } }],
            decks: [{ file: 'd.json', data: d }],
            dimensions: { file: 'dimensions.json', data: LIBRARY.dimensions.slice(1).map((x) => ({ ...x, recommends: { decks: ['nope'] } })) },
            onboarding: { file: 'onboarding.json', data: [{ id: 'x', label: 'X', response: 'Hi.', start: { program: 'missing' } }] },
          }),
          EXERCISE_IDS,
        );
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ContentError);
    const message = error!.message;
    expect(message).toContain('q.json (program) is invalid');
    expect(message).toContain('step id "sample/one" is used twice');
    expect(message).toContain('leads into unknown exercise "no-such-exercise"');
    expect(message).toContain('deck sample-deck has no "deeper" question');
    expect(message).toContain('dimension "emotional" is missing');
    expect(message).toContain('recommends unknown deck "nope"');
    expect(message).toContain('onboarding x starts with unknown program "missing"');
  });

  it('refuses a reflection id that is already an exercise id', () => {
    const p = program();
    p.steps[0]!.reflection!.id = 'sentence-completion';
    expect(() => parseLibrary(files({ programs: [{ file: 'p.json', data: p }] }), EXERCISE_IDS)).toThrow(/also an exercise id/);
  });
});
