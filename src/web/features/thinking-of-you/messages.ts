/**
 * "Thinking of you": a one-tap notice and a few kind replies.
 * The catalog API and its voice: platform/i18n/translator.ts.
 */
import { translator, type Catalog } from '../../platform/i18n/translator.ts';
import type { ReplyId } from './kinds.ts';

export const thinkingMessages = {
  'thinking.title': 'Thinking of you',
  'thinking.intro': 'One tap lets someone know they are on your mind. It carries no words and asks nothing of them.',
  'thinking.send': 'Thinking of {name}',
  'thinking.sendAll': 'Thinking of everyone here',
  'thinking.inSpace': 'In {space}',
  'thinking.sent': 'Sent. {name} will see it next time they open Innermost.',
  'thinking.sentAll': 'Sent. Everyone here will see it next time they open Innermost.',
  'thinking.incomingTitle': '{name} is thinking of you',
  'thinking.incomingAll': '{name} is thinking of everyone in {space}, you too.',
  'thinking.replyPrompt': 'Send something back, if you like. Nothing is expected.',
  'thinking.repliesLabel': 'Kind replies to {name}',
  'thinking.close': 'Close',
  'thinking.closeHint': 'Closing sends nothing.',
  'thinking.replySent': 'Sent to {name}: {reply}',
  'thinking.replyTitle': '{name} replied',
  'thinking.replyLine': '{name} replied: {reply}',
  'thinking.live': '{name} is thinking of you.',
  'reply.thinking-of-you-too': 'Thinking of you too',
  'reply.made-me-smile': 'That made me smile',
  'reply.sending-a-hug': 'Sending a hug',
  'reply.cant-talk-now': 'Can’t talk now, but thank you',
} as const satisfies Catalog;

export const { t } = translator(thinkingMessages);

/** The words of a reply. */
export function replyText(id: ReplyId): string {
  return t(`reply.${id}`);
}
