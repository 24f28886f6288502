import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomBytes, utf8 } from './bytes.ts';
import {
  decryptDraft,
  decryptRoundHeader,
  encryptDraft,
  encryptRoundHeader,
  encryptSubmission,
  signSubmission,
  verifyAndDecryptSubmission,
  verifySubmission,
} from './rounds.ts';
import { signingPublicKey } from './sign.ts';
import { generateSpaceKey } from './space-keys.ts';
import { expectCryptoError, forEveryFlip, hex } from './test-utils.ts';

const ctx = {
  spaceId: '0190a1b2-0000-7000-8000-000000000001',
  roundId: '0190a1b2-0000-7000-8000-0000000000d1',
  epoch: 2,
  authorId: '0190a1b2-0000-7000-8000-00000000000a',
};
const other = {
  spaceId: '0190a1b2-0000-7000-8000-000000000002',
  roundId: '0190a1b2-0000-7000-8000-0000000000d2',
  authorId: '0190a1b2-0000-7000-8000-00000000000b',
};

describe('round header', () => {
  const spaceKey = generateSpaceKey();
  const hctx = { spaceId: ctx.spaceId, roundId: ctx.roundId, epoch: ctx.epoch, creatorId: ctx.authorId };
  const header = utf8(JSON.stringify({ v: 1, exerciseId: 'sentence-completion', exerciseVersion: 1 }));

  it('round-trips, padded to a 256-byte bucket', () => {
    const ct = encryptRoundHeader({ spaceKey, ...hctx, header });
    expect(ct.length).toBe(256 + 41);
    expect(hex(decryptRoundHeader({ spaceKey, ...hctx, ciphertext: ct }))).toBe(hex(header));
  });

  it('fails in another space, round, epoch, creator or key, and on any modified byte', () => {
    const ciphertext = encryptRoundHeader({ spaceKey, ...hctx, header });
    expectCryptoError(() => decryptRoundHeader({ spaceKey, ...hctx, spaceId: other.spaceId, ciphertext }), 'decrypt-failed');
    expectCryptoError(() => decryptRoundHeader({ spaceKey, ...hctx, roundId: other.roundId, ciphertext }), 'decrypt-failed');
    expectCryptoError(() => decryptRoundHeader({ spaceKey, ...hctx, epoch: 3, ciphertext }), 'decrypt-failed');
    expectCryptoError(() => decryptRoundHeader({ spaceKey, ...hctx, creatorId: other.authorId, ciphertext }), 'decrypt-failed');
    expectCryptoError(() => decryptRoundHeader({ spaceKey: randomBytes(32), ...hctx, ciphertext }), 'decrypt-failed');
    forEveryFlip(ciphertext, (t, i) => {
      expectCryptoError(() => decryptRoundHeader({ spaceKey, ...hctx, ciphertext: t }), i === 0 ? 'unsupported-version' : 'decrypt-failed');
    });
  });

  it('is not a submission (domain separation)', () => {
    const ciphertext = encryptRoundHeader({ spaceKey, ...hctx, header });
    const signingKey = randomBytes(32);
    const signature = signSubmission({ signingKey, ...ctx, ciphertext });
    expectCryptoError(
      () => verifyAndDecryptSubmission({ spaceKey, verifyKey: signingPublicKey(signingKey), ...ctx, ciphertext, signature }),
      'decrypt-failed',
    );
  });
});

