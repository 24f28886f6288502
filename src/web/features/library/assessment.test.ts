import { describe, expect, it } from 'vitest';
import { LIBRARY, getDeck, getProgram } from '../../../../content/library.ts';
import { getExercise } from '../../../../content/exercises/index.ts';
import {
  answeredOnly,
  dimensionGaps,
  hasAnyAnswer,
  ideasOrder,
  largestGaps,
  notCompared,
  orderByGap,
  recommendedLinks,
  summarize,
  type Answers,
} from './assessment.ts';

const IDS = ['emotional', 'intellectual', 'experiential', 'spiritual', 'physical', 'sexual'] as const;

describe('dimensionGaps', () => {
  it('is importance minus closeness, in content order, only where both are answered', () => {
    const answers: Answers = {
      sexual: { now: 2, matters: 7 },
      emotional: { now: 3, matters: 9 },
      intellectual: { now: 5 }, // importance passed
      experiential: { matters: 8 }, // closeness passed
      spiritual: {},
    };
    expect(dimensionGaps(answers, IDS)).toEqual([
      { dimensionId: 'emotional', now: 3, matters: 9, gap: 6 },
      { dimensionId: 'sexual', now: 2, matters: 7, gap: 5 },
    ]);
    expect(notCompared(answers, IDS)).toEqual(['intellectual', 'experiential', 'spiritual', 'physical']);
  });

  it('never reads a passed question as zero, and ignores values that are not 0-10 integers', () => {
    const answers = { emotional: { now: 0, matters: 0 }, physical: { now: 11, matters: 5 }, sexual: { now: 2.5, matters: 5 } } as Answers;
    expect(dimensionGaps(answers, IDS)).toEqual([{ dimensionId: 'emotional', now: 0, matters: 0, gap: 0 }]);
    expect(dimensionGaps({ physical: { matters: 10 } }, IDS)).toEqual([]);
  });

  it('ignores dimensions it was not asked about', () => {
    expect(dimensionGaps({ playful: { now: 1, matters: 9 } }, IDS)).toEqual([]);
  });

  it('keeps a negative gap: closer than it matters is fine', () => {
    expect(dimensionGaps({ spiritual: { now: 9, matters: 4 } }, IDS)).toEqual([{ dimensionId: 'spiritual', now: 9, matters: 4, gap: -5 }]);
  });
});

describe('orderByGap and largestGaps', () => {
  it('orders by gap, then by importance, then content order', () => {
    const gaps = dimensionGaps(
      {
        emotional: { now: 5, matters: 7 }, // 2, matters 7
        intellectual: { now: 1, matters: 3 }, // 2, matters 3
        experiential: { now: 6, matters: 8 }, // 2, matters 8
        spiritual: { now: 8, matters: 6 }, // -2
        physical: { now: 2, matters: 8 }, // 6
        sexual: { now: 4, matters: 6 }, // 2, matters 6
      },
      IDS,
    );
    expect(orderByGap(gaps).map((g) => g.dimensionId)).toEqual(['physical', 'experiential', 'emotional', 'sexual', 'intellectual', 'spiritual']);
    expect(largestGaps(gaps).map((g) => g.dimensionId)).toEqual(['physical']);
  });

  it('returns every dimension sharing the largest gap, the most important first', () => {
    const gaps = dimensionGaps({ emotional: { now: 2, matters: 6 }, physical: { now: 5, matters: 9 }, sexual: { now: 5, matters: 9 }, intellectual: { now: 1, matters: 4 } }, IDS);
    expect(largestGaps(gaps).map((g) => [g.dimensionId, g.gap])).toEqual([
      ['physical', 4],
      ['sexual', 4],
      ['emotional', 4],
    ]);
  });

  it('has no largest gap when nothing matters more than it feels close, or nothing was compared', () => {
    expect(largestGaps(dimensionGaps({ emotional: { now: 7, matters: 7 }, physical: { now: 9, matters: 3 } }, IDS))).toEqual([]);
    expect(largestGaps([])).toEqual([]);
  });

  it('does not change the list it is given', () => {
    const gaps = dimensionGaps({ emotional: { now: 5, matters: 6 }, physical: { now: 1, matters: 9 } }, IDS);
    const before = gaps.map((g) => g.dimensionId);
    orderByGap(gaps);
    expect(gaps.map((g) => g.dimensionId)).toEqual(before);
  });
});

