import { describe, expect, it } from 'vitest';
import type { NoticeDoc, ReplyDoc } from './kinds.ts';
import { NOTICE_FRESH_MS, REST_MS, restLeft, targetsOf, thoughtsView, type MemberInput, type SpaceInput } from './views.ts';

const NOW = Date.UTC(2026, 10, 20, 19);
const HOUR = 3_600_000;
const me: MemberInput = { userId: 'me', name: 'Me', isMe: true, active: true };
const sam: MemberInput = { userId: 'sam', name: 'Sam', isMe: false, active: true };
const kit: MemberInput = { userId: 'kit', name: 'Kit', isMe: false, active: true };

let ids = 0;
const notice = (from: string, to: string, at: number): NoticeDoc => ({ id: `n${String(++ids).padStart(3, '0')}`, from, to, at });
const reply = (from: string, n: NoticeDoc, r: ReplyDoc['reply'], at: number): ReplyDoc => ({ id: `r${String(++ids).padStart(3, '0')}`, from, to: n.from, notice: n.id, reply: r, at });

function space(id: string, members: MemberInput[], notices: NoticeDoc[], replies: ReplyDoc[] = []): SpaceInput {
  return { spaceId: id, spaceName: `Space ${id}`, members, notices, replies };
}

describe('which notices show', () => {
  it('shows the latest notice to me per person, never a count or the older ones', () => {
    const older = notice('sam', 'me', NOW - 3 * HOUR);
    const latest = notice('sam', 'me', NOW - HOUR);
    const view = thoughtsView([space('s1', [me, sam], [older, latest])], 'me', new Set(), NOW);
    expect(view.incoming).toEqual([{ spaceId: 's1', spaceName: 'Space s1', from: 'sam', name: 'Sam', noticeId: latest.id, toAll: false, at: latest.at }]);
  });

  it('once the latest is answered or closed, nothing older comes back in its place', () => {
    const older = notice('sam', 'me', NOW - 3 * HOUR);
    const latest = notice('sam', 'me', NOW - HOUR);
    const answered = space('s1', [me, sam], [older, latest], [reply('me', latest, 'sending-a-hug', NOW)]);
    expect(thoughtsView([answered], 'me', new Set(), NOW).incoming).toEqual([]);
    const closed = space('s1', [me, sam], [older, latest]);
    expect(thoughtsView([closed], 'me', new Set([latest.id]), NOW).incoming).toEqual([]);
    // An answer to the older one does not settle the newer one.
    const oldAnswer = space('s1', [me, sam], [older, latest], [reply('me', older, 'made-me-smile', NOW)]);
    expect(thoughtsView([oldAnswer], 'me', new Set(), NOW).incoming.map((i) => i.noticeId)).toEqual([latest.id]);
  });

  it('a notice older than two days is not shown', () => {
    const old = notice('sam', 'me', NOW - NOTICE_FRESH_MS);
    expect(thoughtsView([space('s1', [me, sam], [old])], 'me', new Set(), NOW).incoming).toEqual([]);
    const justFresh = notice('sam', 'me', NOW - NOTICE_FRESH_MS + 1);
    expect(thoughtsView([space('s1', [me, sam], [justFresh])], 'me', new Set(), NOW).incoming).toHaveLength(1);
  });

  it('with three or more: a notice to someone else is not mine; one to everyone is, marked so', () => {
    const toKit = notice('sam', 'kit', NOW - 2 * HOUR);
    const toAll = notice('kit', 'all', NOW - HOUR);
    const view = thoughtsView([space('s1', [me, sam, kit], [toKit, toAll])], 'me', new Set(), NOW);
    expect(view.incoming.map((i) => [i.from, i.toAll])).toEqual([['kit', true]]);
    // Kit sees Sam's notice.
    expect(thoughtsView([space('s1', [me, sam, kit], [toKit])], 'kit', new Set(), NOW).incoming.map((i) => i.from)).toEqual(['sam']);
  });

  it('the same person in two spaces: only their latest notice, newest people first', () => {
    const inOne = notice('sam', 'me', NOW - 2 * HOUR);
    const inTwo = notice('sam', 'me', NOW - HOUR);
    const fromKit = notice('kit', 'me', NOW - 30 * 60_000);
    const view = thoughtsView([space('s1', [me, sam], [inOne]), space('s2', [me, sam, kit], [inTwo, fromKit])], 'me', new Set(), NOW);
    expect(view.incoming.map((i) => [i.from, i.spaceId])).toEqual([['kit', 's2'], ['sam', 's2']]);
  });

  it('nothing from someone who left or is still waiting to be admitted', () => {
    const gone = { ...sam, active: false };
    expect(thoughtsView([space('s1', [me, gone], [notice('sam', 'me', NOW)])], 'me', new Set(), NOW).incoming).toEqual([]);
  });
});

