/**
 * behaviourPrefs v2 → v3: adds `offlineImages` (keep saved articles' images for offline reading), on by
 * default: a saved article is meant to be readable offline, pictures included. Idempotent: a value
 * already in v3 form (an import, another device) keeps its choice.
 */
export function migrateBehaviourPrefsToV3(v2: unknown): unknown {
  if (v2 === null || typeof v2 !== 'object') return v2;
  const value = v2 as Record<string, unknown>;
  return typeof value.offlineImages === 'boolean' ? value : { ...value, offlineImages: true };
}
