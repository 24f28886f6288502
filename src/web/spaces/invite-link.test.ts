import { describe, expect, it } from 'vitest';
import { splitInviteFragment, withInviterName } from './invite-link.ts';

const INVITE = '01890000-0000-7000-8000-000000000001.c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0';

describe('invite links with the inviter’s name', () => {
  it('round-trips a name, including spaces and non-Latin letters', () => {
    for (const name of ['Alex', 'Sam Kit', 'Zoë ', 'Ана', 'Mo ~ Jo']) {
      const url = withInviterName(`https://x.example/join#${INVITE}`, name);
      const fragment = new URL(url).hash.slice(1);
      expect(splitInviteFragment(fragment)).toEqual({ invite: INVITE, inviterName: name.trim() });
      // The app decodes the whole fragment when it captures it; the split must still work.
      expect(splitInviteFragment(decodeURIComponent(fragment))).toEqual({ invite: INVITE, inviterName: name.trim() });
    }
  });

  it('adds nothing without a name, and reads links made without one', () => {
    expect(withInviterName('https://x.example/join#abc', '  ')).toBe('https://x.example/join#abc');
    expect(splitInviteFragment(INVITE)).toEqual({ invite: INVITE, inviterName: null });
  });

  it('cleans what a sender could put in the name: control characters, length', () => {
    expect(splitInviteFragment(`${INVITE}~A%0Alex%E2%80%AE`).inviterName).toBe('A lex');
    expect(splitInviteFragment(`${INVITE}~${'x'.repeat(500)}`).inviterName).toHaveLength(60);
    expect(splitInviteFragment(`${INVITE}~%E0%A4%A`).inviterName).toBe('%E0%A4%A');
    expect(splitInviteFragment(`${INVITE}~%0A`).inviterName).toBeNull();
  });
});
