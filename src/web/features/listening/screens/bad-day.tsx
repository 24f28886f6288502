import { useId, useState } from 'preact/hooks';
import { spaceTitle } from '../../../spaces/names.ts';
import { useSpace } from '../../../spaces/use-space.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { Loading } from '../../../ui/loading.tsx';
import NotFound from '../../../ui/not-found.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { useAction } from '../../../ui/use-action.ts';
import { listeningActions } from '../actions.ts';
import { MyBadDayCard } from '../bad-day-cards.tsx';
import { HELPS, LISTENING_LIMITS, type Help } from '../kinds.ts';
import { helpText, t } from '../messages.ts';
import { listeningState } from '../store.ts';
import '../listening.css';

/** "I'm having a hard day": an optional line and what would help; partners get a calm card. */
export default function BadDayScreen({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  const [line, setLine] = useState('');
  const [help, setHelp] = useState<Help[]>([]);
  const { busy, error, run } = useAction();
  const lineId = useId();
  if (space === 'loading') return <Loading />;
  if (!space || space.kind !== 'shared') return <NotFound />;
  const view = listeningState.value;
  const mine = view.mine[spaceId];
  const toggle = (h: Help, on: boolean) => setHelp((list) => (on ? [...list.filter((x) => x !== h), h] : list.filter((x) => x !== h)));
  return (
    <div class="screen stack">
      <ScreenTitle>{t('badDay.title')}</ScreenTitle>
      <p class="lead">{t('badDay.lead')}</p>
      {mine && <MyBadDayCard spaceId={spaceId} mine={mine} replies={view.replies.filter((r) => r.spaceId === spaceId)} />}
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await listeningActions.shareBadDay(spaceId, HELPS.filter((h) => help.includes(h)), line);
            setLine('');
            setHelp([]);
          }, t('badDay.shared'));
        }}
      >
        <div class="listening-field">
          <label for={lineId}>{t('badDay.line')}</label>
          <textarea id={lineId} rows={2} maxLength={LISTENING_LIMITS.badDayChars} value={line} onInput={(e) => setLine(e.currentTarget.value)} />
        </div>
        <fieldset class="stack choice-fieldset">
          <legend class="listening-legend">{t('badDay.help')}</legend>
          {HELPS.map((h) => (
            <label key={h} class="listening-choice">
              <input type="checkbox" checked={help.includes(h)} onChange={(e) => toggle(h, e.currentTarget.checked)} /> {helpText(h)}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button primary" aria-disabled={busy ? 'true' : undefined}>
          {t('badDay.share', { place: spaceTitle(space) })}
        </button>
        <FormError error={error} />
      </form>
    </div>
  );
}
