import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import type { ChoiceItem, ExerciseItem, ScaleItem, TextItem } from '../../../shared/content.ts';
import type { AnswerValue } from './types.ts';
import { ScaleRadios } from '../../ui/scale-radios.tsx';
import { t } from './messages.ts';

interface Props {
  item: ExerciseItem;
  index: number;
  total: number;
  /** The answer being written (never 'pass': passing is `passed`). */
  value: AnswerValue | undefined;
  passed: boolean;
  onValue: (value: AnswerValue | undefined) => void;
  onPassed: (passed: boolean) => void;
  /**
   * One question per screen: its number and prompt become the screen's heading (focused on each
   * step, so a screen reader hears "Question 3 of 8" and the prompt), and passing is a button of
   * the stepper instead of the checkbox here.
   */
  single?: { headingRef: Ref<HTMLHeadingElement> };
}

/**
 * One line of an exercise: its prompt as the group's name, the control for its kind, and a
 * "Pass" toggle. Passing hides the control but keeps what was typed, in case they change their mind.
 */
export function ItemField({ item, index, total, value, passed, onValue, onPassed, single }: Props) {
  const id = useId();
  const legendId = `${id}-legend`;
  const passHintId = `${id}-pass-hint`;
  const label = (
    <>
      <span class="item-number">{single ? t('exercise.question', { n: index + 1, total }) : t('exercise.itemNumber', { n: index + 1, total })}</span>
      {' '}
      <span class="item-prompt" id={`${id}-prompt`}>
        {item.prompt}
      </span>
    </>
  );
  return (
    <fieldset class={`item card${passed ? ' item-passed' : ''}`} aria-labelledby={legendId}>
      <legend id={legendId} class="item-legend">
        {single ? (
          <h2 class="item-heading" ref={single.headingRef} tabIndex={-1}>
            {label}
          </h2>
        ) : (
          label
        )}
      </legend>
      {!passed && item.kind === 'text' && <TextControl item={item} labelledBy={`${id}-prompt`} value={value} onValue={onValue} />}
      {!passed && item.kind === 'scale' && <ScaleControl item={item} name={id} value={value} onValue={onValue} />}
      {!passed && item.kind === 'choice' && <ChoiceControl item={item} name={id} value={value} onValue={onValue} />}
      {!single && (
      <div class="checkbox-row pass-row">
        <input
          id={`${id}-pass`}
          type="checkbox"
          checked={passed}
          aria-describedby={passed ? passHintId : undefined}
          onChange={(e) => onPassed(e.currentTarget.checked)}
        />
        <label for={`${id}-pass`}>{t('exercise.pass')}</label>
      </div>
      )}
      {passed && !single && (
        <p id={passHintId} class="field-hint pass-hint">
          {t('exercise.passHint')}
        </p>
      )}
    </fieldset>
  );
}

function TextControl({ item, labelledBy, value, onValue }: { item: TextItem; labelledBy: string; value: AnswerValue | undefined; onValue: Props['onValue'] }) {
  const id = useId();
  const text = value?.kind === 'text' ? value.text : '';
  const left = item.maxChars - text.length;
  const showLeft = left <= Math.min(100, item.maxChars / 5);
  return (
    <div class="field">
      <textarea
        id={id}
        class="answer-text"
        rows={3}
        maxLength={item.maxChars}
        aria-labelledby={labelledBy}
        aria-describedby={showLeft ? `${id}-left` : undefined}
        placeholder={item.placeholder}
        value={text}
        onInput={(e) => {
          const next = e.currentTarget.value;
          onValue(next === '' ? undefined : { kind: 'text', text: next });
        }}
      />
      {showLeft && (
        <p id={`${id}-left`} class="field-hint">
          {t('exercise.charsLeft', { count: left })}
        </p>
      )}
    </div>
  );
}

function ScaleControl({ item, name, value, onValue }: { item: ScaleItem; name: string; value: AnswerValue | undefined; onValue: Props['onValue'] }) {
  return (
    <ScaleRadios
      name={name}
      min={item.min}
      max={item.max}
      value={value?.kind === 'scale' ? value.value : undefined}
      onValue={(v) => onValue({ kind: 'scale', value: v })}
      words={{ min: item.minLabel, mid: item.midLabel, max: item.maxLabel }}
    />
  );
}

function ChoiceControl({ item, name, value, onValue }: { item: ChoiceItem; name: string; value: AnswerValue | undefined; onValue: Props['onValue'] }) {
  return (
    <div class="choice-options">
      {item.options.map((o) => (
        <label key={o.id} class="choice-option">
          <input
            type="radio"
            name={name}
            value={o.id}
            checked={value?.kind === 'choice' && value.optionId === o.id}
            onChange={() => onValue({ kind: 'choice', optionId: o.id })}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}
