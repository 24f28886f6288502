/** The comfort map and matching. The catalog API and its voice: platform/i18n/translator.ts. */
import { translator, type Catalog } from '../../platform/i18n/translator.ts';
import { comfortPlanMessages } from './plan-messages.ts';

export const comfortMessages = {
  // The plan's and the touch program's words (content's part of the feature), checked with these.
  ...comfortPlanMessages,
  'comfort.title': 'Comfort map',
  'comfort.lead':
    'Forms of closeness, from sitting near each other to sex. Mark what you would welcome. Only you see this map.',
  'comfort.private': 'Your answers are saved encrypted, for you alone. You can change them at any time.',
  'comfort.loading': 'Opening your map…',
  'comfort.yes': 'Yes',
  'comfort.maybe': 'Maybe',
  'comfort.notNow': 'Not now',
  'comfort.showGroup': 'Show this group',
  'comfort.hiddenGroup': 'Hidden. Everything here counts as not now.',
  'comfort.hideGroup': 'Hide this group for now',
  'comfort.save': 'Save my map',
  'comfort.saving': 'Saving…',
  'comfort.saved': 'Your map is saved.',
  'comfort.back': 'Back to Today',
  'comfort.matchLinks': 'Match with a partner',
  'comfort.matchIn': 'Match in {space}',

  'match.title': 'Match our maps',
  'match.lead':
    'You each keep your map to yourselves. A match shows you both only what you both marked, and nothing about anything else.',
  'match.limit':
    'One limit no app can remove: someone who marks everything “yes” will see all of your yes and maybe answers. Match with someone you trust.',
  'match.partnerLegend': 'Who to match with',
  'match.start': 'Ask to match',
  'match.starting': 'Asking…',
  'match.noPartner': 'There is nobody else in this shared place yet.',
  'match.waitUntil': 'You can match with {name} again after {time}.',
  'match.invited': '{name} would like to match your comfort maps.',
  'match.agree': 'Match now',
  'match.agreeing': 'Matching…',
  'match.decline': 'Not now',
  'match.declined': 'Not now, then. Nothing was shared.',
  'match.waitingPartner': 'Waiting for {name} to agree. Nothing is shared until you both do.',
  'match.exchanging': 'Matching with {name}…',
  'match.closed': 'This match ended without a result. Nothing was shared.',
  'match.last': 'Last match with {name}: {when}.',
  'match.resultTitle': 'What you both marked',
  'match.none': 'Nothing you both marked yet. That is fine; maps can change.',
  'match.bothYes': 'both yes',
  'match.open': 'open to it',
  'match.mapFirst': 'Mark your comfort map first.',
  'match.toMap': 'Open my comfort map',
  'match.back': 'Back to the shared place',
  'match.sectionTitle': 'Comfort map',
  'match.sectionLead': 'See only what you both would welcome.',
  'match.sectionLink': 'Match comfort maps',
  'match.notFound': 'This shared place is not here.',
  'match.nextTitle': 'From here',
  'match.toPlan': 'A gentle plan from what you both marked',
  'match.toProgram': 'The touch program, at your own pace',

  'today.askingTitle': 'Comfort map',
  'today.asking': '{name} would like to match your comfort maps. There is no hurry, and not now is always fine.',
  'today.askingLink': 'Answer {name}',
} as const satisfies Catalog;

export const { t } = translator(comfortMessages);
