import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { FormError } from '../../ui/form-error.tsx';
import { ScreenTitle } from '../../ui/screen-title.tsx';
import { describeError, type DescribedError } from '../../platform/errors/error-catalog.ts';
import { captureInviteFragment } from '../join-fragment.ts';
import { joiningSpaceId } from '../joining.ts';
import { withNext } from '../../platform/next-path.ts';
import { myDefaultProfile, myStatus, spaceTitle } from '../names.ts';
import { splitInviteFragment } from '../invite-link.ts';
import { ProfileFields } from '../components/profile-fields.tsx';
import { spaceActions } from '../actions.ts';
import { authStatus } from '../../vault/status.ts';
import { pendingInviteFragment, removedSpaceIds, spaces } from '../store.ts';
import { ActionError } from '../../platform/errors/action-error.ts';
import { type InvitePreview } from '../types.ts';
import { has, t } from '../messages.ts';
import { formatDateTime } from '../../platform/i18n/format.ts';

/** Invite problems that end the join, each with its own message and next step. */
const INVITE_PROBLEMS = new Set([
  'invite-expired',
  'invite-used',
  'invite-revoked',
  'invite-not-found',
  'invite-link-malformed',
  'already-member',
  'invite-mac-invalid',
]);

function isInviteProblem(error: DescribedError | null): error is DescribedError {
  return !!error && INVITE_PROBLEMS.has(error.code);
}

export default function Join() {
  // The fragment is normally taken at start (main.tsx); this also covers a link opened later.
  useState(() => captureInviteFragment());
  const joining = joiningSpaceId.value;
  if (joining) return <Waiting spaceId={joining} />;
  return <Invite />;
}

