import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * After a failed check, moves focus to the first field marked invalid, so its message is read
 * out and the person can fix it at once. Call `focusInvalid()` after setting the errors.
 */
export function useFocusInvalid() {
  const formRef = useRef<HTMLFormElement>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (tick === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [tick]);
  return { formRef, focusInvalid: () => setTick((n) => n + 1) };
}
