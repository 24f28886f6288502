import { describe, expect, it } from 'vitest';
import { CONTENT_LIMITS, type Exercise } from '../../../shared/content.ts';
import { randomBytes } from '../../../crypto/bytes.ts';
import { encryptSubmission, signSubmission, verifyAndDecryptSubmission } from '../../../crypto/rounds.ts';
import { signingPublicKey } from '../../../crypto/sign.ts';
import {
  ANSWER_LIMITS,
  completeAnswers,
  decodeDraft,
  decodeHeader,
  decodeSubmission,
  encodeDraft,
  encodeHeader,
  encodeSubmission,
  parseAnswersShape,
} from './answers.ts';

const exercise: Exercise = {
  id: 'test-exercise',
  version: 2,
  title: 'Test',
  summary: 'A test exercise.',
  estimatedMinutes: 5,
  themes: ['test'],
  intro: ['Hello.'],
  items: [
    { kind: 'text', id: 'say', prompt: 'Say something.', maxChars: 10 },
    { kind: 'scale', id: 'how-much', prompt: 'How much?', min: 0, max: 5, minLabel: 'None', maxLabel: 'Lots' },
    { kind: 'choice', id: 'pick', prompt: 'Pick one.', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
  ],
  after: { discussionPrompts: ['Talk.'] },
  readTogether: true,
};

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe('answer limits', () => {
  it('mirror the content limits', () => {
    expect(ANSWER_LIMITS.idChars).toBe(CONTENT_LIMITS.idChars);
    expect(ANSWER_LIMITS.items).toBe(CONTENT_LIMITS.items);
    expect(ANSWER_LIMITS.answerChars).toBe(CONTENT_LIMITS.answerChars);
  });
});

describe('completeAnswers', () => {
  it('fills unanswered items with pass, trims text, blank text is a pass, in item order', () => {
    expect(completeAnswers(exercise, { pick: { kind: 'choice', optionId: 'b' }, say: { kind: 'text', text: '  hi ' } })).toEqual({
      say: { kind: 'text', text: 'hi' },
      'how-much': { kind: 'pass' },
      pick: { kind: 'choice', optionId: 'b' },
    });
    expect(completeAnswers(exercise, { say: { kind: 'text', text: '   ' } })?.say).toEqual({ kind: 'pass' });
    expect(completeAnswers(exercise, {})).toEqual({ say: { kind: 'pass' }, 'how-much': { kind: 'pass' }, pick: { kind: 'pass' } });
  });

  it('refuses answers that do not fit the item', () => {
    expect(completeAnswers(exercise, { say: { kind: 'text', text: 'x'.repeat(11) } })).toBeNull();
    expect(completeAnswers(exercise, { say: { kind: 'text', text: 'x'.repeat(10) } })).not.toBeNull();
    expect(completeAnswers(exercise, { 'how-much': { kind: 'scale', value: 6 } })).toBeNull();
    expect(completeAnswers(exercise, { 'how-much': { kind: 'scale', value: -1 } })).toBeNull();
    expect(completeAnswers(exercise, { 'how-much': { kind: 'scale', value: 2.5 } })).toBeNull();
    expect(completeAnswers(exercise, { 'how-much': { kind: 'scale', value: 5 } })).not.toBeNull();
    expect(completeAnswers(exercise, { pick: { kind: 'choice', optionId: 'c' } })).toBeNull();
    expect(completeAnswers(exercise, { say: { kind: 'scale', value: 1 } })).toBeNull();
    expect(completeAnswers(exercise, { unknown: { kind: 'pass' } })).toBeNull();
  });
});

describe('answer shapes', () => {
  it('accepts exact keys and known kinds only', () => {
    expect(parseAnswersShape({ a: { kind: 'pass' } })).toEqual({ a: { kind: 'pass' } });
    expect(parseAnswersShape({ a: { kind: 'pass', extra: 1 } })).toBeNull();
    expect(parseAnswersShape({ a: { kind: 'text' } })).toBeNull();
    expect(parseAnswersShape({ a: { kind: 'text', text: 5 } })).toBeNull();
    expect(parseAnswersShape({ a: { kind: 'text', text: 'x'.repeat(2001) } })).toBeNull();
    expect(parseAnswersShape({ a: { kind: 'scale', value: 101 } })).toBeNull();
    expect(parseAnswersShape({ a: { kind: 'scale', value: '1' } })).toBeNull();
    expect(parseAnswersShape({ a: { kind: 'choice', optionId: 'Not Kebab' } })).toBeNull();
    expect(parseAnswersShape({ a: { kind: 'mystery' } })).toBeNull();
    expect(parseAnswersShape({ 'Bad Id': { kind: 'pass' } })).toBeNull();
    expect(parseAnswersShape([{ kind: 'pass' }])).toBeNull();
    expect(parseAnswersShape(null)).toBeNull();
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`i${i}`, { kind: 'pass' }]));
    expect(parseAnswersShape(many)).toBeNull();
  });
});

