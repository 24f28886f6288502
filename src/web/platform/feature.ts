/**
 * How a feature plugs into the app: its index declares its screens (loaded when first visited),
 * its parts of Today and its sections of a shared space's screen. The app's route table and
 * Today are built from these declarations; no feature names another.
 */
import type { ComponentType } from 'preact';

export interface FeatureRoute {
  /** A preact-iso path; `:name` segments reach the screen as props. */
  path: string;
  /**
   * 'unlocked': someone's data (the lock screen stands in while locked, the address stays).
   * 'signed-out': sign-in and its kin (once unlocked, go on to where the person was headed).
   * 'anyone': works signed out too (the lock screen stands in while locked).
   * 'always': shown signed out, locked and unlocked alike (the help centre: one step away from
   *   every screen, the lock screen included; it reads nothing of anyone's data).
   */
  access: 'unlocked' | 'signed-out' | 'anyone' | 'always';
  // Screens take their own route params; `any` is the one place they meet the router.
  screen: Load<any>;
}

/** Code that loads when first needed: a screen, a part of Today, a section of a space's screen. */
export type Load<P = object> = () => Promise<{ default: ComponentType<P> }>;

/**
 * A part of Today. 'first' parts load with Today (it shows once they all have), in the order the
 * app lists its features; 'last' parts load after Today has shown and come below everything else,
 * all in the same frame once each has loaded and said it is ready, so neither arrives above
 * another already on screen (a control moving from under a finger).
 */
export interface TodayPart {
  place: 'first' | 'last';
  load: () => Promise<TodayPartModule>;
}

export interface TodayPartModule {
  default: ComponentType;
  /** Resolves once the part has what it shows (its store read), so it appears whole. */
  ready?: () => Promise<unknown>;
}

export interface Feature {
  routes: readonly FeatureRoute[];
  today?: readonly TodayPart[];
  /** Sections of a shared space's screen, for a member who has been admitted (they load with it). */
  spaceSections?: readonly Load<{ spaceId: string }>[];
}
