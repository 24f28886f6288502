import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Exercise } from '../../../../shared/content.ts';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { answerText } from '../answer-view.tsx';
import { exerciseOf, participantName, roundPath } from '../names.ts';
import { ReadAloud, hasRewrite } from '../read-aloud.tsx';
import { useRevealed } from '../use-revealed.ts';
import { spaceTitle } from '../../../spaces/names.ts';
import { useSpace } from '../../../spaces/use-space.ts';
import { roundActions } from '../actions.ts';
import { readingOrder } from '../reading-order.ts';
import { invitationsAnswered, readingHere, readPositions } from '../store.ts';
import { markOpenedSeen } from '../on-device.ts';
import { READING_NOW_MS } from '../moments.ts';
import { CloseTogether } from '../close-together.tsx';
import type { RevealedRound, RoundView } from '../types.ts';
import { t } from '../messages.ts';
import { Loading } from '../../../ui/loading.tsx';
import { RoundNotFound, useRound } from './round.tsx';
import '../rounds.css';

type Mode = 'one' | 'each';

/**
 * Reading the answers aloud, one step at a time: whoever's turn it is reads the line and their
 * answer, with "my partner" turned into "you". On one device the steps are local (pass the
 * phone); on several, Next moves everyone's screen, and a partner whose app is open is invited to
 * join (reading-invite.tsx). Then the discussion prompts, then a gentle close (close-together.tsx).
 */
export default function ReadTogether({ id, roundId }: { id: string; roundId: string }) {
  const { query, route } = useLocation();
  const space = useSpace(id);
  const round = useRound(id, roundId);
  const { state } = useRevealed(round && round !== 'loading' ? round : null);
  const mode: Mode | null = query.on === 'one' || query.on === 'each' ? query.on : null;
  // Reading here: no invitation to where I already am, and Today stops offering these answers.
  useEffect(() => {
    if (!mode) return;
    readingHere.value = roundId;
    invitationsAnswered.value = new Set([...invitationsAnswered.value, roundId]);
    void markOpenedSeen(roundId);
    return () => {
      if (readingHere.value === roundId) readingHere.value = null;
    };
  }, [mode, roundId]);

  if (space === 'loading' || round === 'loading') return <Loading />;
  if (!space || space.kind !== 'shared' || !round) return <RoundNotFound spaceId={id} spaceName={space ? spaceTitle(space) : t('space.unnamed')} />;
  const exercise = exerciseOf(round);
  const back = roundPath(id, roundId);

  if (round.status !== 'revealed' || !exercise) {
    return (
      <div class="screen">
        <ScreenTitle>{t('read.title')}</ScreenTitle>
        <p>{exercise ? t('read.unavailable') : t('exercise.unknown')}</p>
        <div class="actions">
          <a class="button secondary" href={back}>
            {t('read.done')}
          </a>
        </div>
      </div>
    );
  }

  return (
    <div class="screen read-together">
      <ScreenTitle docTitle={`${t('read.title')} · ${exercise.title}`}>{t('read.title')}</ScreenTitle>
      <p class="muted">{exercise.title}</p>
      {mode === null ? (
        <section class="stack" aria-labelledby="how-title">
          <h2 id="how-title">{t('read.howTitle')}</h2>
          <p>{t('read.howIntro')}</p>
          <div class="stack mode-choices">
            <div class="card stack">
              <button type="button" class="button primary" onClick={() => route(`${location.pathname}?on=one`)}>
                {t('read.oneDevice')}
              </button>
              <p class="muted small">{t('read.oneDeviceHint')}</p>
            </div>
            <div class="card stack">
              <button type="button" class="button primary" onClick={() => route(`${location.pathname}?on=each`)}>
                {t('read.eachDevice')}
              </button>
              <p class="muted small">{t('read.eachDeviceHint')}</p>
            </div>
          </div>
        </section>
      ) : state.kind === 'ready' ? (
        <Steps round={round} exercise={exercise} data={state.data} mode={mode} />
      ) : state.kind === 'failed' ? (
        <div class="notice notice-error" role="alert">
          <p>{t('round.openFailed')}</p>
        </div>
      ) : (
        <p class="muted" role="status">
          {t('round.opening')}
        </p>
      )}
      <p class="aside-link">
        <a href={back}>{t('read.done')}</a>
      </p>
    </div>
  );
}

