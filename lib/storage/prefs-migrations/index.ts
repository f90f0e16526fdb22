import { migrateBehaviourPrefsToV2 } from './behaviour-prefs-v2';
import { migrateBehaviourPrefsToV3 } from './behaviour-prefs-v3';

type Migrations = Record<number, (oldValue: unknown) => unknown>;

/**
 * Every stored preference item's current version and the steps that lead to it, one file a step.
 * A test checks each item's version is its highest step, so a new step cannot be forgotten.
 */
export const PREF_MIGRATIONS = {
  readerPrefs: { version: 1, migrations: {} as Migrations },
  behaviourPrefs: { version: 3, migrations: { 2: migrateBehaviourPrefsToV2, 3: migrateBehaviourPrefsToV3 } as Migrations },
  siteRules: { version: 1, migrations: {} as Migrations },
  customCss: { version: 1, migrations: {} as Migrations },
} as const;
