/**
 * Every feature the app has, in the order their parts appear (on Today, on a space's screen). The
 * one list that names them all, with the record kinds in kinds.ts.
 */
import { accountFeature } from '../features/account/index.ts';
import { careFeature } from '../features/care/index.ts';
import { checkinsFeature } from '../features/checkins/index.ts';
import { comfortFeature } from '../features/comfort/index.ts';
import { exportFeature } from '../features/export/index.ts';
import { libraryFeature } from '../features/library/index.ts';
import { listeningFeature } from '../features/listening/index.ts';
import { notificationsFeature } from '../features/notifications/index.ts';
import { plansFeature } from '../features/plans/index.ts';
import { roundsFeature } from '../features/rounds/index.ts';
import { thinkingFeature } from '../features/thinking-of-you/index.ts';
import type { Feature } from '../platform/feature.ts';
import { spacesFeature } from '../spaces/index.ts';

export const FEATURES: readonly Feature[] = [accountFeature, thinkingFeature, listeningFeature, roundsFeature, checkinsFeature, spacesFeature, comfortFeature, libraryFeature, plansFeature, notificationsFeature, careFeature, exportFeature];
