import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Exercise } from '../../../shared/content.ts';
import { announce } from '../../ui/live-region.tsx';
import { roundActions } from './actions.ts';
import type { Answers, AnswerValue } from './types.ts';
import { t } from './messages.ts';
import { ExerciseIntro } from './exercise-intro.tsx';
import { ItemField } from './item-field.tsx';
import { DraftStatus, type DraftState } from './draft-status.tsx';
import { OneAtATime } from './one-at-a-time.tsx';
import { loadAnswerAt, loadAnswerLayout, saveAnswerAt, saveAnswerLayout, type AnswerLayout } from './on-device.ts';
import { resumeAt } from './stepper.ts';

/** Drafts are written this long after the last keystroke (not on every key). */
const DRAFT_SAVE_DELAY_MS = 600;

/**
 * Exercises begun in this session (by draft key): once someone pressed "Begin", the form stays,
 * even if the screen around it is rebuilt (a sync that briefly changes the view must never send
 * them back to the introduction).
 */
const begunThisSession = new Set<string>();

interface Props {
  exercise: Exercise;
  /** Where the draft lives on this device (see names.ts). */
  draftKey: string;
  /** Who will see the answers, in plain words, shown before the first line. */
  whoSees: string;
  /** The final button (opens a confirm dialog for a round; saves for a reflection). */
  renderSubmit: (get: { answers: () => Answers; hasEmpty: boolean }) => ComponentChildren;
}

/** Every item, with empty ones counted as passed (what gets sealed or saved). */
function completeAnswers(exercise: Exercise, values: Answers, passed: ReadonlySet<string>): Answers {
  const out: Answers = {};
  for (const item of exercise.items) {
    const v = values[item.id];
    out[item.id] = passed.has(item.id) || v === undefined || v.kind === 'pass' ? { kind: 'pass' } : v;
  }
  return out;
}

/** True when an item would be sealed as passed without the person having chosen to pass it. */
function hasEmptyItems(exercise: Exercise, values: Answers, passed: ReadonlySet<string>): boolean {
  return exercise.items.some((i) => !passed.has(i.id) && values[i.id] === undefined);
}

/**
 * The exercise's introduction, then its questions: one per screen (phones, by default) or the
 * whole list, as the person prefers (remembered on this device). What is typed is saved as a draft
 * on this device (encrypted by the engine), a moment after each change, and comes back when the
 * screen reopens, at the question they were on.
 */
export function AnswerForm({ exercise, draftKey, whoSees, renderSubmit }: Props) {
  const [loaded, setLoaded] = useState(false);
  const [started, setStarted] = useState(() => begunThisSession.has(draftKey));
  const [layout, setLayout] = useState<AnswerLayout>('all');
  const [at, setAt] = useState(0);
  const [values, setValues] = useState<Answers>({});
  const [passed, setPassed] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraft] = useState<DraftState>('idle');
  const dirty = useRef(false);
  const announcedSave = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  /** Set by a person's own step (Begin, Next, Back, the layout switch): focus follows it. */
  const moved = useRef(false);

  useEffect(() => {
    let live = true;
    Promise.all([roundActions.loadDraft(draftKey).catch((): Answers => ({})), loadAnswerLayout(), loadAnswerAt(draftKey)])
      .then(([answers, preferred, savedAt]) => {
        if (!live) return;
        const v: Answers = {};
        const p = new Set<string>();
        for (const [id, a] of Object.entries(answers)) {
          if (a.kind === 'pass') p.add(id);
          else v[id] = a;
        }
        setValues(v);
        setPassed(p);
        setLayout(preferred);
        const resume = resumeAt(savedAt, exercise.items.map((i) => i.id), answers);
        setAt(resume);
        // Coming back to a draft: straight to where they were (the introduction is a tap away).
        if (Object.keys(answers).length > 0 || resume > 0) setStarted(true);
      })
      .catch(() => undefined)
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [draftKey]);

  const draftAnswers = (): Answers => {
    const out: Answers = { ...values };
    for (const id of passed) out[id] = { kind: 'pass' };
    return out;
  };

  useEffect(() => {
    if (!dirty.current) return;
    setDraft('saving');
    const timer = setTimeout(() => {
      roundActions
        .saveDraft(draftKey, draftAnswers())
        .then(() => {
          setDraft('saved');
          // Said once: repeating it after every pause in typing would be noise.
          if (!announcedSave.current) announce(t('exercise.draftSaved'));
          announcedSave.current = true;
        })
        .catch(() => setDraft('failed'));
    }, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values, passed]);

  // After each step of the person's own, focus goes to the new screen's heading.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus();
  }, [started, at, layout]);

  function setValue(id: string, value: AnswerValue | undefined) {
    dirty.current = true;
    setValues((prev) => {
      const next = { ...prev };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
  }

  function setPass(id: string, on: boolean) {
    dirty.current = true;
    setPassed((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function goTo(next: number) {
    moved.current = true;
    if (next < 0) {
      begunThisSession.delete(draftKey);
      setStarted(false);
      return;
    }
    setAt(next);
    void saveAnswerAt(draftKey, next).catch(() => undefined);
  }

  function switchLayout(next: AnswerLayout) {
    moved.current = true;
    setLayout(next);
    void saveAnswerLayout(next).catch(() => undefined);
  }

  if (!loaded) return null;

  if (!started) {
    return (
      <ExerciseIntro exercise={exercise} whoSees={whoSees}>
        <div class="actions">
          <button
            type="button"
            class="button primary"
            onClick={() => {
              moved.current = true;
              begunThisSession.add(draftKey);
              setStarted(true);
            }}
          >
            {t('exercise.begin')}
          </button>
        </div>
      </ExerciseIntro>
    );
  }

  const submit = renderSubmit({ answers: () => completeAnswers(exercise, values, passed), hasEmpty: hasEmptyItems(exercise, values, passed) });
  const toggle = (
    <div class="actions actions-inline layout-toggle">
      <button type="button" class="button quiet small" onClick={() => switchLayout(layout === 'one' ? 'all' : 'one')}>
        {layout === 'one' ? t('exercise.showAll') : t('exercise.oneAtATime')}
      </button>
    </div>
  );

  if (layout === 'one') {
    return (
      <OneAtATime
        exercise={exercise}
        at={at}
        values={values}
        passed={passed}
        whoSees={whoSees}
        draft={draft}
        headingRef={heading}
        toggle={toggle}
        submit={submit}
        onValue={setValue}
        onPassed={setPass}
        goTo={goTo}
      />
    );
  }

  return (
    <section class="answer-form stack" aria-labelledby="answers-title">
      <h2 id="answers-title" ref={heading} tabIndex={-1}>
        {t('exercise.formTitle')}
      </h2>
      {toggle}
      <p class="notice notice-info small">
        <span class="lock-inline" aria-hidden="true" />
        {whoSees}
      </p>
      <div class="stack">
        {exercise.items.map((item, i) => (
          <ItemField
            key={item.id}
            item={item}
            index={i}
            total={exercise.items.length}
            value={values[item.id]}
            passed={passed.has(item.id)}
            onValue={(v) => setValue(item.id, v)}
            onPassed={(on) => setPass(item.id, on)}
          />
        ))}
      </div>
      <DraftStatus draft={draft} />
      {submit}
    </section>
  );
}
