import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckboxField } from '../../ui/field.tsx';
import { formatDate } from '../../platform/i18n/format.ts';
import { countsByKind, type ImportGroup, type ImportPlan } from './archive-format.ts';
import { exportActions } from './actions.ts';
import { exportErrorText } from './errors.ts';
import { kindLabel, t } from './messages.ts';

function Counts({ group }: { group: ImportGroup }) {
  return (
    <ul class="import-counts">
      {countsByKind(group.records).map(({ kind, count }) => (
        <li key={kind}>{t('data.count', { label: kindLabel(kind), count })}</li>
      ))}
    </ul>
  );
}

interface Props {
  plan: ImportPlan;
  onDone: (count: number) => void;
  onCancel: () => void;
}

/**
 * What an opened copy would add, per kind, and where: everything from Just me into Just me; what
 * I wrote in each shared place only when I tick it, as private copies in Just me. Nothing is
 * written until "Add to Just me".
 */
export function ImportPreview({ plan, onDone, onCancel }: Props) {
  const [chosen, setChosen] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const total = plan.personal.records.length + plan.shared.filter((_, i) => chosen.includes(i)).reduce((n, g) => n + g.records.length, 0);
  const anything = plan.personal.records.length > 0 || plan.shared.some((g) => g.records.length > 0);

  async function add(): Promise<void> {
    if (busy || total === 0) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await exportActions.addToJustMe(plan, chosen));
    } catch (err) {
      setError(exportErrorText(err));
      setBusy(false);
    }
  }

  return (
    <div class="stack import-preview">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('data.previewTitle')}
      </h3>
      <p class="muted">{t('data.previewMade', { date: formatDate(plan.exportedAt) })}</p>
      {plan.personal.records.length > 0 ? (
        <>
          <p>{t('data.previewMine')}</p>
          <Counts group={plan.personal} />
        </>
      ) : (
        <p>{t('data.previewNothing')}</p>
      )}
      {plan.personal.already > 0 && <p class="muted">{t('data.already', { count: plan.personal.already })}</p>}
      {plan.shared.map((group, i) => (
        <div class="stack" key={i}>
          <p>{group.name ? t('data.previewShared', { place: group.name }) : t('data.previewSharedUnnamed')}</p>
          {group.records.length > 0 && (
            <>
              <Counts group={group} />
              <CheckboxField
                label={t('data.addShared')}
                checked={chosen.includes(i)}
                onChecked={(on) => setChosen((list) => (on ? [...list, i] : list.filter((x) => x !== i)))}
              />
            </>
          )}
          {group.stays > 0 && <p class="muted">{t('data.stays', { count: group.stays })}</p>}
          {group.already > 0 && <p class="muted">{t('data.already', { count: group.already })}</p>}
        </div>
      ))}
      {plan.unknown > 0 && <p class="muted">{t('data.unknown', { count: plan.unknown })}</p>}
      {!anything && <p>{t('data.nothingAtAll')}</p>}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        {total > 0 && (
          <button type="button" class="button primary" aria-disabled={busy ? 'true' : undefined} onClick={() => void add()}>
            {busy ? t('data.adding') : t('data.confirm')}
          </button>
        )}
        <button type="button" class="button secondary" onClick={onCancel}>
          {t('data.cancel')}
        </button>
      </div>
    </div>
  );
}
