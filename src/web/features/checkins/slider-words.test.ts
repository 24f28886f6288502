import { describe, expect, it } from 'vitest';
import { sliderWord } from './slider-words.ts';

const words = { min: 'far apart', mid: 'somewhat close', max: 'very close' };

describe('sliderWord', () => {
  it('says the words of 0, 5 and 10, and what lies between for every other number', () => {
    expect([0, 5, 10].map((v) => sliderWord(v, words))).toEqual(['far apart', 'somewhat close', 'very close']);
    expect(sliderWord(1, words)).toBe('between far apart and somewhat close');
    expect(sliderWord(4, words)).toBe('between far apart and somewhat close');
    expect(sliderWord(6, words)).toBe('between somewhat close and very close');
    expect(sliderWord(9, words)).toBe('between somewhat close and very close');
  });
});
