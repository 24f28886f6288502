/**
 * What a live notice asks of the sync engine. A notice names one space and what changed there
 * (never what it says), so the engine pulls just that space, and reads its membership again
 * only when the membership changed. Only a notice about a space this device does not know yet
 * (someone admitted me) needs the whole list.
 */
import type { LiveEvent } from '../../shared/api.ts';

export interface LivePlan {
  /** Forget the space here (I left, was declined, or it was deleted). */
  drop: boolean;
  sync: 'none' | 'space' | 'all';
  /** With sync 'space': read the space's membership (summary, log, departures) again. */
  membership: boolean;
}

export function planFor(event: LiveEvent, knownSpace: boolean): LivePlan {
  switch (event.type) {
    case 'removed':
      return { drop: true, sync: 'none', membership: false };
    case 'rounds':
    case 'comfort':
    case 'invites':
      // A round's or a comfort match's status and the invite list live outside the record log and the membership;
      // their listeners (rounds, the invite dialog) fetch just that.
      return { drop: false, sync: 'none', membership: false };
    case 'records':
      return knownSpace ? { drop: false, sync: 'space', membership: false } : { drop: false, sync: 'all', membership: false };
    case 'members':
    case 'epoch':
      return knownSpace ? { drop: false, sync: 'space', membership: true } : { drop: false, sync: 'all', membership: false };
  }
}
