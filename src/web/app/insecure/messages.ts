/**
 * The one screen shown when Innermost is opened at an address the browser does not treat as
 * secure (app/secure-context.ts). Loaded only then, so it costs the first screen nothing.
 */
import { translator, type Catalog } from '../../platform/i18n/translator.ts';

export const insecureMessages = {
  'insecure.title': 'Innermost cannot open safely at this address',
  'insecure.what':
    'Innermost locks everything on your device before it leaves it. Your browser allows that only on a secure connection, and {address} is not one: it is plain http:// at an address other than this computer.',
  'insecure.fixTitle': 'How to fix it',
  'insecure.fixProxy':
    'If you run Innermost: put it behind a reverse proxy that serves HTTPS (Caddy, nginx or Traefik, with a certificate), and open the https:// address it gives.',
  'insecure.fixLocal': 'Or, on the computer Innermost runs on, open http://localhost with its port: the browser treats this computer as secure.',
  'insecure.fixAsk': 'If someone else runs it for you, ask them for its https:// address.',
  'insecure.nothingSent': 'Nothing was sent or saved from this page.',
} as const satisfies Catalog;

export const { t } = translator(insecureMessages);
