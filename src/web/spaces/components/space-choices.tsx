import type { SpaceView } from '../types.ts';
import { othersLine } from '../names.ts';

interface Props {
  /** The spaces offered, in order. */
  spaces: readonly SpaceView[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** The checkbox label for one space ("Share my scores in Home"). */
  label: (space: SpaceView) => string;
  /** Prefix for the checkbox ids (unique on the page). */
  idPrefix: string;
}

/** One checkbox per shared space, with who is in it under its name: what I share, and where. */
export function SpaceChoices({ spaces, chosen, onChange, label, idPrefix }: Props) {
  return (
    <>
      {spaces.map((space) => {
        const id = `${idPrefix}-${space.id}`;
        const others = othersLine(space);
        return (
          <div key={space.id} class="checkbox-row">
            <input
              id={id}
              type="checkbox"
              checked={chosen.includes(space.id)}
              onChange={(e) => {
                const rest = chosen.filter((s) => s !== space.id);
                onChange(e.currentTarget.checked ? [...rest, space.id] : rest);
              }}
            />
            <label for={id}>
              {label(space)}
              {others && <span class="label-hint">{others}</span>}
            </label>
          </div>
        );
      })}
    </>
  );
}
