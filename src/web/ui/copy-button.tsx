import { useEffect, useState } from 'preact/hooks';
import { t } from './messages.ts';
import { announce } from './live-region.tsx';

interface Props {
  text: string;
  label: string;
  /** Said after a successful copy. */
  copiedLabel?: string;
  class?: string;
}

const COPIED_SHOWN_MS = 2_500;

export function CopyButton({ text, label, copiedLabel = t('live.copied'), class: className = 'button secondary' }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
      announce(copiedLabel);
    } catch {
      setState('failed');
      announce(t('recoveryCode.copyFailed'));
    }
  }

  return (
    <>
      <button type="button" class={className} onClick={copy}>
        {state === 'copied' ? `✓ ${copiedLabel}` : label}
      </button>
      {state === 'failed' && <p class="field-hint">{t('recoveryCode.copyFailed')}</p>}
    </>
  );
}
