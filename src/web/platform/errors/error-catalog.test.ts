import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../../shared/errors.ts';
import { ActionError, CLIENT_ERROR_CODES } from './action-error.ts';
import { platformMessages as messages } from '../messages.ts';
import { ALL_ERROR_CODES, ERROR_KINDS, describeError } from './error-catalog.ts';

describe('error catalog', () => {
  it('has a kind and a message for every API and client code', () => {
    for (const code of [...Object.keys(ERROR_STATUS), ...CLIENT_ERROR_CODES]) {
      expect(ERROR_KINDS, code).toHaveProperty([code]);
      expect(messages, code).toHaveProperty([`errors.${code}`]);
    }
    expect(ALL_ERROR_CODES.length).toBe(Object.keys(ERROR_STATUS).length + CLIENT_ERROR_CODES.length);
  });

  it('has no message for a code that does not exist', () => {
    const known = new Set<string>([...ALL_ERROR_CODES, 'unknown']);
    const stray = Object.keys(messages)
      .filter((k) => k.startsWith('errors.'))
      .map((k) => k.slice('errors.'.length))
      .filter((code) => !known.has(code));
    expect(stray).toEqual([]);
  });

  it('describes an ActionError by its code, never by its message', () => {
    const d = describeError(new ActionError('invite-expired', 'HTTP 410 from /api/invites/x'));
    expect(d).toEqual({
      code: 'invite-expired',
      kind: 'invite',
      message: messages['errors.invite-expired'],
      retryable: false,
    });
  });

  it('treats a failed fetch as a network error and anything else as unknown', () => {
    expect(describeError(new TypeError('Failed to fetch')).code).toBe('network');
    expect(describeError(new TypeError('Failed to fetch')).retryable).toBe(true);
    const d = describeError(new Error('boom'));
    expect(d.code).toBe('unknown');
    expect(d.message).toBe(messages['errors.unknown']);
    expect(describeError(new ActionError('a-code-from-the-future')).message).toBe(messages['errors.unknown']);
  });
});
