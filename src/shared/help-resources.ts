/**
 * Crisis and abuse resources, set by whoever runs the instance (issue 16, ADR 028): a JSON file
 * named by HELP_RESOURCES_FILE, checked at boot (a bad file stops the server with a message that
 * names each problem), served to the app at /api/care and kept on the device, so the help centre
 * opens with no request. The app checks what it receives with the same schema before showing it.
 *
 * Without a file, the help centre gives emergency-number guidance and points to an international
 * helpline directory (DEFAULT_DIRECTORY).
 */
import { z } from 'zod/mini';
import { describeIssues, Id, List, Text } from './content.ts';
import { isHttpsUrl, URL_MAX_CHARS } from './https-url.ts';

export const RESOURCE_LIMITS = {
  regions: 300,
  resourcesPerRegion: 30,
  nameChars: 100,
  aboutChars: 300,
  phoneChars: 40,
  textChars: 120,
  hoursChars: 100,
  languages: 20,
  urlChars: URL_MAX_CHARS,
} as const;

const R = RESOURCE_LIMITS;

/** An https address (a phone is never asked to open a plain http page for help). */
export const HttpsUrl = z.string().check(z.maxLength(R.urlChars), z.refine(isHttpsUrl, 'must be an https:// address'));

/** Digits, spaces and the usual marks of a phone number ("+49 800 123 45 67", "(0800) 116-016"). */
const Phone = Text(R.phoneChars).check(z.regex(/^\+?[0-9][0-9 ()\-./]*[0-9]$/, 'must be a phone number (digits, spaces, + ( ) - . /)'));

export const Resource = z
  .strictObject({
    name: Text(R.nameChars),
    /** What it is for, in a sentence ("Support for anyone affected by violence at home"). */
    about: z.optional(Text(R.aboutChars)),
    phone: z.optional(Phone),
    /** How to reach it by text message ("Text HOME to 741741"). */
    text: z.optional(Text(R.textChars)),
    web: z.optional(HttpsUrl),
    hours: z.optional(Text(R.hoursChars)),
    languages: z.optional(List(Text(40), 1, R.languages)),
    /** What it helps with, to group them on the screen. */
    topics: z.optional(List(z.enum(['crisis', 'abuse', 'sexual-violence', 'mental-health', 'relationships']), 1, 5)),
  })
  .check(z.refine((r) => r.phone !== undefined || r.text !== undefined || r.web !== undefined, 'needs a phone, a text or a web address'));

export const Region = z.strictObject({
  /** Stable: a device remembers the region by it ("de", "us-ca", "uk"). */
  id: Id,
  name: Text(R.nameChars),
  /** The emergency number to call there ("112", "911"). */
  emergency: Phone,
  resources: List(Resource, 0, R.resourcesPerRegion),
});

export const HelpResources = z
  .strictObject({
    version: z.literal(1),
    regions: List(Region, 1, R.regions),
    /** Replaces the international directory shown with every region. */
    directory: z.optional(z.strictObject({ name: Text(R.nameChars), web: HttpsUrl })),
  })
  .check(
    z.superRefine((file, ctx) => {
      const seen = new Set<string>();
      file.regions.forEach((region, i) => {
        if (seen.has(region.id)) ctx.addIssue({ code: 'custom', message: `region id "${region.id}" is used twice`, path: ['regions', i, 'id'], input: region.id });
        seen.add(region.id);
      });
    }),
  );

export type Resource = z.infer<typeof Resource>;
export type Region = z.infer<typeof Region>;
export type HelpResources = z.infer<typeof HelpResources>;

/** Shown with every region, and alone when the operator set no file. */
export const DEFAULT_DIRECTORY = { name: 'Find A Helpline', web: 'https://findahelpline.com' } as const;

/** What the server sends the app (GET /api/care): the operator's resources and quick-exit address. */
export const CareSettings = z.strictObject({
  resources: z.nullable(HelpResources),
  quickExitUrl: HttpsUrl,
});
export type CareSettings = z.infer<typeof CareSettings>;

/** Parses the operator's file (text as read); returns the resources or a message naming each problem. */
export function parseHelpResources(text: string): { ok: true; resources: HelpResources } | { ok: false; problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const result = HelpResources.safeParse(data);
  if (!result.success) return { ok: false, problem: `invalid:\n${describeIssues(result.error)}` };
  return { ok: true, resources: result.data };
}

/**
 * The region to show: the one this person picked on this device if it still exists; otherwise
 * the single region when there is only one; otherwise the one matching the browser's language
 * region ("de-AT" -> "at"), else none (the person picks).
 */
export function chooseRegion(regions: readonly Region[], picked: string | null, languages: readonly string[] = []): Region | null {
  if (picked !== null) {
    const found = regions.find((r) => r.id === picked);
    if (found) return found;
  }
  if (regions.length === 1) return regions[0]!;
  for (const tag of languages) {
    const country = tag.split('-')[1]?.toLowerCase();
    if (!country) continue;
    const found = regions.find((r) => r.id === country || r.id.startsWith(`${country}-`));
    if (found) return found;
  }
  return null;
}