describe('round submissions', () => {
  const spaceKey = generateSpaceKey();
  const signingKey = randomBytes(32);
  const verifyKey = signingPublicKey(signingKey);
  const body = utf8(JSON.stringify({ v: 1, exerciseId: 'sentence-completion', answers: { a: { kind: 'text', text: 'hello' } } }));
  const seal = (b = body, c = ctx) => {
    const ciphertext = encryptSubmission({ spaceKey, ...c, body: b });
    return { ciphertext, signature: signSubmission({ signingKey, ...c, ciphertext }) };
  };

  it('round-trips: a 64-byte signature, padded ciphertext', () => {
    const { ciphertext, signature } = seal();
    expect(signature.length).toBe(64);
    expect((ciphertext.length - 41) % 256).toBe(0);
    expect(verifySubmission({ verifyKey, ...ctx, ciphertext, signature })).toBe(true);
    expect(hex(verifyAndDecryptSubmission({ spaceKey, verifyKey, ...ctx, ciphertext, signature }))).toBe(hex(body));
  });

  it('round-trips any body (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1200 }), fc.nat({ max: 1000 }), (b, epoch) => {
        const c = { ...ctx, epoch };
        const { ciphertext, signature } = seal(b, c);
        expect(hex(verifyAndDecryptSubmission({ spaceKey, verifyKey, ...c, ciphertext, signature }))).toBe(hex(b));
      }),
      { numRuns: 100 },
    );
  });

  it('rejects every modified byte of the ciphertext and of the signature, before decrypting', () => {
    const { ciphertext, signature } = seal();
    const n = forEveryFlip(ciphertext, (t) => {
      expectCryptoError(() => verifyAndDecryptSubmission({ spaceKey, verifyKey, ...ctx, ciphertext: t, signature }), 'bad-signature');
    });
    expect(n).toBe(ciphertext.length * 2);
    forEveryFlip(signature, (t) => {
      expectCryptoError(() => verifyAndDecryptSubmission({ spaceKey, verifyKey, ...ctx, ciphertext, signature: t }), 'bad-signature');
    });
    expectCryptoError(() => verifyAndDecryptSubmission({ spaceKey, verifyKey, ...ctx, ciphertext, signature: signature.subarray(1) }), 'bad-signature');
  });

  it('fails for another round, space, author or epoch, or another signer', () => {
    const { ciphertext, signature } = seal();
    const open = (patch: Partial<typeof ctx>, vk = verifyKey) => () =>
      verifyAndDecryptSubmission({ spaceKey, verifyKey: vk, ...ctx, ...patch, ciphertext, signature });
    expectCryptoError(open({ roundId: other.roundId }), 'bad-signature');
    expectCryptoError(open({ spaceId: other.spaceId }), 'bad-signature');
    expectCryptoError(open({ authorId: other.authorId }), 'bad-signature');
    expectCryptoError(open({ epoch: 3 }), 'bad-signature');
    expectCryptoError(open({}, signingPublicKey(randomBytes(32))), 'bad-signature');
  });

  it('a submission moved to another round fails, even re-signed there by its author', () => {
    const { ciphertext } = seal();
    const moved = { ...ctx, roundId: other.roundId };
    const resigned = signSubmission({ signingKey, ...moved, ciphertext });
    expectCryptoError(() => verifyAndDecryptSubmission({ spaceKey, verifyKey, ...moved, ciphertext, signature: resigned }), 'decrypt-failed');
  });

  it('fails with the wrong space key after a valid signature', () => {
    const { ciphertext, signature } = seal();
    expectCryptoError(() => verifyAndDecryptSubmission({ spaceKey: randomBytes(32), verifyKey, ...ctx, ciphertext, signature }), 'decrypt-failed');
  });
});

describe('drafts', () => {
  const userKey = randomBytes(32);
  const body = utf8('{"a":{"kind":"pass"}}');
  it('round-trip under the user key, bound to the user and the draft key', () => {
    const ciphertext = encryptDraft({ userKey, userId: ctx.authorId, key: 'round:x', body });
    expect(hex(decryptDraft({ userKey, userId: ctx.authorId, key: 'round:x', ciphertext }))).toBe(hex(body));
    expectCryptoError(() => decryptDraft({ userKey, userId: other.authorId, key: 'round:x', ciphertext }), 'decrypt-failed');
    expectCryptoError(() => decryptDraft({ userKey, userId: ctx.authorId, key: 'round:y', ciphertext }), 'decrypt-failed');
    expectCryptoError(() => decryptDraft({ userKey: randomBytes(32), userId: ctx.authorId, key: 'round:x', ciphertext }), 'decrypt-failed');
  });
});
