import { beforeAll, describe, expect, it } from 'vitest';
import { registerKinds } from '../../sync/kinds.ts';
import { apply, decoded, PERSONAL, SHARED, spaceOf } from '../../sync/testing.ts';
import { thinkingDocs, thinkingKinds } from './kinds.ts';

beforeAll(() => registerKinds(...thinkingKinds));

const SAM = '01890000-0000-7000-8000-0000000000a1';
const KIT = '01890000-0000-7000-8000-0000000000a2';
const NOTICE = '01890000-0000-7000-8000-0000000000f1';
const at = Date.UTC(2026, 10, 20, 19);

describe('thinking-of-you records', () => {
  it('round-trip a notice to one member or to everyone, a reply and a close', () => {
    expect(decoded({ k: 'thinking-of-you', v: 1, to: SAM, at })).toEqual({ k: 'thinking-of-you', to: SAM, at });
    expect(decoded({ k: 'thinking-of-you', v: 1, to: 'all', at })).toEqual({ k: 'thinking-of-you', to: 'all', at });
    const reply = { k: 'thinking-of-you-reply', v: 1, notice: NOTICE, to: SAM, reply: 'made-me-smile', at };
    expect(decoded(reply)).toEqual({ k: 'thinking-of-you-reply', notice: NOTICE, to: SAM, reply: 'made-me-smile', at });
    const seen = { k: 'thinking-of-you-seen', v: 1, n: 1, spaceId: SHARED.id, userId: SAM, what: 'notice', record: NOTICE };
    expect(decoded(seen)).toEqual({ k: 'thinking-of-you-seen', n: 1, spaceId: SHARED.id, userId: SAM, what: 'notice', record: NOTICE });
  });

  it('refuse anything that carries words, an unknown reply, a bad target or time', () => {
    for (const raw of [
      { k: 'thinking-of-you', v: 1, to: SAM, at, note: 'hello' },
      { k: 'thinking-of-you', v: 1, to: 'everyone', at },
      { k: 'thinking-of-you', v: 1, to: SAM, at: -1 },
      { k: 'thinking-of-you', v: 1, to: SAM, at: 1.5 },
      { k: 'thinking-of-you', v: 1, to: SAM },
      { k: 'thinking-of-you', v: 1, n: 1, to: SAM, at },
      { k: 'thinking-of-you-reply', v: 1, notice: NOTICE, to: SAM, reply: 'see you at 6', at },
      { k: 'thinking-of-you-reply', v: 1, notice: 'x', to: SAM, reply: 'sending-a-hug', at },
      { k: 'thinking-of-you-reply', v: 1, notice: NOTICE, to: 'all', reply: 'sending-a-hug', at },
      { k: 'thinking-of-you-seen', v: 1, spaceId: SHARED.id, userId: SAM, what: 'notice', record: NOTICE },
      { k: 'thinking-of-you-seen', v: 1, n: 1, spaceId: SHARED.id, userId: SAM, what: 'all', record: NOTICE },
    ]) {
      expect(decoded(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it('keep notices and replies by record id with their author, only in shared spaces; never a notice to oneself', () => {
    const state = spaceOf(SHARED);
    apply(state, { k: 'thinking-of-you', v: 1, to: KIT, at }, { authorId: SAM, id: NOTICE, createdAt: at + 500 });
    apply(state, { k: 'thinking-of-you', v: 1, to: KIT, at }, { authorId: SAM, id: NOTICE, createdAt: at + 500 });
    apply(state, { k: 'thinking-of-you', v: 1, to: SAM, at }, { authorId: SAM });
    apply(state, { k: 'thinking-of-you-reply', v: 1, notice: NOTICE, to: SAM, reply: 'sending-a-hug', at: at + 9 }, { authorId: KIT, createdAt: at + 10 });
    const docs = thinkingDocs(state);
    expect([...docs.notices.values()]).toEqual([{ id: NOTICE, from: SAM, to: KIT, at }]);
    expect([...docs.replies.values()]).toMatchObject([{ from: KIT, to: SAM, notice: NOTICE, reply: 'sending-a-hug', at: at + 9 }]);

    const personal = spaceOf(PERSONAL);
    apply(personal, { k: 'thinking-of-you', v: 1, to: KIT, at }, { authorId: SAM });
    expect(thinkingDocs(personal).notices.size).toBe(0);
  });

  it('a clock far ahead cannot keep a notice fresh: no later than the server stored it', () => {
    const state = spaceOf(SHARED);
    apply(state, { k: 'thinking-of-you', v: 1, to: KIT, at: at + 86_400_000 }, { authorId: SAM, id: NOTICE, createdAt: at });
    expect(thinkingDocs(state).notices.get(NOTICE)?.at).toBe(at);
  });

  it('take closes only in the personal space, the latest per person and what', () => {
    const shared = spaceOf(SHARED);
    apply(shared, { k: 'thinking-of-you-seen', v: 1, n: 1, spaceId: SHARED.id, userId: SAM, what: 'notice', record: NOTICE }, { authorId: KIT });
    expect(thinkingDocs(shared).seen.size).toBe(0);
    const mine = spaceOf(PERSONAL);
    const later = '01890000-0000-7000-8000-0000000000f2';
    apply(mine, { k: 'thinking-of-you-seen', v: 1, n: 2, spaceId: SHARED.id, userId: SAM, what: 'notice', record: later }, { authorId: KIT });
    apply(mine, { k: 'thinking-of-you-seen', v: 1, n: 1, spaceId: SHARED.id, userId: SAM, what: 'notice', record: NOTICE }, { authorId: KIT });
    apply(mine, { k: 'thinking-of-you-seen', v: 1, n: 3, spaceId: SHARED.id, userId: SAM, what: 'reply', record: NOTICE }, { authorId: KIT });
    expect(thinkingDocs(mine).seen).toEqual(new Map([[`${SHARED.id} ${SAM} notice`, later], [`${SHARED.id} ${SAM} reply`, NOTICE]]));
  });
});
