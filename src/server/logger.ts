/**
 * pino JSON logs. What may appear in a line is decided where lines are written (method, route
 * pattern, status, duration, error names and messages); as a second layer, any field whose name
 * suggests a secret is redacted should one ever be passed by mistake.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

const REDACT_PATHS = [
  'email',
  '*.email',
  'token',
  '*.token',
  'cookie',
  '*.cookie',
  'headers',
  '*.headers',
  'body',
  '*.body',
  'loginKey',
  '*.loginKey',
  'ciphertext',
  '*.ciphertext',
  'url',
  '*.url',
  // Web Push: a subscription's endpoint and keys are capabilities, a payload is the message.
  'endpoint',
  '*.endpoint',
  'keys',
  '*.keys',
  'p256dh',
  '*.p256dh',
  'auth',
  '*.auth',
  'payload',
  '*.payload',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'innermost' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
