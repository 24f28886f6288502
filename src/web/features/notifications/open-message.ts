/**
 * The message a notification's tap sends to an open window of the app, so it moves to the screen
 * without reloading (app/pwa/register.ts listens). Its own tiny module: the app's first bundle
 * imports it.
 */
export const OPEN_MESSAGE = 'innermost:open';

export interface OpenMessage {
  type: typeof OPEN_MESSAGE;
  path: string;
}

/** A path of this app from the message, or null when the message is not ours. */
export function openPathOf(data: unknown): string | null {
  const message = data as Partial<OpenMessage> | null;
  if (message?.type !== OPEN_MESSAGE || typeof message.path !== 'string') return null;
  return message.path.startsWith('/') && !message.path.startsWith('//') ? message.path : null;
}
