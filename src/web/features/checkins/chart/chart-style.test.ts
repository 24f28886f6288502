import { describe, expect, it } from 'vitest';
import { SCALES } from '../checkin.ts';
import { colourTokenOf, lineStyleOf, markerPathD, markerShapeOf } from './chart-style.ts';

describe('chart styles', () => {
  it('tells every line apart without colour: each scale has its own dash pattern', () => {
    const dashes = SCALES.map((line) => JSON.stringify(lineStyleOf(line, true).dash));
    expect(new Set(dashes).size).toBe(SCALES.length);
    expect(lineStyleOf('emotional', true).dash).toEqual([]);
    expect(lineStyleOf('physical', true).hollow).toBe(true);
    expect(lineStyleOf('emotional', true).hollow).toBe(false);
  });

  it('draws health lines thinner than closeness lines', () => {
    for (const line of ['energy', 'pain', 'stress'] as const) {
      expect(lineStyleOf(line, true).width).toBeLessThan(lineStyleOf('physical', false).width);
    }
  });

  it('gives me round markers and partners other shapes and colours, cycling', () => {
    expect([0, 1, 2, 3, 4].map(markerShapeOf)).toEqual(['circle', 'square', 'diamond', 'triangle', 'square']);
    expect(colourTokenOf(0, 'emotional')).toBe('--chart-me');
    expect(colourTokenOf(1, 'physical')).toBe('--chart-partner-1');
    expect(colourTokenOf(4, 'physical')).toBe('--chart-partner-1');
    expect(colourTokenOf(0, 'stress')).toBe('--chart-stress');
  });

  it('traces legend markers as closed SVG paths', () => {
    expect(markerPathD('square', 10, 10, 4)).toMatch(/^M[\d. ]+(L[\d. ]+){3}Z$/);
    expect(markerPathD('circle', 10, 10, 4)).toBe('M14 10A4 4 0 1 1 6 10A4 4 0 1 1 14 10Z');
  });
});
