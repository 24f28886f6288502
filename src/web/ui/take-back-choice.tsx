/**
 * "Also remove what I already shared there": offered when someone turns a sharing off, with the
 * honest limit beside it (someone who already saw it may remember it). Unticked by default.
 */
export function TakeBackChoice({ id, checked, onChange, label, hint }: { id: string; checked: boolean; onChange: (on: boolean) => void; label: string; hint: string }) {
  return (
    <div class="stack">
      <div class="checkbox-row">
        <input id={id} type="checkbox" checked={checked} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.currentTarget.checked)} />
        <label for={id}>{label}</label>
      </div>
      <p id={`${id}-hint`} class="field-hint">
        {hint}
      </p>
    </div>
  );
}
