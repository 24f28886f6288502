/**
 * The operator's help settings as this device kept them, checked with their schema each time
 * they are read or received (the device shows only what fits it: https links, phone numbers), and
 * the region picked here, which never leaves the device (not even in the encrypted data: someone
 * reading over a shoulder in a shared place learns nothing, and a partner sees nothing).
 */
import { signal } from '@preact/signals';
import { CareSettings } from '../../../shared/help-resources.ts';
import { keep, readKept, SETTINGS_KEY } from './device-care.ts';

const REGION_KEY = 'innermost.help-region';

function parseSettings(raw: string | null): CareSettings | null {
  if (raw === null) return null;
  try {
    const parsed = CareSettings.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The operator's settings as last fetched (null: never fetched on this device; defaults apply). */
export const careSettings = signal<CareSettings | null>(parseSettings(readKept(SETTINGS_KEY)));
/** The region picked on this device, by id. */
export const pickedRegion = signal<string | null>(readKept(REGION_KEY));

export function pickRegion(id: string | null): void {
  keep(REGION_KEY, id);
  pickedRegion.value = id;
}

/** Keeps what the server sent when it fits the schema; anything else changes nothing. */
export function keepSettings(body: unknown): void {
  const parsed = CareSettings.safeParse(body);
  if (!parsed.success) return;
  keep(SETTINGS_KEY, JSON.stringify(parsed.data));
  careSettings.value = parsed.data;
}
