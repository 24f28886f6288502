import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../../shared/content.ts';
import { toB64 } from '../../../shared/base64.ts';
import { randomBytes } from '../../../crypto/bytes.ts';
import { encryptSubmission, signSubmission } from '../../../crypto/rounds.ts';
import { signingPublicKey } from '../../../crypto/sign.ts';
import { encodeSubmission } from './answers.ts';
import { openSubmission } from './reveal.ts';

const exercise: Exercise = {
  id: 'test-exercise',
  version: 1,
  title: 'Test',
  summary: 'A test exercise.',
  estimatedMinutes: 5,
  themes: ['test'],
  intro: ['Hello.'],
  items: [{ kind: 'text', id: 'say', prompt: 'Say something.', maxChars: 100 }],
  after: { discussionPrompts: ['Talk.'] },
  readTogether: true,
};

describe('openSubmission', () => {
  const spaceKey = randomBytes(32);
  const signingKey = randomBytes(32);
  const verifyKey = signingPublicKey(signingKey);
  const binding = { spaceId: 's1', roundId: 'r1', epoch: 2, authorId: 'a' };
  const ciphertext = encryptSubmission({ spaceKey, ...binding, body: encodeSubmission(exercise, { say: { kind: 'text', text: 'hello' } }) });
  const signature = signSubmission({ signingKey, ...binding, ciphertext });
  const input = { spaceKey, verifyKey, ...binding, exerciseId: exercise.id, exercise, ciphertext: toB64(ciphertext), signature: toB64(signature) };

  it('opens a valid submission', () => {
    expect(openSubmission(input)).toEqual({ verified: true, answers: { say: { kind: 'text', text: 'hello' } } });
  });

  it('gives verified: false and no answers on any failure', () => {
    const failed = { verified: false, answers: {} };
    expect(openSubmission({ ...input, verifyKey: undefined })).toEqual(failed);
    expect(openSubmission({ ...input, spaceKey: undefined })).toEqual(failed);
    expect(openSubmission({ ...input, exerciseId: null })).toEqual(failed);
    expect(openSubmission({ ...input, exerciseId: 'another' })).toEqual(failed);
    expect(openSubmission({ ...input, verifyKey: signingPublicKey(randomBytes(32)) })).toEqual(failed);
    expect(openSubmission({ ...input, spaceKey: randomBytes(32) })).toEqual(failed);
    expect(openSubmission({ ...input, roundId: 'r2' })).toEqual(failed);
    expect(openSubmission({ ...input, authorId: 'b' })).toEqual(failed);
    expect(openSubmission({ ...input, signature: 'not base64!' })).toEqual(failed);
    const tampered = ciphertext.slice();
    tampered[50]! ^= 1;
    expect(openSubmission({ ...input, ciphertext: toB64(tampered) })).toEqual(failed);
  });

  it('refuses a validly signed body that does not fit the exercise', () => {
    const bad = encryptSubmission({ spaceKey, ...binding, body: new TextEncoder().encode(JSON.stringify({ v: 1, exerciseId: exercise.id, answers: { say: { kind: 'text', text: 'x'.repeat(101) } } })) });
    const sig = signSubmission({ signingKey, ...binding, ciphertext: bad });
    expect(openSubmission({ ...input, ciphertext: toB64(bad), signature: toB64(sig) }).verified).toBe(false);
  });
});
