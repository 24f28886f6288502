import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXERCISES, getExercise } from '../../content/exercises/index.ts';
import {
  CONTENT_LIMITS,
  ContentError,
  Exercise,
  KEBAB_RE,
  exerciseTexts,
  lintExercise,
  parseExercises,
  type Exercise as ExerciseType,
} from './content.ts';
import { toSecondPerson } from './read-aloud.ts';

const DIR = fileURLToPath(new URL('../../content/exercises/', import.meta.url));
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const raw = (file: string): unknown => JSON.parse(readFileSync(DIR + file, 'utf8'));

/** A small valid exercise to break in tests. */
function sample(): ExerciseType {
  return {
    id: 'sample',
    version: 1,
    title: 'A sample',
    summary: 'One sentence.',
    estimatedMinutes: 5,
    themes: ['trust'],
    intro: ['Answer on your own.'],
    items: [
      { kind: 'text', id: 'one', prompt: 'I feel safe when…', maxChars: 500 },
      {
        kind: 'scale',
        id: 'two',
        prompt: 'How close do I feel?',
        min: 0,
        max: 10,
        minLabel: 'A little',
        maxLabel: 'A lot',
      },
      {
        kind: 'choice',
        id: 'three',
        prompt: 'Today I would like…',
        options: [
          { id: 'talk', label: 'To talk' },
          { id: 'rest', label: 'To rest' },
        ],
      },
    ],
    after: { discussionPrompts: ['What surprised you?'] },
    readTogether: true,
  };
}

const valid = (data: unknown) => Exercise.safeParse(data).success;

