/**
 * Check-ins, the closeness lines, insights and check-in choices.
 * The catalog API and its voice: platform/i18n/translator.ts.
 */
import { translator, type Catalog } from '../../platform/i18n/translator.ts';
import { uiMessages } from '../../ui/messages.ts';

export const checkinsMessages = {
  'checkin.title': 'Check in',
  'checkin.lead':
    'How close do you feel right now? There are no right or wrong answers, and it takes a few seconds.',
  'checkin.firstTitle': 'Before your first check-in',
  'checkin.firstBody':
    'Your check-ins are yours. Until you choose otherwise, only you see them. You can share your two closeness scores with the partners in a shared place; your notes stay private unless you share one on its own.',
  'checkin.whoOnlyYou': 'Only you will see this check-in.',
  'checkin.whoShared':
    'Your two closeness scores will also go to {spaces}. Energy, pain and stress stay with you.',
  'checkin.whoChange': 'Choose what partners see',
  'checkin.emotional': 'How emotionally close do I feel?',
  'checkin.physical': 'How physically close do I feel?',
  'checkin.energy': 'Energy',
  'checkin.pain': 'Pain or fatigue',
  'checkin.stress': 'Stress',
  'checkin.missing': 'Please choose a number from 0 to 10.',
  'checkin.clear': 'Leave {scale} out',
  'checkin.slider.unset': 'Not chosen yet',
  'checkin.slider.hint': 'Not chosen yet: tap or slide',
  'checkin.slider.value': '{value} out of {max}, {word}',
  'checkin.slider.between': 'between {a} and {b}',
  'checkin.emotional.low': 'far apart',
  'checkin.emotional.mid': 'somewhat close',
  'checkin.emotional.high': 'very close',
  'checkin.physical.low': 'far apart',
  'checkin.physical.mid': 'somewhat close',
  'checkin.physical.high': 'very close',
  'checkin.energy.low': 'running on empty',
  'checkin.energy.mid': 'some energy',
  'checkin.energy.high': 'full of energy',
  'checkin.pain.low': 'none',
  'checkin.pain.mid': 'noticeable',
  'checkin.pain.high': 'very strong',
  'checkin.stress.low': 'calm',
  'checkin.stress.mid': 'some stress',
  'checkin.stress.high': 'very stressed',
  'checkin.healthHint':
    'Living with an illness or recovering? You can add energy and pain or fatigue to your check-ins.',
  'checkin.healthTurnOn': 'Add energy and pain or fatigue',
  'checkin.more': 'Add stress or a private note',
  'checkin.note': 'A private note (optional)',
  'checkin.noteHint': 'Only you can read it.',
  'checkin.noteTooLong': 'Please keep the note under {max} characters.',
  'checkin.shareNote': 'Share this note too, with the partners who see my scores',
  'checkin.save': 'Save check-in',
  'checkin.saving': 'Saving…',
  'checkin.saved': 'Check-in saved.',
  'checkin.savedOffline': 'Check-in saved on this device. It will be sent when you are back online.',
  'checkin.seeLines': 'See your lines',
  'closeness.title': 'Closeness over time',
  'closeness.lead':
    'Two lines: how emotionally and how physically close you have felt. Physical closeness often follows emotional closeness, in its own time.',
  'closeness.checkIn': 'Check in',
  'closeness.you': 'You',
  'closeness.empty':
    'Your lines begin with your first check-in. Check in whenever you like; once a day is plenty.',
  'closeness.range': 'Show',
  'closeness.range.7': '7 days',
  'closeness.range.30': '30 days',
  'closeness.range.90': '90 days',
  'closeness.range.365': 'A year',
  'closeness.compare': 'Beside my lines',
  'closeness.compareNobody': 'Only my lines',
  'closeness.noPartners':
    'When a partner shares their check-ins with you, their lines can appear here beside yours. Sharing is always their choice.',
  'closeness.showHealth': 'Show energy, pain or fatigue and stress',
  'closeness.showTrend': 'Show the weekly average',
  'closeness.justSaved': 'Saved. Today’s point is ringed, on the right.',
  'closeness.insightsTitle': 'What we notice',
  'closeness.insightsNone':
    'Nothing stands out right now. Notes appear here when a pattern shows over a week or more, always with the numbers behind them.',
  'closeness.insightsPrivate':
    'Worked out on this device from your check-ins and what partners share. Never sent anywhere.',
  'closeness.why': 'What this is based on',
  'closeness.exportTitle': 'Your check-ins, yours to keep',
  'closeness.exportBody':
    'Download every check-in you have made as a spreadsheet file (CSV), notes included. Keep it somewhere private.',
  'closeness.export': 'Download my check-ins (CSV)',
  'closeness.exported': 'Your check-ins are downloading.',
  'closeness.settingsLink': 'Choose what partners see',
  'closeness.loading': 'Opening your check-ins…',
  'closeness.today': 'You checked in today. You can check in again; the last one of the day counts.',
  'closeness.partnerNote': '{name} shared a note on {date}: “{note}”',
  'closeness.sharedNotesTitle': 'Notes partners shared',
  'insight.physical-rising-emotional-flat.title':
    'Physical closeness is growing faster than emotional closeness',
  'insight.physical-rising-emotional-flat.body':
    'Over the last {windowDays} days your physical closeness rose by about {physicalChange} points, while emotional closeness changed by {emotionalChange}. Closeness often lasts longer when both grow together: a few minutes of talking about how each of you is really doing can help.',
  'insight.emotional-rising-physical-flat.title': 'Emotional closeness is growing',
  'insight.emotional-rising-physical-flat.body':
    'Over the last {windowDays} days your emotional closeness rose by about {emotionalChange} points, while physical closeness changed by {physicalChange}. That is a common order: physical closeness often follows in its own time. There is no hurry.',
  'insight.shared-dip.title': 'A dip you share',
  'insight.shared-dip.body':
    'On {days} of the last {windowDays} days, you and {partner} both felt less {line} closeness than usual (you: about {myRecent} against your usual {myUsual}; {partner}: about {partnerRecent} against {partnerUsual}). Hard stretches happen to everyone. It may help to name it together, kindly, without looking for fault.',
  'insight.shared-dip.line.emotional': 'emotional',
  'insight.shared-dip.line.physical': 'physical',
  'insight.drifting-apart.title': 'Your emotional lines are moving apart',
  'insight.drifting-apart.body':
    'Over the last {windowDays} days, on the {days} days you and {partner} both checked in, the gap between how emotionally close each of you felt grew from about {gapBefore} to {gapNow} points. You may be having quite different experiences right now. A gentle question such as “How has this week felt for you?” can open a conversation.',
  'insight.low-energy-week.title': 'A low-energy week',
  'insight.low-energy-week.body':
    'Your energy averaged {averageEnergy} out of 10 over your last {readings} check-ins this week. Closeness does not need energy: sitting together, holding hands, a short message or listening to music side by side all count.',
  'insight.persistent-low.title': 'It has felt hard for a while',
  'insight.persistent-low.body':
    'On {lowReadings} of your {readings} check-ins over the last {windowDays} days, both emotional and physical closeness were at {lowAtMost} or below. You do not have to carry this alone.',
  'insight.persistent-low.help':
    'Innermost is not therapy. Talking with a professional can help a great deal: a couples counsellor or therapist for how you are together, a sex therapist for physical intimacy, and your doctor or care team when illness, pain, medication or treatment play a part. If you ever feel unsafe, or in crisis, please contact local emergency services or a crisis line right away.',
  'insight.basis': 'Based on your check-ins over the last {windowDays} days.',
  'insight.basisPartner':
    'Based on your check-ins and those {partner} shares with you, over the last {windowDays} days.',
  'insight.rule': 'How this is noticed',
  'insight.rule.physical-rising-emotional-flat':
    'It shows when, over two weeks with at least {minReadings} check-ins, a line through your physical scores rises by about two points or more while a line through your emotional scores stays flat or falls.',
  'insight.rule.emotional-rising-physical-flat':
    'It shows when, over two weeks with at least {minReadings} check-ins, a line through your emotional scores rises by about two points or more while a line through your physical scores stays flat or falls.',
  'insight.rule.shared-dip':
    'It shows when, on at least three of the last five days, you and a partner were both two points or more below your own usual (the middle value of the month before).',
  'insight.rule.drifting-apart':
    'It shows when, over three weeks with at least six days you both checked in, the gap between your emotional scores grows by about three points or more.',
  'insight.rule.low-energy-week':
    'It shows when your energy averages 3 or less over at least four check-ins in a week.',
  'insight.rule.persistent-low':
    'It shows when, over two weeks with at least eight check-ins, both lines are at 3 or below on most of them.',
  'change.title': 'What changed',
  'change.tooFew':
    'Once you have checked in about {min} times in each of two fortnights, a few words here will say how your closeness has changed. There is no hurry.',
  'change.both.rose': 'Over the last two weeks, both your emotional and your physical closeness rose.',
  'change.both.fell': 'Over the last two weeks, both your emotional and your physical closeness fell.',
  'change.both.same':
    'Over the last two weeks, your emotional and your physical closeness stayed about the same as the two weeks before.',
  'change.mixed': 'Over the last two weeks your emotional closeness {emotional}; physical closeness {physical}.',
  'change.verb.rose': 'rose',
  'change.verb.fell': 'fell',
  'change.verb.same': 'stayed about the same',
  'change.numbers':
    'Your averages, the two weeks before and the last two weeks: emotional {emotionalBefore} and {emotionalRecent}, physical {physicalBefore} and {physicalRecent} (out of 10).',
  'change.basis': 'A change of a whole point or more counts as rising or falling; less is the usual ups and downs.',
  'checkinSettings.title': 'Your check-in choices',
  'checkinSettings.lead':
    'Choose, for each shared place, whether its partners see your emotional and physical closeness scores. Energy, pain and stress are never shared. Notes stay private unless you share a particular one when you write it.',
  'checkinSettings.default': 'Until you choose, nothing is shared.',
  'checkinSettings.shareLegend': 'Share my closeness scores',
  'checkinSettings.shareIn': 'In {space}',
  'checkinSettings.noSpaces': 'You have no shared places yet, so your check-ins stay with you.',
  'checkinSettings.stopNote':
    'Turning sharing off stops new check-ins from being shared. You can also take back the ones you already shared.',
  'checkinSettings.removeShared': 'Also remove the check-ins I already shared there',
  'checkinSettings.removeSharedHint':
    'They are deleted from the server now, and from your partners’ devices the next time they connect. Someone who already saw them may remember them.',
  'checkinSettings.healthLegend': 'Health',
  'checkinSettings.health': 'Add energy and pain or fatigue to my check-ins',
  'checkinSettings.healthHint': 'For illness, treatment or recovery. These stay with you.',
  'checkinSettings.save': 'Save my choices',
  'checkinSettings.saving': 'Saving…',
  'checkinSettings.saved': 'Your check-in choices are saved.',
  'checkinSettings.back': 'Back to your lines',
  'home.checkinTitle': 'How close do you feel today?',
  'home.checkinBody': 'A check-in takes a few seconds. Whenever you like; there is no streak to keep.',
  'home.checkinDone': 'You checked in today.',
  'home.partnerCheckedIn': '{name} checked in today',
  'home.partnerScores': 'Emotional closeness {emotional}, physical closeness {physical}, out of 10.',
  'home.partnerNote': '{name} shared a note: “{note}”',
  'home.partnerLines': 'See {name}’s lines beside yours',
  'chart.line.emotional': 'Emotional closeness',
  'chart.line.physical': 'Physical closeness',
  'chart.line.energy': 'Energy',
  'chart.line.pain': 'Pain or fatigue',
  'chart.line.stress': 'Stress',
  'chart.alt':
    'A chart of emotional and physical closeness over the last {days} days. The words below say what it shows.',
  'chart.altHealth':
    'A chart of emotional and physical closeness over the last {days} days, with your energy, pain or fatigue and stress. The words below say what it shows.',
  'chart.failed': 'The picture could not be drawn just now. The words and numbers below show the same.',
  'chart.legend.label': 'How to read the chart',
  'chart.legend.me': '{name}: round markers',
  'chart.legend.partner': '{name}: {shape} markers',
  'chart.shape.square': 'square',
  'chart.shape.diamond': 'diamond',
  'chart.shape.triangle': 'triangle',
  'chart.legend.emotional': 'Solid line, filled markers: emotional closeness',
  'chart.legend.physical': 'Dashed line, hollow markers: physical closeness',
  'chart.legend.energy': 'Thin dotted line: your energy',
  'chart.legend.pain': 'Thin dash-dot line: your pain or fatigue',
  'chart.legend.stress': 'Thin long dashes: your stress',
  'chart.legend.gaps':
    'Where a day has no check-in, the line goes on lighter and dotted: that stretch is not a reading. Every scale runs from 0 to 10; for closeness, higher is closer.',
  'chart.legend.weekly': 'Wide pale line: the 7-day average',
  'chart.legend.today': 'Ringed point: today',
  'chart.summary.range': 'The last {days} days, {from} to {to}.',
  'chart.summary.who': '{name}:',
  'chart.summary.days': '{count} of {total} days had a check-in.',
  'chart.summary.noneMe': 'No check-ins from you in these days.',
  'chart.summary.nonePartner': 'No check-ins shared by {name} in these days.',
  'chart.summary.bridged': {
    one: 'The lines go on across 1 day without a check-in, drawn lighter and dotted.',
    other: 'The lines go on across {count} days without a check-in, drawn lighter and dotted.',
  },
  'chart.summary.line': '{line}: {details}',
  'chart.summary.notNoted': 'not noted in these days.',
  'chart.summary.noted': 'noted on {count} of {total} days;',
  'chart.summary.latest': 'most recently {value} out of 10 ({word}), on {date}.',
  'chart.summary.average': 'Average {average}.',
  'chart.summary.rising': 'Rising over these days.',
  'chart.summary.steady': 'Steady over these days.',
  'chart.summary.falling': 'Falling over these days.',
  'chart.summary.unclear': 'Not enough check-ins yet to see a direction.',
  'chart.table.show': 'Show the numbers as a table',
  'chart.table.caption': 'Check-ins from {from} to {to}, newest first. Days without a check-in are left out.',
  'chart.table.day': 'Day',
  'chart.table.column': '{who}: {line}',
  'chart.table.weeklyColumn': '{who}: {line}, 7-day average',
  'chart.table.none': 'no check-in',
  'chart.table.empty': 'No check-ins in these days yet.',
} as const satisfies Catalog;

const catalog = { ...uiMessages, ...checkinsMessages };
export type MessageKey = Extract<keyof typeof catalog, string>;
export const { t, has } = translator(catalog);
