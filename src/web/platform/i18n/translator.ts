/**
 * The one catalog API. Every room of the app (each feature, spaces, the shell, shared UI) keeps
 * its words in its own `messages.ts` and builds its `t` here, so a screen's words load with the
 * screen and the first screen carries only its own. Keys are typed per catalog, flat and dotted;
 * `{name}` placeholders are filled from params. A message with plural forms picks its form with
 * Intl.PluralRules from `params.count`, so no call site hard-codes "one" or "other".
 *
 * Voice, in every catalog: short, warm, plain words; no pressure, no guilt; "partner or
 * partners", never a gender or a number of people assumed.
 */
import { formatter, LOCALE } from './locale.ts';

/** Forms by CLDR plural category; `other` is always there (some languages need no more). */
export type PluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
export type Message = string | PluralMessage;
export type Catalog = Readonly<Record<string, Message>>;
export type Params = Record<string, string | number>;

const plurals = formatter(() => new Intl.PluralRules(LOCALE));

function fill(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The text of one message: the plural form for `params.count` where the message has forms. */
export function render(message: Message, params?: Params): string {
  if (typeof message === 'string') return fill(message, params);
  const count = Number(params?.count ?? 0);
  return fill(message[plurals().select(count)] ?? message.other, { count, ...params });
}

export interface Translator<K extends string> {
  /** Looks a message up and fills `{name}` placeholders. Unknown placeholders are left as written. */
  t(key: K, params?: Params): string;
  /** For keys made at run time (an error code, an insight id): is there such a message? */
  has(key: string): key is K;
}

export function translator<C extends Catalog>(catalog: C): Translator<Extract<keyof C, string>> {
  return {
    t: (key, params) => render(catalog[key]!, params),
    has: (key): key is Extract<keyof C, string> => Object.hasOwn(catalog, key),
  };
}
