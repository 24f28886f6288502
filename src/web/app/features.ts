/**
 * Every feature the app has, in the order their parts appear (on Today, on a space's screen). The
 * one list that names them all, with the record kinds in kinds.ts.
 */
import { accountFeature } from '../features/account/index.ts';
import { checkinsFeature } from '../features/checkins/index.ts';
import { libraryFeature } from '../features/library/index.ts';
import { roundsFeature } from '../features/rounds/index.ts';
import type { Feature } from '../platform/feature.ts';
import { spacesFeature } from '../spaces/index.ts';

export const FEATURES: readonly Feature[] = [accountFeature, roundsFeature, checkinsFeature, spacesFeature, libraryFeature];
