/**
 * A 0-to-n scale as a row of round radio targets (44 px, wrapping on small screens) with words
 * under the ends and the middle: the one scale control of the app (exercises and check-ins).
 * Native radios, so arrow keys and screen readers work as people expect; the words at the ends
 * and middle are read with their number ("0, far apart"), and shown once under the row.
 */
export interface ScaleWords {
  min?: string | undefined;
  mid?: string | undefined;
  max?: string | undefined;
}

interface Props {
  /** The radio group's name (unique on the page). */
  name: string;
  min: number;
  max: number;
  value: number | undefined;
  onValue: (value: number) => void;
  words: ScaleWords;
  /** Marks every radio invalid and links them to the message with this id. */
  errorId?: string | undefined;
}

export function ScaleRadios({ name, min, max, value, onValue, words, errorId }: Props) {
  const values: number[] = [];
  for (let v = min; v <= max; v++) values.push(v);
  const mid = words.mid !== undefined && values.length % 2 === 1 ? values[(values.length - 1) / 2] : undefined;
  const wordFor = (v: number): string | undefined => (v === min ? words.min : v === max ? words.max : v === mid ? words.mid : undefined);
  return (
    <div class="scale">
      <div class="scale-options">
        {values.map((v) => {
          const word = wordFor(v);
          return (
            <label key={v} class="scale-option">
              <input
                type="radio"
                name={name}
                value={String(v)}
                checked={value === v}
                onChange={() => onValue(v)}
                aria-label={word ? `${v}, ${word}` : undefined}
                aria-invalid={errorId ? 'true' : undefined}
                aria-describedby={errorId}
              />
              <span class="scale-num">{v}</span>
            </label>
          );
        })}
      </div>
      <div class="scale-ends" aria-hidden="true">
        <span>{words.min}</span>
        {mid !== undefined && <span>{words.mid}</span>}
        <span>{words.max}</span>
      </div>
    </div>
  );
}