describe('replies to what I sent', () => {
  it('shows a reply to my latest notice, with its words, until closed or old', () => {
    const mine = notice('me', 'sam', NOW - HOUR);
    const r = reply('sam', mine, 'thinking-of-you-too', NOW - 30 * 60_000);
    const s = space('s1', [me, sam], [mine], [r]);
    expect(thoughtsView([s], 'me', new Set(), NOW).replies).toEqual([
      { spaceId: 's1', spaceName: 'Space s1', from: 'sam', name: 'Sam', replyId: r.id, reply: 'thinking-of-you-too', at: r.at },
    ]);
    expect(thoughtsView([s], 'me', new Set([r.id]), NOW).replies).toEqual([]);
    expect(thoughtsView([s], 'me', new Set(), r.at + NOTICE_FRESH_MS).replies).toEqual([]);
  });

  it('a reply to an earlier notice stops showing once I send a new one', () => {
    const first = notice('me', 'sam', NOW - 2 * HOUR);
    const r = reply('sam', first, 'made-me-smile', NOW - HOUR);
    const second = notice('me', 'sam', NOW - 60_000);
    expect(thoughtsView([space('s1', [me, sam], [first, second], [r])], 'me', new Set(), NOW).replies).toEqual([]);
  });

  it('to everyone: each person’s reply shows; to one person: only theirs counts', () => {
    const all = notice('me', 'all', NOW - HOUR);
    const toSam = notice('me', 'sam', NOW - 2 * HOUR);
    const fromSam = reply('sam', all, 'sending-a-hug', NOW - 10 * 60_000);
    const fromKit = reply('kit', all, 'cant-talk-now', NOW - 20 * 60_000);
    const kitOnSams = reply('kit', toSam, 'made-me-smile', NOW - 5 * 60_000);
    const view = thoughtsView([space('s1', [me, sam, kit], [all, toSam], [fromSam, fromKit, kitOnSams])], 'me', new Set(), NOW);
    expect(view.replies.map((r) => [r.from, r.reply])).toEqual([['sam', 'sending-a-hug'], ['kit', 'cant-talk-now']]);
  });

  it('a reply meant for someone else is not mine', () => {
    const samsNotice = notice('sam', 'kit', NOW - HOUR);
    const r = reply('kit', samsNotice, 'sending-a-hug', NOW);
    expect(thoughtsView([space('s1', [me, sam, kit], [samsNotice], [r])], 'me', new Set(), NOW).replies).toEqual([]);
  });
});

describe('sending', () => {
  it('the one other member, or each member and everyone with three or more', () => {
    expect(targetsOf([me])).toEqual([]);
    expect(targetsOf([me, sam])).toEqual([{ to: 'sam', name: 'Sam' }]);
    expect(targetsOf([me, sam, kit, { ...kit, userId: 'pat', active: false }])).toEqual([
      { to: 'sam', name: 'Sam' },
      { to: 'kit', name: 'Kit' },
      { to: 'all', name: null },
    ]);
  });

  it('my latest notice per space, and the resting minute after it', () => {
    const a = notice('me', 'sam', NOW - 5 * 60_000);
    const b = notice('me', 'all', NOW - 10_000);
    const view = thoughtsView([space('s1', [me, sam, kit], [a, b])], 'me', new Set(), NOW);
    expect(view.lastSent).toEqual({ s1: { to: 'all', at: b.at } });
    expect(restLeft(view.lastSent.s1, NOW)).toBe(REST_MS - 10_000);
    expect(restLeft(view.lastSent.s1, b.at + REST_MS)).toBe(0);
    expect(restLeft(undefined, NOW)).toBe(0);
    // A clock that jumped back does not make the space rest for longer than a minute.
    expect(restLeft({ to: 'sam', at: NOW + 10 * REST_MS }, NOW)).toBe(0);
  });
});