describe('exercise files', () => {
  it('are all listed in content/exercises/index.ts, each under its file name', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(3);
    expect(EXERCISES.map((e) => `${e.id}.json`).sort()).toEqual(FILES);
  });

  it.each(FILES)('%s validates against the schema', (file) => {
    const result = Exercise.safeParse(raw(file));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('have unique kebab-case ids, and unique kebab-case item and option ids', () => {
    const ids = EXERCISES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const exercise of EXERCISES) {
      expect(exercise.id).toMatch(KEBAB_RE);
      const itemIds = exercise.items.map((i) => i.id);
      expect(new Set(itemIds).size, exercise.id).toBe(itemIds.length);
      for (const item of exercise.items) {
        expect(item.id).toMatch(KEBAB_RE);
        if (item.kind === 'choice') for (const o of item.options) expect(o.id).toMatch(KEBAB_RE);
      }
    }
  });

  it('read well: no pressure words, no gendered assumptions, short sentences', () => {
    expect(EXERCISES.flatMap(lintExercise)).toEqual([]);
  });

  it('stay within the length limits', () => {
    for (const exercise of EXERCISES) {
      for (const item of exercise.items) expect(item.prompt.length).toBeLessThanOrEqual(120);
      for (const paragraph of exercise.intro) expect(paragraph.length).toBeLessThanOrEqual(300);
      expect(exercise.after.discussionPrompts.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('each say in one short line what they touch, before anyone starts', () => {
    for (const exercise of EXERCISES) {
      expect(exercise.touches, exercise.id).toBeTruthy();
      // Shown after "This one touches on", so a phrase: no capital to start, no full stop to end.
      expect(exercise.touches!.length, exercise.id).toBeLessThanOrEqual(100);
      expect(exercise.touches!, exercise.id).toMatch(/^[a-z].*[^.]$/);
    }
  });

  it('are frozen, so no caller can change the shared list', () => {
    const first = EXERCISES[0]!;
    expect(Object.isFrozen(EXERCISES)).toBe(true);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.items[0])).toBe(true);
    expect(getExercise(first.id)).toBe(first);
    expect(getExercise('no-such-exercise')).toBeUndefined();
  });
});

describe('sentence completion', () => {
  const exercise = getExercise('sentence-completion')!;

  it('has exactly ten text items, one per theme, read together', () => {
    expect(exercise.readTogether).toBe(true);
    expect(exercise.items).toHaveLength(10);
    expect(exercise.items.every((i) => i.kind === 'text')).toBe(true);
    expect(exercise.items.map((i) => i.id)).toEqual([
      'feeling-safe',
      'trust',
      'sex-and-intimacy',
      'touch',
      'fear',
      'what-i-like',
      'safe-with-partner',
      'talking',
      'sharing-feelings',
      'enjoy-together',
    ]);
    expect(exercise.after.discussionPrompts.length).toBeGreaterThanOrEqual(5);
    expect(exercise.after.discussionPrompts.length).toBeLessThanOrEqual(7);
  });

  it('talks about "my partner" in the partner stems, which read aloud as "you"', () => {
    const prompt = (id: string) => exercise.items.find((i) => i.id === id)!.prompt;
    expect(toSecondPerson(prompt('touch'))).toBe('When you touch me, I…');
    expect(toSecondPerson(prompt('what-i-like'))).toBe('I love it when you…');
    expect(toSecondPerson(prompt('safe-with-partner'))).toBe('Something that helps me feel safe with you is…');
    expect(toSecondPerson(prompt('talking'))).toBe('I enjoy talking with you about…');
    expect(toSecondPerson(prompt('enjoy-together'))).toBe('The thing I most enjoy doing with you is…');
  });

  it('says in its intro how to do it: alone, first thought, pass, read aloud in turns', () => {
    const intro = exercise.intro.join(' ').toLowerCase();
    for (const idea of ['on your own', 'first thing', 'pass', 'take turns', 'line by line']) {
      expect(intro).toContain(idea);
    }
  });
});

describe('schema', () => {
  it('accepts the sample', () => {
    expect(Exercise.safeParse(sample()).error?.issues ?? []).toEqual([]);
  });

  it('rejects ids that are not kebab-case', () => {
    for (const id of ['Sample', 'sample_one', 'sample--one', '-sample', 'sample-', '', 'sam ple']) {
      expect(valid({ ...sample(), id }), id).toBe(false);
    }
  });

  it('rejects duplicate item ids and duplicate option ids', () => {
    const s = sample();
    s.items[1]!.id = 'one';
    expect(valid(s)).toBe(false);
    const c = sample();
    const choice = c.items[2]!;
    if (choice.kind === 'choice') choice.options[1]!.id = 'talk';
    expect(valid(c)).toBe(false);
  });

  it('enforces the length limits', () => {
    const long = (n: number) => 'a'.repeat(n);
    const withPrompt = (prompt: string) => {
      const s = sample();
      s.items[0]!.prompt = prompt;
      return s;
    };
    expect(valid(withPrompt(long(CONTENT_LIMITS.promptChars)))).toBe(true);
    expect(valid(withPrompt(long(CONTENT_LIMITS.promptChars + 1)))).toBe(false);
    expect(valid({ ...sample(), intro: [long(300)] })).toBe(true);
    expect(valid({ ...sample(), intro: [long(301)] })).toBe(false);
    const answer = (maxChars: number) => {
      const s = sample();
      const item = s.items[0]!;
      if (item.kind === 'text') item.maxChars = maxChars;
      return s;
    };
    expect(valid(answer(2000))).toBe(true);
    expect(valid(answer(2001))).toBe(false);
    expect(valid(answer(0))).toBe(false);
  });

  it('needs 2 to 8 choice options and a scale whose min is below its max', () => {
    const options = (n: number) => {
      const s = sample();
      const item = s.items[2]!;
      const option = (i: number) => ({ id: `o${i}`, label: `Option ${i}` });
      if (item.kind === 'choice') item.options = Array.from({ length: n }, (_, i) => option(i));
      return s;
    };
    expect(valid(options(1))).toBe(false);
    expect(valid(options(2))).toBe(true);
    expect(valid(options(8))).toBe(true);
    expect(valid(options(9))).toBe(false);
    const scale = sample();
    const item = scale.items[1]!;
    if (item.kind === 'scale') item.min = 10;
    expect(valid(scale)).toBe(false);
  });

  it('rejects unknown kinds, unknown keys, empty or padded text', () => {
    expect(valid({ ...sample(), items: [{ kind: 'audio', id: 'x', prompt: 'Hi' }] })).toBe(false);
    expect(valid({ ...sample(), mood: 'happy' })).toBe(false);
    expect(valid({ ...sample(), title: '' })).toBe(false);
    expect(valid({ ...sample(), title: ' Padded' })).toBe(false);
    expect(valid({ ...sample(), items: [] })).toBe(false);
    expect(valid({ ...sample(), version: 1.5 })).toBe(false);
  });
});

describe('parseExercises', () => {
  it('returns the exercises in order', () => {
    const other = { ...sample(), id: 'other' };
    expect(parseExercises([sample(), other]).map((e) => e.id)).toEqual(['sample', 'other']);
  });

  it('names the file, the id and the field of an invalid exercise', () => {
    const broken = { ...sample(), summary: '' };
    expect(() => parseExercises([broken], ['broken.json'])).toThrow(ContentError);
    expect(() => parseExercises([broken], ['broken.json'])).toThrow(
      /broken\.json \(id "sample"\) is invalid:\n {2}- summary: must not be empty/,
    );
    expect(() => parseExercises([42])).toThrow(/exercise #1 is invalid:\n {2}- \(root\): must be an object/);
  });

  it('explains each problem in words', () => {
    const s = sample();
    const broken = {
      ...s,
      extra: 1,
      version: 1.5,
      title: '',
      items: [{ ...s.items[0]!, prompt: 'x'.repeat(121) }, { ...s.items[1]!, kind: 'audio' }, s.items[0]],
    };
    let message = '';
    try {
      parseExercises([broken], ['broken.json']);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('- version: must be an integer');
    expect(message).toContain('- title: must not be empty');
    expect(message).toContain('- items.0.prompt: must be at most 120 characters');
    expect(message).toContain('- items.1.kind: must be a "text", "scale" or "choice" item');
    expect(message).toContain('- (root): unknown key(s): extra');
    expect(message).not.toContain('Invalid input');
  });

  it('rejects an id used twice', () => {
    expect(() => parseExercises([sample(), sample()], ['a.json', 'b.json'])).toThrow(
      /b\.json \(id "sample"\) reuses the id "sample" of a\.json/,
    );
  });
});

describe('lintExercise', () => {
  const lint = (text: string) => lintExercise({ ...sample(), summary: text });

  it('flags pressure words', () => {
    const texts = ['You must answer.', 'You should try.', 'You have to go.', 'No need to hurry.', 'Keep your streak!', 'Did I fail?'];
    for (const text of texts) {
      expect(lint(text), text).toHaveLength(1);
    }
  });

  it('flags gendered assumptions as standalone words', () => {
    const texts = ['Ask him.', 'She listens.', 'His turn.', 'Ask her.', 'My HUSBAND', 'A wife.', 'A boyfriend.'];
    for (const text of [...texts, 'A girlfriend.', 'He is kind.']) {
      expect(lint(text), text).toHaveLength(1);
    }
  });

  it('leaves words that merely contain them alone', () => {
    const texts = ['The theme here.', 'Where is the mustard?', 'Other heroes shelter.', 'Share the chair.'];
    for (const text of [...texts, 'Failsafe, sheltered']) {
      expect(lint(text), text).toEqual([]);
    }
  });

  it('flags long sentences and checks every user-facing text', () => {
    expect(lint(`${'word '.repeat(CONTENT_LIMITS.sentenceWords + 1).trim()}.`)).toHaveLength(1);
    const s = sample();
    s.after.note = 'You should rest.';
    expect(lintExercise(s)).toEqual(['sample after.note: pressure word "should"']);
    const where = exerciseTexts(sample()).map((t) => t.where);
    expect(where).toContain('items.two.minLabel');
    expect(where).toContain('items.three.options.talk');
    expect(where).toContain('after.discussionPrompts.0');
  });
});
