import { useState } from 'preact/hooks';
import { RemoveMemberDialog } from '../components/remove-member-dialog.tsx';
import { Redirect } from '../../ui/redirect.tsx';
import { ScreenTitle } from '../../ui/screen-title.tsx';
import { SyncStatus } from '../../sync/sync-status.tsx';
import { spaceSections } from '../sections.ts';
import { InviteDialog } from '../components/invite-dialog.tsx';
import { LeaveDialog } from '../components/leave-dialog.tsx';
import { MemberList } from '../components/member-list.tsx';
import { ProfileForm } from '../components/profile-form.tsx';
import { RenameForm } from '../components/rename-form.tsx';
import { aloneIn, memberName, myStatus, spaceTitle } from '../names.ts';
import { InvitePanel } from '../components/invite-panel.tsx';
import { useSpace } from '../use-space.ts';
import { t } from '../messages.ts';
import { Loading } from '../../ui/loading.tsx';

export function SpaceNotFound() {
  return (
    <div class="screen">
      <ScreenTitle>{t('space.notFoundTitle')}</ScreenTitle>
      <p>{t('space.notFoundBody')}</p>
      <div class="actions">
        <a class="button primary" href="/">
          {t('common.backHome')}
        </a>
      </div>
    </div>
  );
}

export default function Space({ id }: { id: string }) {
  const space = useSpace(id);
  const [dialog, setDialog] = useState<'invite' | 'leave' | null>(null);
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);

  if (space === 'loading') return <Loading />;
  if (!space) return <SpaceNotFound />;
  const title = spaceTitle(space);

  // The personal space is "Just me": exercises done alone and private reflections.
  if (space.kind === 'personal') return <Redirect to="/just-me" />;

  const waiting = myStatus(space) === 'pending';
  // Until someone has joined, the invitation is the first thing here; afterwards it is a button.
  const leadWithInvite = !waiting && aloneIn(space);
  const myName = space.myProfile?.displayName ?? null;
  return (
    <div class="screen space">
      <ScreenTitle>{title}</ScreenTitle>
      <SyncStatus />
      {space.integrityWarning && (
        <div class="notice notice-security" role="alert">
          <p>{t('space.integrity')}</p>
        </div>
      )}
      {waiting && (
        <p class="notice notice-info" role="status">
          {t('space.meWaiting')}
        </p>
      )}

      {leadWithInvite && (
        <section aria-labelledby="invite-title" class="card stack invite-lead">
          <h2 id="invite-title">{t('space.inviteLeadTitle')}</h2>
          <InvitePanel spaceId={space.id} myName={myName} />
        </section>
      )}

      {!waiting && spaceSections().map((Section, i) => <Section key={i} spaceId={space.id} />)}

      <section aria-labelledby="members-title" class="stack">
        <h2 id="members-title">{t('space.membersTitle')}</h2>
        <MemberList members={space.members} onRemove={waiting ? undefined : (m) => setRemoving({ userId: m.userId, name: memberName(m) })} />
      </section>

      <section aria-labelledby="profile-title" class="card stack">
        <h2 id="profile-title">{t('space.profileTitle')}</h2>
        <ProfileForm key={space.id} space={space} />
      </section>

      {!waiting && (
        <>
          {!leadWithInvite && (
            <section aria-labelledby="invite-title" class="card stack">
              <h2 id="invite-title">{t('space.inviteTitle')}</h2>
              <p>{t('space.inviteIntro')}</p>
              <div class="actions">
                <button type="button" class="button secondary" onClick={() => setDialog('invite')}>
                  {t('space.inviteOpen')}
                </button>
              </div>
            </section>
          )}

          <section aria-labelledby="safety-title" class="card stack">
            <h2 id="safety-title">{t('space.safetyTitle')}</h2>
            <p>{t('space.safetyIntro')}</p>
            <p>
              <a href={`/spaces/${space.id}/safety`}>{t('space.safetyLink')}</a>
            </p>
          </section>

          <RenameForm key={`rename-${space.id}`} space={space} />
        </>
      )}

      <section aria-labelledby="leave-title" class="stack quiet-section">
        <h2 id="leave-title" class="visually-hidden">
          {t('space.leaveTitle')}
        </h2>
        <div class="actions">
          <button type="button" class="button secondary" onClick={() => setDialog('leave')}>
            {t('space.leaveOpen')}
          </button>
        </div>
      </section>

      <InviteDialog open={dialog === 'invite'} onClose={() => setDialog(null)} spaceId={space.id} spaceName={title} myName={myName} />
      <LeaveDialog open={dialog === 'leave'} onClose={() => setDialog(null)} spaceId={space.id} spaceName={title} />
      <RemoveMemberDialog open={removing !== null} onClose={() => setRemoving(null)} spaceId={space.id} spaceName={title} member={removing} />
    </div>
  );
}
