import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { guideTopic, LISTENING_GUIDE } from '../../../../../content/listening.ts';
import { useSpace } from '../../../spaces/use-space.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { useAction } from '../../../ui/use-action.ts';
import { keyring } from '../../../vault/keyring.ts';
import { listeningActions } from '../actions.ts';
import { LISTENING_LIMITS } from '../kinds.ts';
import { backDue, LATER_MAX_MS, PAUSE_MIN_MS, type TurnEvent } from '../machine.ts';
import { t } from '../messages.ts';
import { listeningReady, listeningState } from '../store.ts';
import type { TurnView } from '../views.ts';
import '../listening.css';

const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Ways back after a pause: from the 20 minutes a body needs to calm down, to most of a day. */
const BACK_MINUTES = [20, 30, 45, 60, 120, 180, 360, 720] as const;
const backLabel = (m: number) => (m < 60 ? t('turn.minutes', { count: m }) : m === 60 ? t('turn.oneHour') : t('turn.hours', { count: m / 60 }));

function useAct(view: TurnView) {
  const { busy, error, run } = useAction();
  const act = (event: TurnEvent, said: string, text?: string) => void run(() => listeningActions.act(view.spaceId, view.turn.id, event, text), said);
  return { busy, error, act };
}

function Btn({ label, onTap, busy, variant = 'primary' }: { label: string; onTap: () => void; busy: boolean; variant?: 'primary' | 'secondary' | 'quiet' }) {
  return (
    <button type="button" class={`button ${variant}`} aria-disabled={busy ? 'true' : undefined} onClick={onTap}>
      {label}
    </button>
  );
}

function Prompts({ items, title }: { items: readonly string[]; title: string }) {
  return (
    <details class="card">
      <summary>{title}</summary>
      <ul>
        {items.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </details>
  );
}

/** A typed piece (the typed mode only) sent with the tap that ends the step. */
function Piece({ label, done, onDone, busy, typed }: { label: string; done: string; onDone: (text?: string) => void; busy: boolean; typed: boolean }) {
  const [text, setText] = useState('');
  const id = useId();
  if (!typed) return <Btn label={done} busy={busy} onTap={() => onDone()} />;
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onDone(text.trim());
        setText('');
      }}
    >
      <div class="listening-field">
        <label for={id}>{label}</label>
        <textarea id={id} rows={3} required maxLength={LISTENING_LIMITS.lineChars} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <button type="submit" class="button primary" aria-disabled={busy ? 'true' : undefined}>
        {done}
      </button>
    </form>
  );
}

/** Asked, or a time picked: answer now, later today (with a reminder for both), or not now. */
function Asked({ view, myId }: { view: TurnView; myId: string }) {
  const { busy, error, act } = useAct(view);
  const [picking, setPicking] = useState(false);
  const [time, setTime] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const timeId = useId();
  const turn = view.turn;
  const mine = turn.by === myId;
  if (turn.phase === 'later') {
    return (
      <div class="stack">
        <p>{t('turn.laterSet', { time: clock(turn.later!) })}</p>
        <div class="listening-buttons">
          <Btn label={t('turn.startNow')} busy={busy} onTap={() => act({ type: 'start' }, t('turn.floor', { name: view.speakerName }))} />
          {mine ? (
            <Btn variant="secondary" label={t('turn.takeBack')} busy={busy} onTap={() => act({ type: 'stop' }, t('turn.gone'))} />
          ) : (
            <Btn variant="secondary" label={t('turn.notToday')} busy={busy} onTap={() => act({ type: 'not-now' }, t('turn.gone'))} />
          )}
        </div>
        <FormError error={error} />
      </div>
    );
  }
  if (mine) {
    return (
      <div class="stack">
        <p>{t('turn.askedByMe', { name: view.otherName })}</p>
        <Btn variant="secondary" label={t('turn.takeBack')} busy={busy} onTap={() => act({ type: 'stop' }, t('turn.gone'))} />
        <FormError error={error} />
      </div>
    );
  }
  function pick(e: Event) {
    e.preventDefault();
    const m = /^(\d{2}):(\d{2})$/.exec(time);
    if (!m) return setProblem(t('turn.laterHint'));
    const now = Date.now();
    const at = new Date(now);
    at.setHours(Number(m[1]), Number(m[2]), 0, 0);
    if (at.getTime() <= now) at.setDate(at.getDate() + 1);
    if (at.getTime() - now > LATER_MAX_MS) return setProblem(t('turn.laterHint'));
    setProblem(null);
    act({ type: 'later', at: at.getTime() }, t('turn.laterSet', { time: clock(at.getTime()) }));
  }
  return (
    <div class="stack">
      <p>{t('turn.askedMe', { name: view.otherName })}</p>
      <div class="listening-buttons">
        <Btn label={t('turn.now')} busy={busy} onTap={() => act({ type: 'accept' }, t('turn.floor', { name: view.speakerName }))} />
        <Btn variant="secondary" label={t('turn.later')} busy={busy} onTap={() => setPicking(true)} />
        <Btn variant="secondary" label={t('turn.notNow')} busy={busy} onTap={() => act({ type: 'not-now' }, t('turn.notNowHint', { name: view.otherName }))} />
      </div>
      {picking && (
        <form class="stack card" onSubmit={pick}>
          <div class="listening-field">
            <label for={timeId}>{t('turn.laterAt')}</label>
            <input id={timeId} type="time" required value={time} onInput={(e) => setTime(e.currentTarget.value)} aria-describedby={`${timeId}-hint`} aria-invalid={problem ? 'true' : undefined} />
            <p id={`${timeId}-hint`} class="muted small">
              {problem ?? t('turn.laterHint')}
            </p>
          </div>
          <button type="submit" class="button primary" aria-disabled={busy ? 'true' : undefined}>
            {t('turn.pickTime')}
          </button>
        </form>
      )}
      <FormError error={error} />
    </div>
  );
}

