import type { ComponentChildren, Ref } from 'preact';
import type { Exercise } from '../../../shared/content.ts';
import { answerText } from './answer-view.tsx';
import type { Answers, AnswerValue } from './types.ts';
import { t } from './messages.ts';
import { ItemField } from './item-field.tsx';
import { DraftStatus, type DraftState } from './draft-status.tsx';
import { standing, stepBack, stepForward } from './stepper.ts';

interface Props {
  exercise: Exercise;
  /** The question shown (0-based), or `items.length` for the review screen. */
  at: number;
  values: Answers;
  passed: ReadonlySet<string>;
  whoSees: string;
  draft: DraftState;
  headingRef: Ref<HTMLHeadingElement>;
  /** "Show all questions". */
  toggle: ComponentChildren;
  /** The final button: shown on the review screen. */
  submit: ComponentChildren;
  onValue: (id: string, value: AnswerValue | undefined) => void;
  onPassed: (id: string, on: boolean) => void;
  goTo: (at: number) => void;
}

/**
 * One question per screen (issue 11, item 4): where I am ("Question 3 of 8" and a progress bar),
 * the question, then Back, Pass and Next; after the last one, a calm look over every answer
 * before sharing. Passing is a full answer: it moves on like Next, and can be undone.
 */
export function OneAtATime(props: Props) {
  const { exercise, at, values, passed, headingRef, goTo } = props;
  const total = exercise.items.length;
  if (at >= total) return <Review {...props} />;
  const item = exercise.items[at]!;
  const isPassed = passed.has(item.id);
  return (
    <section class="answer-form answer-one stack" aria-label={t('exercise.formTitle')}>
      {props.toggle}
      <progress class="answer-progress" max={total} value={at + 1} aria-label={t('exercise.question', { n: at + 1, total })} />
      <ItemField
        key={item.id}
        item={item}
        index={at}
        total={total}
        value={values[item.id]}
        passed={isPassed}
        onValue={(v) => props.onValue(item.id, v)}
        onPassed={(on) => props.onPassed(item.id, on)}
        single={{ headingRef }}
      />
      {isPassed && (
        <div class="stack passed-here">
          <p class="field-hint">{t('exercise.passedHere')}</p>
          <div class="actions actions-inline">
            <button type="button" class="button secondary small" onClick={() => props.onPassed(item.id, false)}>
              {t('exercise.answerAfterAll')}
            </button>
          </div>
        </div>
      )}
      <div class="actions step-nav">
        <button type="button" class="button secondary" onClick={() => goTo(stepBack(at))}>
          {t('exercise.back')}
        </button>
        {!isPassed && (
          <button
            type="button"
            class="button secondary"
            onClick={() => {
              props.onPassed(item.id, true);
              goTo(stepForward(at, total));
            }}
          >
            {t('exercise.pass')}
          </button>
        )}
        <button type="button" class="button primary" onClick={() => goTo(stepForward(at, total))}>
          {at === total - 1 ? t('exercise.toReview') : t('exercise.next')}
        </button>
      </div>
      <DraftStatus draft={props.draft} />
    </section>
  );
}

/** Every question with what was chosen, a way back to each, and the final button. */
function Review({ exercise, values, passed, whoSees, draft, headingRef, toggle, submit, goTo }: Props) {
  const total = exercise.items.length;
  return (
    <section class="answer-form answer-review stack" aria-labelledby="review-title">
      {toggle}
      <h2 id="review-title" ref={headingRef} tabIndex={-1}>
        {t('exercise.reviewTitle')}
      </h2>
      <ol class="review-list" role="list">
        {exercise.items.map((item, i) => {
          const how = standing(values[item.id], passed.has(item.id));
          const text = how === 'answered' ? answerText(item, values[item.id]) : null;
          return (
            <li key={item.id} class="review-row">
              <p class="item-number">{t('exercise.question', { n: i + 1, total })}</p>
              <p class="review-prompt">{item.prompt}</p>
              <p class={how === 'answered' ? 'review-answer' : 'answer-passed'}>
                {how === 'answered' ? text : how === 'passed' ? t('exercise.passed') : t('exercise.leftEmpty')}
              </p>
              <button
                type="button"
                class="button quiet small"
                aria-label={t('exercise.changeLabel', { n: i + 1 })}
                onClick={() => goTo(i)}
              >
                {t('exercise.change')}
              </button>
            </li>
          );
        })}
      </ol>
      <p class="notice notice-info small">
        <span class="lock-inline" aria-hidden="true" />
        {whoSees}
      </p>
      <DraftStatus draft={draft} />
      {submit}
      <div class="actions actions-inline">
        <button type="button" class="button secondary" onClick={() => goTo(total - 1)}>
          {t('exercise.back')}
        </button>
      </div>
    </section>
  );
}