describe('round header', () => {
  it('round-trips and refuses anything else', () => {
    expect(decodeHeader(encodeHeader({ exerciseId: 'test-exercise', exerciseVersion: 2 }))).toEqual({ v: 1, exerciseId: 'test-exercise', exerciseVersion: 2 });
    expect(decodeHeader(enc({ v: 2, exerciseId: 'x', exerciseVersion: 1 }))).toBeNull();
    expect(decodeHeader(enc({ v: 1, exerciseId: 'x', exerciseVersion: 0 }))).toBeNull();
    expect(decodeHeader(enc({ v: 1, exerciseId: 'x', exerciseVersion: 1.5 }))).toBeNull();
    expect(decodeHeader(enc({ v: 1, exerciseId: 'X', exerciseVersion: 1 }))).toBeNull();
    expect(decodeHeader(enc({ v: 1, exerciseId: 'x', exerciseVersion: 1, more: true }))).toBeNull();
    expect(decodeHeader(new Uint8Array([0xff]))).toBeNull();
    expect(() => encodeHeader({ exerciseId: 'Bad', exerciseVersion: 1 })).toThrow();
    // A daily question's header carries its calendar day, and only a real one.
    expect(decodeHeader(encodeHeader({ exerciseId: 'x', exerciseVersion: 1, day: '2026-05-17' }))).toEqual({ v: 1, exerciseId: 'x', exerciseVersion: 1, day: '2026-05-17' });
    expect(decodeHeader(enc({ v: 1, exerciseId: 'x', exerciseVersion: 1, day: '2026-02-30' }))).toBeNull();
    expect(decodeHeader(enc({ v: 1, exerciseId: 'x', exerciseVersion: 1, day: 20260517 }))).toBeNull();
    expect(decodeHeader(enc({ v: 1, exerciseId: 'x', exerciseVersion: 1, day: '2026-05-17', more: 1 }))).toBeNull();
    expect(() => encodeHeader({ exerciseId: 'x', exerciseVersion: 1, day: 'today' })).toThrow();
  });
});

describe('submission body', () => {
  it('round-trips complete answers', () => {
    const bytes = encodeSubmission(exercise, { say: { kind: 'text', text: ' hi ' } });
    expect(decodeSubmission(bytes, exercise)).toEqual({
      v: 1,
      exerciseId: 'test-exercise',
      answers: { say: { kind: 'text', text: 'hi' }, 'how-much': { kind: 'pass' }, pick: { kind: 'pass' } },
    });
    expect(() => encodeSubmission(exercise, { pick: { kind: 'choice', optionId: 'zzz' } })).toThrow();
  });

  it('refuses what a valid sealer never writes', () => {
    const base = { v: 1, exerciseId: 'test-exercise' };
    expect(decodeSubmission(enc({ ...base, answers: { say: { kind: 'text', text: 'x'.repeat(11) } } }), exercise)).toBeNull();
    expect(decodeSubmission(enc({ ...base, answers: { say: { kind: 'text', text: ' padded ' } } }), exercise)).toBeNull();
    expect(decodeSubmission(enc({ ...base, answers: { say: { kind: 'text', text: '' } } }), exercise)).toBeNull();
    expect(decodeSubmission(enc({ ...base, answers: { other: { kind: 'pass' } } }), exercise)).toBeNull();
    expect(decodeSubmission(enc({ ...base, answers: { 'how-much': { kind: 'scale', value: 9 } } }), exercise)).toBeNull();
    expect(decodeSubmission(enc({ ...base, answers: { pick: { kind: 'choice', optionId: 'c' } } }), exercise)).toBeNull();
    expect(decodeSubmission(enc({ ...base, exerciseId: 'another', answers: {} }), exercise)).toBeNull();
    expect(decodeSubmission(enc({ ...base, answers: {}, extra: 1 }), exercise)).toBeNull();
    expect(decodeSubmission(enc({ v: 2, exerciseId: 'test-exercise', answers: {} }), exercise)).toBeNull();
    expect(decodeSubmission(new TextEncoder().encode('{'), exercise)).toBeNull();
  });

  it('checks only the shape when the exercise is not known on this device', () => {
    expect(decodeSubmission(enc({ v: 1, exerciseId: 'from-the-future', answers: { q: { kind: 'scale', value: 3 } } }), undefined)?.answers).toEqual({ q: { kind: 'scale', value: 3 } });
  });

  it('goes through encryption and signing unchanged', () => {
    const spaceKey = randomBytes(32);
    const signingKey = randomBytes(32);
    const binding = { spaceId: 's', roundId: 'r', epoch: 1, authorId: 'a' };
    const ciphertext = encryptSubmission({ spaceKey, ...binding, body: encodeSubmission(exercise, { 'how-much': { kind: 'scale', value: 3 } }) });
    const signature = signSubmission({ signingKey, ...binding, ciphertext });
    const body = verifyAndDecryptSubmission({ spaceKey, verifyKey: signingPublicKey(signingKey), ...binding, ciphertext, signature });
    expect(decodeSubmission(body, exercise)?.answers['how-much']).toEqual({ kind: 'scale', value: 3 });
  });
});

describe('drafts', () => {
  it('keep partial, untrimmed answers; anything unreadable is no draft', () => {
    const draft = { say: { kind: 'text', text: ' typing…' } } as const;
    expect(decodeDraft(encodeDraft(draft))).toEqual(draft);
    expect(decodeDraft(new TextEncoder().encode('nope'))).toEqual({});
    expect(decodeDraft(enc({ say: { kind: 'weird' } }))).toEqual({});
  });
});