describe('summarize', () => {
  it('names the largest gap and what was not compared', () => {
    const summary = summarize({ emotional: { now: 2, matters: 9 }, physical: { now: 5, matters: 6 }, sexual: { now: 3 } }, IDS);
    expect(summary).toEqual({
      kind: 'gap',
      largest: [{ dimensionId: 'emotional', now: 2, matters: 9, gap: 7 }],
      gap: 7,
      notCompared: ['intellectual', 'experiential', 'spiritual', 'sexual'],
    });
  });

  it('says there is no gap when everything answered feels at least as close as it matters', () => {
    const summary = summarize({ emotional: { now: 8, matters: 8 }, physical: { now: 9, matters: 4 } }, IDS);
    expect(summary.kind).toBe('no-gap');
    if (summary.kind !== 'no-gap') return;
    expect(summary.compared.map((g) => [g.dimensionId, g.gap])).toEqual([
      ['emotional', 0],
      ['physical', -5],
    ]);
  });

  it('has nothing to compare when a question was passed everywhere', () => {
    expect(summarize({ emotional: { now: 3 }, physical: { matters: 9 } }, IDS)).toEqual({ kind: 'nothing-to-compare', notCompared: [...IDS] });
    expect(summarize({}, IDS)).toEqual({ kind: 'nothing-to-compare', notCompared: [...IDS] });
  });

  it('never adds dimensions up into a score', () => {
    const summary = summarize({ emotional: { now: 2, matters: 9 }, physical: { now: 5, matters: 6 } }, IDS);
    expect(Object.keys(summary).sort()).toEqual(['gap', 'kind', 'largest', 'notCompared']);
  });
});

describe('ideasOrder', () => {
  it('puts compared dimensions by gap first, then the passed ones in content order', () => {
    expect(ideasOrder({ sexual: { now: 1, matters: 9 }, intellectual: { now: 5, matters: 6 }, physical: { now: 9, matters: 1 } }, IDS)).toEqual([
      'sexual',
      'intellectual',
      'physical',
      'emotional',
      'experiential',
      'spiritual',
    ]);
    expect(ideasOrder({}, IDS)).toEqual([...IDS]);
  });
});

describe('answers as stored', () => {
  it('keeps only answered questions and leaves fully passed dimensions out', () => {
    const answers: Answers = { emotional: { now: 0, matters: 7 }, physical: { now: 4, matters: undefined }, sexual: { now: undefined, matters: undefined }, spiritual: undefined };
    expect(answeredOnly(answers)).toEqual({ emotional: { now: 0, matters: 7 }, physical: { now: 4 } });
    expect(hasAnyAnswer(answers)).toBe(true);
  });

  it('knows when every question was passed', () => {
    expect(hasAnyAnswer({})).toBe(false);
    expect(hasAnyAnswer({ emotional: {}, physical: { now: undefined } })).toBe(false);
    expect(hasAnyAnswer({ emotional: { matters: 0 } })).toBe(true);
    expect(answeredOnly({ emotional: {} })).toEqual({});
  });
});

describe('recommendedLinks', () => {
  const titles = {
    program: (id: string) => getProgram(id)?.title,
    deck: (id: string) => getDeck(id)?.title,
    exercise: (id: string) => getExercise(id)?.title,
  };

  it('links every recommendation of every dimension and obstacle to a titled screen', () => {
    for (const item of [...LIBRARY.dimensions, ...LIBRARY.obstacles]) {
      const links = recommendedLinks(item.recommends, titles);
      expect(links.programs.map((l) => l.href)).toEqual((item.recommends.programs ?? []).map((id) => `/programs/${id}`));
      expect(links.decks.map((l) => l.href)).toEqual((item.recommends.decks ?? []).map((id) => `/decks/${id}`));
      expect(links.exercises.map((l) => l.href)).toEqual((item.recommends.exercises ?? []).map((id) => `/just-me/exercises/${id}`));
      for (const l of [...links.programs, ...links.decks, ...links.exercises]) expect(l.title.length).toBeGreaterThan(0);
    }
  });

  it('uses the titles and leaves out what it cannot name', () => {
    const links = recommendedLinks({ programs: ['emotional-intimacy', 'gone'], decks: ['emotional'] }, titles);
    expect(links).toEqual({
      programs: [{ href: '/programs/emotional-intimacy', title: getProgram('emotional-intimacy')!.title }],
      decks: [{ href: '/decks/emotional', title: getDeck('emotional')!.title }],
      exercises: [],
    });
  });
});