function Steps({ round, exercise, data, mode }: { round: RoundView; exercise: Exercise; data: RevealedRound; mode: Mode }) {
  const order = readingOrder(
    exercise.items.map((i) => i.id),
    round.participants.map((p) => p.userId),
  );
  const last = order.length; // the step after the last answer: talking about it
  const closing = last + 1; // then closing the moment
  const remote = readPositions.value.get(round.id);
  const [localStep, setLocalStep] = useState(0);
  // Synchronised: my own tap shows at once; the shared position takes over as soon as it changes.
  const [pending, setPending] = useState<number | null>(null);
  useEffect(() => setPending(null), [remote?.step]);
  const raw = mode === 'one' ? localStep : (pending ?? remote?.step ?? 0);
  const step = Math.max(0, Math.min(raw, closing));

  // Starting to read on our own devices: say so to the others (their app invites them to join),
  // unless a reading is already under way, which this screen then simply joins.
  useEffect(() => {
    if (mode !== 'each') return;
    const now = readPositions.value.get(round.id);
    if (!now || Date.now() - now.at > READING_NOW_MS) void roundActions.setReadPosition(round.spaceId, round.id, 0).catch(() => undefined);
  }, [mode, round.id]);

  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
    // Moved by someone else's device: say who reads now.
    if (mode === 'each' && pending === null && remote && !round.participants.find((p) => p.userId === remote.updatedBy)?.isMe) {
      const turn = order[step];
      const reader = turn && round.participants.find((p) => p.userId === turn.userId);
      if (reader) announce(reader.isMe ? t('read.youRead') : t('read.moved', { name: participantName(reader) }));
    }
  }, [step]);

  function go(to: number) {
    const next = Math.max(0, Math.min(to, closing));
    if (mode === 'one') setLocalStep(next);
    else {
      setPending(next);
      void roundActions.setReadPosition(round.spaceId, round.id, next).catch(() => setPending(null));
    }
  }

  const nav = (
    <div class="actions read-nav">
      <button type="button" class="button secondary" disabled={step === 0} onClick={() => go(step - 1)}>
        {t('read.previous')}
      </button>
      {step < closing && (
        <button type="button" class="button primary" onClick={() => go(step + 1)}>
          {step === last ? t('read.toClose') : step === last - 1 ? t('read.toTalk') : t('read.next')}
        </button>
      )}
    </div>
  );

  if (step >= closing) {
    return (
      <>
        <CloseTogether round={round} exercise={exercise} headingRef={heading} />
        {nav}
      </>
    );
  }

  if (step === last) {
    return (
      <>
        <section class="card stack read-step" aria-labelledby="talk-title">
          <h2 id="talk-title" ref={heading} tabIndex={-1}>
            {t('read.talkTitle')}
          </h2>
          <p>{t('read.talkIntro')}</p>
          <ul class="explain-list">
            {exercise.after.discussionPrompts.map((prompt, i) => (
              <li key={i}>{prompt}</li>
            ))}
          </ul>
          {exercise.after.note && <p class="muted">{exercise.after.note}</p>}
        </section>
        {nav}
      </>
    );
  }

  const turn = order[step]!;
  const itemIndex = exercise.items.findIndex((i) => i.id === turn.itemId);
  const item = exercise.items[itemIndex]!;
  const reader = round.participants.find((p) => p.userId === turn.userId);
  const theirs = data.answers.find((a) => a.userId === turn.userId);
  const isMe = reader?.isMe ?? false;
  const name = reader ? participantName(reader) : t('space.memberNoName');
  const answer = theirs?.answers[item.id];
  const text = theirs?.verified ? answerText(item, answer) : null;

  return (
    <>
      <section class="card stack read-step" aria-labelledby="step-title">
        <p class="muted small">
          {t('read.line', { n: itemIndex + 1, total: exercise.items.length })} · {t('read.stepOf', { n: step + 1, total: last })}
          {mode === 'each' && ` · ${t('read.syncedNote')}`}
        </p>
        <h2 id="step-title" ref={heading} tabIndex={-1}>
          {isMe ? t('read.youRead') : t('read.reads', { name })}
        </h2>
        <blockquote class="read-aloud">
          <p class="read-stem">
            <ReadAloud text={item.prompt} />
          </p>
          {!theirs?.verified ? (
            <p class="notice notice-security small">{t('round.unverified')}</p>
          ) : text === null ? (
            <p class="answer-passed">{isMe ? t('read.youPassed') : t('read.passed', { name })}</p>
          ) : (
            <p class="read-answer">{item.kind === 'text' ? <ReadAloud text={text} /> : text}</p>
          )}
        </blockquote>
        {(hasRewrite(item.prompt) || (item.kind === 'text' && text !== null && hasRewrite(text))) && <p class="muted small">{t('read.rewritten')}</p>}
      </section>
      {nav}
    </>
  );
}
