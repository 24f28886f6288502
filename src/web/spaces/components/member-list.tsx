import type { MemberView } from '../types.ts';
import { t } from '../messages.ts';
import { memberName } from '../names.ts';

/**
 * Members by name and pronouns; someone still being confirmed is described, never left blank.
 * With `onRemove`, each other active member has a quiet "Remove…" (it opens a confirmation).
 */
export function MemberList({ members, onRemove }: { members: MemberView[]; onRemove?: (member: MemberView) => void }) {
  return (
    <ul class="member-list" role="list">
      {members.map((m) => (
        <li key={m.userId} class={`member ${m.status}`}>
          <span class="avatar" aria-hidden="true">
            {m.status === 'pending' ? '…' : memberName(m).slice(0, 1).toUpperCase()}
          </span>
          {m.status === 'pending' && !m.isMe ? (
            <span class="member-text">
              <span class="pending-text">{t('space.memberPending')}</span>
            </span>
          ) : (
            <span class="member-text">
              <span class="member-name">{memberName(m)}</span>
              {m.pronouns && <span class="muted"> {t('space.pronouns', { pronouns: m.pronouns })}</span>}
              {m.isMe && (
                <>
                  {' '}
                  <span class="tag">{t('space.you')}</span>
                </>
              )}
            </span>
          )}
          {onRemove && !m.isMe && m.status === 'active' && (
            <button type="button" class="button quiet small member-remove" onClick={() => onRemove(m)}>
              {t('space.removeMember', { name: memberName(m) })}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
