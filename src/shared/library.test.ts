import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_EXERCISES, SELF_ASSESSMENT_ID, getExercise, questionExerciseId } from '../../content/catalog.ts';
import { EXERCISES } from '../../content/exercises/index.ts';
import { LIBRARY, getDeck, getProgram } from '../../content/library.ts';
import { ContentError, readingEase } from './content.ts';
import {
  DEPTHS,
  DIMENSION_IDS,
  Deck,
  LIBRARY_LIMITS,
  Program,
  deckTexts,
  isClosedQuestion,
  lintLibrary,
  programTexts,
  parseLibrary,
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

function deck(): DeckType {
  const questions = Array.from({ length: 20 }, (_, i) => ({ id: `q-${i}`, depth: DEPTHS[i % 3]!, text: `What is one small thing number ${i} brings you?` }));
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

  it('has a deck per dimension plus communication, health and low energy, light and playful; 20+ questions in three depths', () => {
    for (const id of [...DIMENSION_IDS, 'communication', 'health-and-low-energy', 'light-and-playful']) expect(getDeck(id), id).toBeDefined();
    for (const d of LIBRARY.decks) {
      expect(d.questions.length, d.id).toBeGreaterThanOrEqual(LIBRARY_LIMITS.minQuestionsPerDeck);
      for (const depth of DEPTHS) expect(d.questions.some((q) => q.depth === depth), `${d.id} ${depth}`).toBe(true);
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
