/** "Your data": the copy to read, the encrypted copy, and bringing one in (features/export). */
import type { Download, Locator } from 'playwright-core';
import { PageModel, text } from './base.ts';
import { SettingsPage } from './settings-page.ts';

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export class YourDataPage extends PageModel {
  /** From Account, by its link, as a person gets there. */
  async openFromAccount(): Promise<void> {
    const settings = new SettingsPage(this.page);
    await settings.goto();
    await this.link('settings.dataLink').tap();
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading(text('data.title')).waitFor();
  }

  section(key: 'data.readableTitle' | 'data.encryptedTitle' | 'data.importTitle'): Locator {
    return this.page.getByRole('region', { name: text(key), exact: true });
  }

  /** Taps "Download a copy to read"; the zip's name and bytes. */
  async downloadReadable(): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 60_000 }), this.button('data.readableButton').tap()]);
    return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
  }

  /** Types the passphrase twice and taps "Download an encrypted copy". */
  async downloadEncrypted(passphrase: string): Promise<{ name: string; bytes: Buffer }> {
    const section = this.section('data.encryptedTitle');
    await section.getByLabel(text('data.passphrase'), { exact: true }).fill(passphrase);
    await section.getByLabel(text('data.passphraseAgain'), { exact: true }).fill(passphrase);
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 60_000 }), this.button('data.encryptedButton').tap()]);
    return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
  }

  /** Chooses the file, gives its passphrase and taps "Open the copy". */
  async open(file: { name: string; bytes: Buffer }, passphrase: string): Promise<void> {
    const section = this.section('data.importTitle');
    await section.getByLabel(text('data.file'), { exact: true }).setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
    await section.getByLabel(text('data.importPassphrase'), { exact: true }).fill(passphrase);
    await this.button('data.open').tap();
  }

  previewHeading(): Locator {
    return this.page.getByRole('heading', { level: 3, name: text('data.previewTitle'), exact: true });
  }

  /** The preview's lines "Check-ins: 2", each list in order. */
  async previewCounts(): Promise<string[][]> {
    return this.page.locator('.import-counts').evaluateAll((lists) => lists.map((l) => [...l.querySelectorAll('li')].map((li) => (li.textContent ?? '').trim())));
  }
}
