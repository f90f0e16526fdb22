/**
 * behaviourPrefs v1 → v2: adds `showShortcuts` (the reader's toolbar shows Esc and Alt+Shift+R), on by
 * default so people who upgrade learn the shortcut. Idempotent: a value already in v2 form (written by
 * an import or another device) keeps its choice.
 */
export function migrateBehaviourPrefsToV2(v1: unknown): unknown {
  if (v1 === null || typeof v1 !== 'object') return v1;
  const value = v1 as Record<string, unknown>;
  return typeof value.showShortcuts === 'boolean' ? value : { ...value, showShortcuts: true };
}
