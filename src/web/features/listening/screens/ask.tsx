import { useLocation } from 'preact-iso';
import { useId, useState } from 'preact/hooks';
import { LISTENING_GUIDE } from '../../../../../content/listening.ts';
import { memberName } from '../../../spaces/names.ts';
import { useSpace } from '../../../spaces/use-space.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { Loading } from '../../../ui/loading.tsx';
import NotFound from '../../../ui/not-found.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { useAction } from '../../../ui/use-action.ts';
import { listeningActions } from '../actions.ts';
import type { Device, Mode } from '../machine.ts';
import { t } from '../messages.ts';
import '../listening.css';

function Radios<V extends string>({ legend, name, value, options, onValue }: { legend: string; name: string; value: V; options: readonly { value: V; label: string }[]; onValue: (v: V) => void }) {
  return (
    <fieldset class="stack choice-fieldset">
      <legend class="listening-legend">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} class="listening-choice">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onValue(o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * "Can we talk about something?": the choices come set (each on our own phone, aloud, with the one
 * other person), so a single tap on what it is about asks. Two taps from Today.
 */
export default function AskScreen({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  const { route } = useLocation();
  const others = space && space !== 'loading' ? space.members.filter((m) => !m.isMe && m.status === 'active') : [];
  const [withId, setWithId] = useState<string>('');
  const [device, setDevice] = useState<Device>('each');
  const [mode, setMode] = useState<Mode>('spoken');
  const { busy, error, run } = useAction();
  const aboutId = useId();
  if (space === 'loading') return <Loading />;
  if (!space || space.kind !== 'shared' || others.length === 0) return <NotFound />;
  const partner = others.find((m) => m.userId === withId) ?? others[0]!;
  const name = memberName(partner);
  return (
    <div class="screen stack">
      <ScreenTitle>{t('ask.title')}</ScreenTitle>
      <p class="lead">{device === 'one' ? t('ask.leadOne') : t('ask.lead', { name })}</p>
      {others.length > 1 && (
        <Radios legend={t('ask.with')} name="with" value={partner.userId} options={others.map((m) => ({ value: m.userId, label: memberName(m) }))} onValue={setWithId} />
      )}
      <Radios
        legend={t('ask.where')}
        name="device"
        value={device}
        options={[
          { value: 'each', label: t('ask.each') },
          { value: 'one', label: t('ask.one') },
        ]}
        onValue={setDevice}
      />
      <Radios
        legend={t('ask.how')}
        name="mode"
        value={mode}
        options={[
          { value: 'spoken', label: t('ask.spoken') },
          { value: 'typed', label: t('ask.typed') },
        ]}
        onValue={setMode}
      />
      <h2 id={aboutId}>{t('ask.about')}</h2>
      <div class="topic-buttons" role="group" aria-labelledby={aboutId}>
        {LISTENING_GUIDE.topics.map((topic) => (
          <button
            key={topic.id}
            type="button"
            class="button secondary"
            aria-disabled={busy ? 'true' : undefined}
            onClick={() =>
              void run(async () => {
                const id = await listeningActions.ask(spaceId, partner.userId, topic.id, mode, device);
                route(`/spaces/${spaceId}/listening/${id}`);
              }, device === 'one' ? t('ask.started') : t('ask.sent', { name }))
            }
          >
            <strong>{topic.title}</strong>
            <span class="small"> {topic.about}</span>
          </button>
        ))}
      </div>
      <p class="muted small">{t('listening.private')}</p>
      <FormError error={error} />
    </div>
  );
}
