import { t } from './messages.ts';
import { SLIDER_MAX as MAX, SLIDER_MID as MID, SLIDER_MIN as MIN, sliderWord, type SliderWords } from './slider-words.ts';

interface Props {
  /** The id of the question it answers (the fieldset's legend): the slider's name. */
  labelledBy: string;
  value: number | undefined;
  onValue: (value: number) => void;
  words: SliderWords;
  /** Marks it invalid and links it to the message with this id. */
  errorId?: string | undefined;
}

/**
 * A check-in scale, 0 to 10, as one native slider that fits any phone on one row: tap anywhere
 * on it or drag (touch or mouse), or use the arrow keys, Home and End; screen readers hear the
 * number with its words ("7 out of 10, between somewhat close and very close"). The number and its
 * words show above it, the words of 0, 5 and 10 under their places.
 *
 * A slider always has a position, but a check-in must not be answered for someone: until it is
 * touched it says "not chosen yet", its knob is hollow, and saving asks for a number. A tap right
 * on the hollow knob (the middle) changes nothing in the slider, so the release chooses it too.
 */
export function ScaleSlider({ labelledBy, value, onValue, words, errorId }: Props) {
  const unset = value === undefined;
  const shown = value ?? MID;
  const spoken = unset ? t('checkin.slider.unset') : t('checkin.slider.value', { value, max: MAX, word: sliderWord(value, words) });
  return (
    <div class={`scale-slider${unset ? ' unset' : ''}`}>
      <p class="slider-value" aria-hidden="true">
        {unset ? (
          <span class="slider-word">{t('checkin.slider.hint')}</span>
        ) : (
          <>
            <span class="slider-number">{value}</span> <span class="slider-word">{sliderWord(value, words)}</span>
          </>
        )}
      </p>
      <input
        type="range"
        min={MIN}
        max={MAX}
        step={1}
        value={shown}
        // The fill up to the knob (a CSS custom property, set through the CSSOM: allowed by the CSP).
        style={{ '--slider-fill': `${((shown - MIN) / (MAX - MIN)) * 100}%` }}
        aria-labelledby={labelledBy}
        aria-valuetext={spoken}
        aria-invalid={errorId ? 'true' : undefined}
        aria-describedby={errorId}
        onInput={(e) => onValue(Number(e.currentTarget.value))}
        onPointerUp={(e) => {
          if (unset) onValue(Number(e.currentTarget.value));
        }}
      />
      <div class="slider-ticks" aria-hidden="true">
        {Array.from({ length: MAX - MIN + 1 }, (_, i) => (
          <span key={i} />
        ))}
      </div>
      <div class="slider-ends" aria-hidden="true">
        <span>
          <b>{MIN}</b> {words.min}
        </span>
        <span>
          <b>{MID}</b> {words.mid}
        </span>
        <span>
          <b>{MAX}</b> {words.max}
        </span>
      </div>
    </div>
  );
}