function Invite() {
  const { route } = useLocation();
  const fragment = pendingInviteFragment.value;
  const status = authStatus.value;
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const [previewError, setPreviewError] = useState<DescribedError | null>(null);
  const [error, setError] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  const inviter = fragment ? splitInviteFragment(fragment).inviterName : null;
  // Asked once, here, only if this person has never given a name.
  const known = status === 'unlocked' ? myDefaultProfile() : null;
  const [displayName, setDisplayName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);

  async function loadPreview() {
    if (!fragment) return;
    setPreviewError(null);
    try {
      setPreview(await spaceActions.previewInvite(fragment));
    } catch (err) {
      setPreviewError(describeError(err));
    }
  }

  useEffect(() => {
    void loadPreview();
  }, [fragment, status === 'signed-out']);

  async function join() {
    if (!fragment || busy) return;
    if (!known && !displayName.trim()) {
      setNameError(t('form.displayNameMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { spaceId } = await spaceActions.acceptInvite(fragment, known ?? { displayName, pronouns });
      pendingInviteFragment.value = null;
      joiningSpaceId.value = spaceId;
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  function notNow() {
    pendingInviteFragment.value = null;
    route('/');
  }

  const alreadyIn = preview ? spaces.value.find((s) => s.id === preview.spaceId && myStatus(s) === 'active') : undefined;
  const problem: DescribedError | null = !fragment
    ? describeError({ code: 'invite-link-malformed' })
    : alreadyIn
      ? describeError({ code: 'already-member' })
      : isInviteProblem(error)
        ? error
        : isInviteProblem(previewError)
          ? previewError
          : null;
  if (problem) return <Problem error={problem} spaceId={alreadyIn?.id ?? preview?.spaceId ?? null} />;

  // Signed out, the server may not show details yet; that is fine, the invite still works.
  const quietPreviewError = previewError && !(status === 'signed-out' && previewError.kind === 'auth') ? previewError : null;

  return (
    <div class="screen join">
      <div class="welcome-art small" aria-hidden="true">
        <span class="circle one" />
        <span class="circle two" />
      </div>
      <ScreenTitle>{inviter ? t('join.titleFrom', { name: inviter }) : t('join.title')}</ScreenTitle>
      <p class="lead">{inviter ? t('join.introFrom', { name: inviter }) : t('join.intro')}</p>
      <p class="notice notice-info">
        <span class="lock-inline" aria-hidden="true" />
        {t('join.privacy')}
      </p>

      {status === 'signed-out' ? (
        <>
          <p>{t('join.signedOut')}</p>
          <div class="actions">
            <a class="button primary" href={withNext('/signup', '/join')}>
              {t('join.createAccount')}
            </a>
            <a class="button secondary" href={withNext('/signin', '/join')}>
              {t('join.signIn')}
            </a>
          </div>
        </>
      ) : (
        <>
          {known ? (
            <p class="muted">{t('join.youAppearAs', { name: known.displayName })}</p>
          ) : (
            <ProfileFields
              displayName={displayName}
              pronouns={pronouns}
              onDisplayName={(v) => {
                setDisplayName(v);
                setNameError(null);
              }}
              onPronouns={setPronouns}
              displayNameError={nameError}
            />
          )}
          <FormError error={error} onRetry={join} />
          <div class="actions">
            <button type="button" class="button secondary" onClick={notNow}>
              {t('join.notNow')}
            </button>
            <button type="button" class="button primary" aria-disabled={busy ? 'true' : undefined} onClick={join}>
              {busy ? t('join.busy') : t('join.submit')}
            </button>
          </div>
        </>
      )}
      {/* What the server says of the invite arrives late: it goes below the buttons, so its
          arrival never moves a button from under a finger on its way down. */}
      {preview ? (
        <p>
          {t('join.members', { count: preview.memberCount })} {t('join.expires', { time: formatDateTime(preview.expiresAt) })}
        </p>
      ) : (
        !previewError && <p class="muted">{t('join.loading')}</p>
      )}
      <FormError error={quietPreviewError} onRetry={loadPreview} />
    </div>
  );
}

function Problem({ error, spaceId }: { error: DescribedError; spaceId: string | null }) {
  const nextKey = `join.next.${error.code}`;
  const next = has(nextKey) ? t(nextKey) : t('join.next.other');
  const member = error.code === 'already-member';
  return (
    <div class="screen join">
      <ScreenTitle>{member ? error.message : t('join.problemTitle')}</ScreenTitle>
      {!member && (
        <div class={`notice notice-${error.kind === 'security' ? 'security' : 'warn'}`} role="alert">
          <p>{error.message}</p>
        </div>
      )}
      <p class="lead">{next}</p>
      <div class="actions">
        {member && spaceId ? (
          <a class="button primary" href={`/spaces/${spaceId}`}>
            {t('join.openSpace')}
          </a>
        ) : (
          <a class="button primary" href="/">
            {authStatus.value === 'unlocked' ? t('common.backHome') : t('notFound.home')}
          </a>
        )}
      </div>
    </div>
  );
}

/** After "Join": calm waiting until a member's device confirms me, then straight into the space. */
function Waiting({ spaceId }: { spaceId: string }) {
  const { route } = useLocation();
  const space = spaces.value.find((s) => s.id === spaceId);
  const active = space ? myStatus(space) === 'active' : false;
  const named = space?.name?.trim() ? spaceTitle(space) : null;
  // Seen while pending, then gone: a member's device could not verify the keys this invite
  // carried (or the space was deleted), so nobody was let in. Say so instead of waiting forever.
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (space) setSeen(true);
  }, [!!space]);

  useEffect(() => {
    if (!active || !space) return;
    // The welcome is said once, by the announcements (which wait until the place's name is readable).
    joiningSpaceId.value = null;
    route(`/spaces/${spaceId}`, true);
  }, [active]);

  if (!space && (seen || removedSpaceIds.value.has(spaceId))) {
    return <Problem error={describeError(new ActionError('invite-mac-invalid'))} spaceId={null} />;
  }
  return (
    <div class="screen join waiting">
      <div class="welcome-art small breathing" aria-hidden="true">
        <span class="circle one" />
        <span class="circle two" />
      </div>
      <ScreenTitle>{t('join.waitingTitle')}</ScreenTitle>
      <p class="lead" role="status">
        {named ? t('join.waiting', { space: named }) : t('join.waitingUnnamed')}
      </p>
      <p>{t('join.waitingWhy')}</p>
      <p class="muted">{t('join.waitingMeanwhile')}</p>
      <div class="actions">
        <a class="button secondary" href="/just-me">
          {t('join.aloneMeanwhile')}
        </a>
        <a class="button secondary" href="/">
          {t('join.goHome')}
        </a>
      </div>
    </div>
  );
}
