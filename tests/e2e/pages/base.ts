/**
 * Page models for the end-to-end tests. They find things only by role and accessible name (the
 * way people using assistive technology do), with names taken from the message catalog, so a
 * wording change cannot silently break a test and a missing label breaks one loudly.
 */
import type { Locator, Page } from 'playwright-core';
import { allMessages, text, type AnyMessageKey as MessageKey } from '../../support/messages.ts';

export { text };

/** A RegExp matching a catalog message whose `{params}` can be anything. */
export function pattern(key: MessageKey): RegExp {
  const message = allMessages[key];
  const escaped = (typeof message === 'string' ? message : message.other).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+');
  return new RegExp(`^${escaped}$`);
}

export abstract class PageModel {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  button(key: MessageKey, params?: Record<string, string | number>): Locator {
    return this.page.getByRole('button', { name: text(key, params), exact: true });
  }

  link(key: MessageKey, params?: Record<string, string | number>): Locator {
    return this.page.getByRole('link', { name: text(key, params), exact: true });
  }

  field(key: MessageKey, params?: Record<string, string | number>): Locator {
    return this.page.getByLabel(text(key, params), { exact: true });
  }

  /** The first error shown by the screen (an inline alert), in the catalog's words. */
  alert(): Locator {
    return this.page.getByRole('alert').first();
  }

  /** A polite status message ("Saved", "Alex joined", …) as the live region says it. */
  announcement(message: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: message }).first();
  }

  /** Text as read aloud: what is inside, minus decorations hidden from assistive tech. */
  async spokenTexts(items: Locator): Promise<string[]> {
    return items.evaluateAll((els) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    );
  }

  /** The accessible description of a control (its hint, guidance and error, as read aloud). */
  async description(control: Locator): Promise<string> {
    return control.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
}

/** The header navigation: Today, Account, Lock (a bottom bar on phones). */
export class AppNav extends PageModel {
  get nav(): Locator {
    return this.page.getByRole('navigation', { name: text('nav.label') });
  }
  async today(): Promise<void> {
    await this.nav.getByRole('link', { name: text('nav.today'), exact: true }).click();
  }
  async account(): Promise<void> {
    await this.nav.getByRole('link', { name: text('nav.account'), exact: true }).click();
  }
  /** Lock sits in the header, apart from the places in the navigation. */
  async lock(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: text('nav.lock'), exact: true }).click();
  }
}
