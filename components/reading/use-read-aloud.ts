import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { clearHighlights, paintHighlights } from '@/lib/reading/paint-highlights';
import { createReadAloudPlayer, type PlayerState, type ReadAloudPlayer, type SpeechEngine, type SpeechUtteranceLike } from '@/lib/reading/read-aloud-player';
import { segmentForSpeech, type SegmentOptions, type SpeechParagraph } from '@/lib/reading/speech-segments';
import { buildTextIndex } from '@/lib/reading/text-index';
import { pickVoice } from '@/lib/reading/voices';

export const SPEAKING_CLASS = 'folio-speaking';

export interface ReadAloudState extends PlayerState {
  paragraphs: SpeechParagraph[];
  voices: SpeechSynthesisVoice[];
  voiceURI: string | null;
  rate: number;
  play(): void;
  toggle(): void;
  stop(): void;
  next(): void;
  previous(): void;
  setRate(rate: number): void;
  setVoiceURI(uri: string): void;
}

export interface ReadAloudOptions extends SegmentOptions {
  lang: string | null;
  startParagraph?: number | undefined;
  onParagraph?: ((paragraph: number) => void) | undefined;
}

/** The window's engine, looked up when needed (tests replace it before pressing play). */
const synthesis = (): SpeechSynthesis | undefined => (typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis);
// The utterances it is given are real SpeechSynthesisUtterances (createUtterance below).
const engine = () => synthesis() as unknown as SpeechEngine | undefined;
const createUtterance = (text: string) => new SpeechSynthesisUtterance(text) as unknown as SpeechUtteranceLike;

/** Read-aloud over the rendered body: the player, the word mark kept in view, the voices; stops on unmount. */
export function useReadAloud(body: HTMLElement | null, contentKey: unknown, options: ReadAloudOptions): ReadAloudState {
  const { lang, includeCaptions, includeCode, startParagraph, onParagraph } = options;
  const [state, setState] = useState<PlayerState>({ status: 'stopped', paragraph: startParagraph ?? 0 });
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>([]);
  const [chosenVoiceURI, setChosenVoiceURI] = useState<string | null>(null);
  const [rate, setRate] = useState(1);
  const onParagraphRef = useRef(onParagraph);
  useEffect(() => {
    onParagraphRef.current = onParagraph;
  }, [onParagraph]);

  const paragraphs = useMemo(
    () => (body ? segmentForSpeech(buildTextIndex(body), { includeCaptions, includeCode }) : []),
    // contentKey: the body element stays while its article changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [body, contentKey, includeCaptions, includeCode],
  );

  useEffect(() => {
    const synth = synthesis();
    if (!synth?.getVoices) return;
    const load = () => setVoices(synth.getVoices());
    load();
    synth.addEventListener?.('voiceschanged', load);
    return () => synth.removeEventListener?.('voiceschanged', load);
  }, []);

  const voice = useMemo(
    () => (chosenVoiceURI ? voices.find((candidate) => candidate.voiceURI === chosenVoiceURI) : pickVoice(voices, lang)) ?? null,
    [voices, chosenVoiceURI, lang],
  );

  const [player, setPlayer] = useState<ReadAloudPlayer<SpeechSynthesisVoice> | null>(null);
  // Closing the reader stops speech at once: Preact (the overlay) runs useEffect cleanups of an
  // unmounted tree only after the next paint, and a layout effect's cleanup runs during the unmount.
  const livePlayerRef = useRef<ReadAloudPlayer<SpeechSynthesisVoice> | null>(null);
  useLayoutEffect(() => () => livePlayerRef.current?.stop(), []);
  // Where the last player was, as a text offset: a new player over the same text cut differently
  // (captions and code switched on or off) starts at the same place, not at the top.
  const placeRef = useRef<number | null>(null);
  // A new article (declared first: it runs before the player's effect): read-aloud starts at its beginning (or its saved place).
  useEffect(() => {
    placeRef.current = null;
  }, [body, contentKey]);
  useEffect(() => {
    if (!body) return;
    const place = placeRef.current;
    const samePlace = place === null ? -1 : paragraphs.findIndex((paragraph) => paragraph.end > place);
    const created = createReadAloudPlayer<SpeechSynthesisVoice>({
      paragraphs,
      engine,
      createUtterance,
      lang,
      voice: null,
      rate: 1,
      startParagraph: samePlace === -1 ? startParagraph : samePlace,
      onMark: (range) => {
        clearHighlights(body, undefined, SPEAKING_CLASS);
        if (!range) return;
        const marks = paintHighlights(body, [{ id: 'speaking', ...range, color: 'speaking', className: SPEAKING_CLASS }]).get('speaking') ?? [];
        marks[0]?.scrollIntoView?.({ block: 'nearest' });
      },
      onChange: (next) => {
        placeRef.current = paragraphs[next.paragraph]?.start ?? null;
        setState(next);
        onParagraphRef.current?.(next.paragraph);
      },
    });
    setPlayer(created);
    livePlayerRef.current = created;
    setState(created.state);
    return () => {
      created.stop();
      if (livePlayerRef.current === created) livePlayerRef.current = null;
      setPlayer(null);
    };
    // A new player only for a new text; voice and rate are passed on below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body, paragraphs, lang]);

  useEffect(() => player?.setVoice(voice), [player, voice]);
  useEffect(() => player?.setRate(rate), [player, rate]);

  return {
    ...state,
    paragraphs,
    voices,
    voiceURI: voice?.voiceURI ?? null,
    rate,
    play: () => player?.play(),
    toggle: () => player?.toggle(),
    stop: () => player?.stop(),
    next: () => player?.next(),
    previous: () => player?.previous(),
    setRate,
    setVoiceURI: setChosenVoiceURI,
  };
}