/** The floor, the step, and what each person does now; on one phone, who holds it. */
function Talking({ view }: { view: TurnView }) {
  const { busy, error, act } = useAct(view);
  const turn = view.turn;
  const topic = guideTopic(turn.topic);
  const one = turn.device === 'one';
  const typed = turn.mode === 'typed';
  const speakerPart = turn.step === 'share' || turn.step === 'check' || turn.step === 'heard';
  // On two phones each sees their own part; on one, the part of whoever holds the phone now.
  const mine = one || speakerPart === view.iSpeak;
  const actorName = speakerPart ? view.speakerName : view.listenerName;
  const floorRef = useRef<HTMLParagraphElement>(null);
  const [pausing, setPausing] = useState(false);
  const [minutes, setMinutes] = useState<number>(20);
  const selectId = useId();
  // When the floor changes hands, say so and bring focus to it (the tapped button is gone).
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) floorRef.current?.focus();
  }, [turn.speaker, turn.step]);

  let part;
  if (!mine) {
    const wait = { share: 'turn.waitShare', reflect: 'turn.waitReflect', check: 'turn.waitCheck', validate: 'turn.waitValidate', heard: 'turn.waitHeard' } as const;
    part = (
      <>
        <p>{t(wait[turn.step], { name: actorName })}</p>
        {!view.iSpeak && turn.step === 'share' && <Prompts title={t('turn.listen')} items={topic.holdBack} />}
      </>
    );
  } else if (turn.step === 'share') {
    part = (
      <>
        <p>{turn.cue === 'again' ? t('turn.shareAgain') : turn.cue === 'more' ? t('turn.shareMore') : t('turn.share')}</p>
        <Prompts title={t('turn.prompts')} items={topic.speaker} />
        <Piece typed={typed} busy={busy} label={t('turn.shareField')} done={t('turn.said')} onDone={(text) => act({ type: 'said' }, t('turn.said'), text)} />
      </>
    );
  } else if (turn.step === 'reflect') {
    part = (
      <>
        <p>{t('turn.reflect')}</p>
        <Prompts title={t('turn.listen')} items={topic.holdBack} />
        <Piece typed={typed} busy={busy} label={t('turn.reflectField')} done={t('turn.reflected')} onDone={(text) => act({ type: 'reflected' }, t('turn.reflected'), text)} />
      </>
    );
  } else if (turn.step === 'check') {
    part = (
      <>
        <p>{t('turn.check')}</p>
        <div class="listening-buttons">
          <Btn label={t('turn.checkYes')} busy={busy} onTap={() => act({ type: 'check', answer: 'yes' }, t('turn.checkYes'))} />
          <Btn variant="secondary" label={t('turn.checkNotQuite')} busy={busy} onTap={() => act({ type: 'check', answer: 'not-quite' }, t('turn.checkNotQuite'))} />
          <Btn variant="secondary" label={t('turn.checkMore')} busy={busy} onTap={() => act({ type: 'check', answer: 'more' }, t('turn.checkMore'))} />
        </div>
      </>
    );
  } else if (turn.step === 'validate') {
    part = (
      <>
        <p>{t('turn.validate', { name: view.speakerName })}</p>
        <Prompts title={t('turn.prompts')} items={topic.listener} />
        <Piece typed={typed} busy={busy} label={t('turn.validateField')} done={t('turn.validated')} onDone={(text) => act({ type: 'validated' }, t('turn.validated'), text)} />
      </>
    );
  } else {
    const swapTo = view.listenerName;
    part = (
      <>
        <p>{t('turn.heard')}</p>
        <div class="listening-buttons">
          <Btn label={t('turn.heardYes')} busy={busy} onTap={() => act({ type: 'heard', answer: 'yes' }, turn.round === 0 ? t('turn.swapped', { name: swapTo }) : t('turn.closing'))} />
          <Btn variant="secondary" label={t('turn.heardNotYet')} busy={busy} onTap={() => act({ type: 'heard', answer: 'not-yet' }, t('turn.shareMore'))} />
        </div>
      </>
    );
  }

  return (
    <div class="stack">
      <p ref={floorRef} tabIndex={-1} class="floor" role="status">
        {view.iSpeak ? t('turn.floorMe') : t('turn.floor', { name: view.speakerName })}
      </p>
      <p class="muted small">{t('turn.round', { n: turn.round + 1 })}</p>
      {one && <p class="notice">{t('turn.passTo', { name: actorName })}</p>}
      <section class="card stack" aria-label={one ? t('turn.yourPart', { name: actorName }) : undefined}>
        {part}
      </section>
      {typed && view.lines.length > 0 && (
        <section class="stack" aria-labelledby="lines-title">
          <h2 id="lines-title">{t('turn.linesTitle')}</h2>
          <ol class="turn-lines">
            {view.lines.map((line) => (
              <li key={line.id}>
                <span class="muted small">{t(line.role === 'speaker' ? 'turn.lineSpeaker' : 'turn.lineListener', { name: line.role === 'speaker' ? view.speakerName : view.listenerName })}</span>
                <p>{line.text}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
      <FormError error={error} />
      {pausing ? (
        <section class="card stack" aria-labelledby="pause-title">
          <h2 id="pause-title">{t('turn.pauseTitle')}</h2>
          <p>{t('turn.pauseLead')}</p>
          <div class="listening-field">
            <label for={selectId}>{t('turn.backIn')}</label>
            <select id={selectId} value={String(minutes)} onChange={(e) => setMinutes(Number(e.currentTarget.value))} aria-describedby={`${selectId}-hint`}>
              {BACK_MINUTES.map((m) => (
                <option key={m} value={String(m)}>
                  {backLabel(m)}
                </option>
              ))}
            </select>
            <p id={`${selectId}-hint`} class="muted small">
              {t('turn.backHint')}
            </p>
          </div>
          <div class="listening-buttons">
            <Btn
              label={t('turn.pauseNow')}
              busy={busy}
              onTap={() => {
                const back = Date.now() + Math.max(minutes * 60_000, PAUSE_MIN_MS);
                act({ type: 'pause', back }, t('turn.paused', { time: clock(back) }));
              }}
            />
            <Btn variant="secondary" label={t('turn.cancelPause')} busy={busy} onTap={() => setPausing(false)} />
          </div>
        </section>
      ) : (
        <div class="listening-buttons">
          <Btn variant="secondary" label={t('turn.pause')} busy={busy} onTap={() => setPausing(true)} />
          <Btn variant="quiet" label={t('turn.stop')} busy={busy} onTap={() => act({ type: 'stop' }, t('turn.closing'))} />
        </div>
      )}
    </div>
  );
}

/** A pause: the calming practice, the time to come back, and the way back in, without blame. */
function Paused({ view }: { view: TurnView }) {
  const { busy, error, act } = useAct(view);
  const [, setTick] = useState(0);
  const back = view.turn.back!;
  const due = backDue(view.turn, Date.now());
  // Say "it's time" when the return time comes, with the screen open.
  useEffect(() => {
    if (due) return;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.max(back - Date.now(), 0) + 50);
    return () => clearTimeout(timer);
  }, [back, due]);
  return (
    <div class="stack">
      <p class="floor" role="status">
        {due ? t('turn.backNow') : t('turn.paused', { time: clock(back) })}
      </p>
      <section class="card stack" aria-labelledby="calm-title">
        <h2 id="calm-title">{LISTENING_GUIDE.calm.title}</h2>
        <ol>
          {LISTENING_GUIDE.calm.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </section>
      <div class="listening-buttons">
        <Btn label={t('turn.resume')} busy={busy} onTap={() => act({ type: 'resume' }, t('turn.resume'))} />
        <Btn variant="quiet" label={t('turn.stop')} busy={busy} onTap={() => act({ type: 'stop' }, t('turn.closing'))} />
      </div>
      <FormError error={error} />
    </div>
  );
}

function Closing({ view, myId }: { view: TurnView; myId: string }) {
  const { busy, error, act } = useAct(view);
  const one = view.turn.device === 'one';
  const chose = view.turn.keep.includes(myId);
  return (
    <div class="stack">
      <p class="floor">{t('turn.closing')}</p>
      <p>{t('turn.closingLead')}</p>
      {chose ? (
        <p>{t('turn.keepWaiting', { name: view.otherName })}</p>
      ) : (
        <div class="listening-buttons">
          <Btn variant="secondary" label={one ? t('turn.keepBoth') : t('turn.keep')} busy={busy} onTap={() => act({ type: 'keep', keep: true }, one ? t('turn.keepBoth') : t('turn.keep'))} />
          <Btn label={t('turn.letGo')} busy={busy} onTap={() => act({ type: 'keep', keep: false }, t('turn.ended'))} />
        </div>
      )}
      {chose && <Btn label={t('turn.letGo')} busy={busy} onTap={() => act({ type: 'keep', keep: false }, t('turn.ended'))} />}
      <FormError error={error} />
    </div>
  );
}

function Ended({ view }: { view: TurnView }) {
  const { busy, error, run } = useAction();
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  const id = useId();
  const turn = view.turn;
  const line = turn.ending === 'not-now' ? t('turn.notNowSeen', { name: view.otherName }) : turn.ending === 'left' ? t('turn.endedLeft', { name: view.otherName }) : t('turn.ended');
  return (
    <div class="stack">
      {!turn.kept && <p class="floor">{line}</p>}
      {turn.kept && !saved && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void run(() => listeningActions.keepSummary(view.spaceId, turn.id, text.trim()).then(() => setSaved(true)), t('turn.summarySaved'));
          }}
        >
          <div class="listening-field">
            <label for={id}>{t('turn.summaryField')}</label>
            <textarea id={id} rows={3} required maxLength={LISTENING_LIMITS.summaryChars} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button primary" aria-disabled={busy ? 'true' : undefined}>
            {t('turn.summarySave')}
          </button>
        </form>
      )}
      {saved && <p>{t('turn.summarySaved')}</p>}
      <a class="button secondary" href={`/spaces/${view.spaceId}/listening`}>
        {t('turn.backToTalks')}
      </a>
      <FormError error={error} />
    </div>
  );
}

/** One listening turn, live: whatever either person taps shows on the other phone at once. */
export default function TurnScreen({ spaceId, turnId }: { spaceId: string; turnId: string }) {
  const space = useSpace(spaceId);
  // The version that ended stays known for a moment after it leaves the list (kept or let go).
  const [last, setLast] = useState<TurnView | null>(null);
  const found = listeningState.value.turns.find((v) => v.turn.id === turnId && v.spaceId === spaceId) ?? null;
  useEffect(() => {
    if (found) setLast(found);
  }, [found]);
  if (space === 'loading' || !listeningReady.value) return <Loading />;
  const myId = keyring()?.userId ?? '';
  const view = found ?? (last ? { ...last, turn: { ...last.turn, phase: 'ended' as const } } : null);
  if (!view) {
    return (
      <div class="screen stack">
        <ScreenTitle>{t('turn.gone')}</ScreenTitle>
        <a class="button secondary" href={`/spaces/${spaceId}/listening`}>
          {t('turn.backToTalks')}
        </a>
      </div>
    );
  }
  const topic = guideTopic(view.turn.topic);
  const phase = view.turn.phase;
  return (
    <div class="screen stack">
      <ScreenTitle>{t('turn.title', { name: view.otherName })}</ScreenTitle>
      <p class="muted">{t('turn.topic', { topic: topic.title })}</p>
      {(phase === 'asked' || phase === 'later') && <Asked view={view} myId={myId} />}
      {phase === 'talking' && <Talking view={view} />}
      {phase === 'paused' && <Paused view={view} />}
      {phase === 'closing' && <Closing view={view} myId={myId} />}
      {phase === 'ended' && <Ended view={view} />}
      <p class="muted small">{t('listening.private')}</p>
    </div>
  );
}
