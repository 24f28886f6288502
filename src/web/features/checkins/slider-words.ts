/** The words a check-in slider says for each number (scale-slider.tsx). */
import { CHECKIN_LIMITS } from './checkin.ts';
import { t } from './messages.ts';

export interface SliderWords {
  min: string;
  mid: string;
  max: string;
}

export const SLIDER_MIN = CHECKIN_LIMITS.scaleMin;
export const SLIDER_MAX = CHECKIN_LIMITS.scaleMax;
export const SLIDER_MID = (SLIDER_MIN + SLIDER_MAX) / 2;

/** "somewhat close" at 5, "between somewhat close and very close" at 7: every number has words. */
export function sliderWord(value: number, words: SliderWords): string {
  if (value === SLIDER_MIN) return words.min;
  if (value === SLIDER_MAX) return words.max;
  if (value === SLIDER_MID) return words.mid;
  return value < SLIDER_MID ? t('checkin.slider.between', { a: words.min, b: words.mid }) : t('checkin.slider.between', { a: words.mid, b: words.max });
}
