/**
 * The default read-aloud voice: one matching the article's language (exact tag first, then the same
 * primary language), preferring the engine's default and local voices; otherwise the engine's default.
 */
export interface VoiceLike {
  lang: string;
  default: boolean;
  localService: boolean;
  voiceURI: string;
  name: string;
}

export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: string | null): V | undefined {
  const fallback = voices.find((voice) => voice.default) ?? voices[0];
  if (!lang) return fallback;
  const wanted = lang.toLowerCase().replace('_', '-');
  const primary = wanted.split('-')[0];
  const rank = (voice: V) => {
    const tag = voice.lang.toLowerCase().replace('_', '-');
    const match = tag === wanted ? 2 : tag.split('-')[0] === primary ? 1 : 0;
    return match * 4 + (voice.default ? 2 : 0) + (voice.localService ? 1 : 0);
  };
  const best = [...voices].sort((a, b) => rank(b) - rank(a))[0];
  return best && rank(best) >= 4 ? best : fallback;
}
