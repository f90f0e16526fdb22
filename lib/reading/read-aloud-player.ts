/**
 * Read-aloud over speech segments, independent of React and of the real engine (both injected):
 * one utterance per sentence, the next one started when the last ends; previous/next by paragraph;
 * pause/resume; a change of speed or voice restarts the current sentence so it is heard at once.
 * It reports what to mark: the word at each word boundary, or the whole sentence when the engine
 * sends none. Late events of a cancelled utterance are ignored (engines send them after cancel()).
 */
import { wordAt, type SpeechParagraph } from './speech-segments';

export interface SpeechEngine {
  speak(utterance: SpeechUtteranceLike): void;
  cancel(): void;
  pause(): void;
  resume(): void;
}

/** The parts of SpeechSynthesisUtterance the player sets and listens to. */
export interface SpeechUtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: unknown;
  onstart: ((event: unknown) => void) | null;
  onend: ((event: unknown) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onboundary: ((event: { name: string; charIndex: number; charLength?: number }) => void) | null;
}

export type PlayerStatus = 'stopped' | 'playing' | 'paused';

export interface PlayerState {
  status: PlayerStatus;
  paragraph: number;
}

export interface ReadAloudPlayerOptions<Voice> {
  paragraphs: SpeechParagraph[];
  engine: () => SpeechEngine | undefined;
  createUtterance: (text: string) => SpeechUtteranceLike;
  lang: string | null;
  voice: Voice | null;
  rate: number;
  startParagraph?: number;
  /** Mark [start, end) of the article text as being spoken, or clear the mark (null). */
  onMark: (range: { start: number; end: number } | null) => void;
  onChange: (state: PlayerState) => void;
}

export interface ReadAloudPlayer<Voice> {
  play(): void;
  pause(): void;
  toggle(): void;
  stop(): void;
  next(): void;
  previous(): void;
  setRate(rate: number): void;
  setVoice(voice: Voice | null): void;
  readonly state: PlayerState;
}

export function createReadAloudPlayer<Voice>(options: ReadAloudPlayerOptions<Voice>): ReadAloudPlayer<Voice> {
  const { paragraphs, engine, createUtterance, lang, onMark, onChange } = options;
  let { rate, voice } = options;
  let status: PlayerStatus = 'stopped';
  let paragraph = Math.min(Math.max(0, options.startParagraph ?? 0), Math.max(0, paragraphs.length - 1));
  let sentence = 0;
  let token = 0;

  const report = (next: PlayerStatus) => {
    status = next;
    onChange({ status, paragraph });
  };

  function speak(paragraphIndex: number, sentenceIndex: number): void {
    const synth = engine();
    token += 1;
    const mine = token;
    synth?.cancel();
    const target = paragraphs[paragraphIndex];
    const current = target?.sentences[sentenceIndex];
    if (!synth || !target || !current) {
      // The end of the article (or no engine): the next play starts from the top.
      onMark(null);
      if (!target) {
        paragraph = 0;
        sentence = 0;
      }
      report('stopped');
      return;
    }
    paragraph = paragraphIndex;
    sentence = sentenceIndex;
    const utterance = createUtterance(current.text);
    if (lang) utterance.lang = lang;
    if (voice) utterance.voice = voice;
    utterance.rate = rate;
    let sawWord = false;
    utterance.onstart = () => {
      if (mine === token && !sawWord) onMark({ start: current.start, end: current.end });
    };
    utterance.onboundary = (event) => {
      if (mine !== token || event.name !== 'word') return;
      sawWord = true;
      const start = current.start + event.charIndex;
      const end = event.charLength ? start + event.charLength : current.start + wordAt(current.text, event.charIndex).end;
      onMark({ start, end: Math.min(end, current.end) });
    };
    utterance.onend = () => {
      if (mine !== token) return;
      const more = sentenceIndex + 1 < target.sentences.length;
      speak(more ? paragraphIndex : paragraphIndex + 1, more ? sentenceIndex + 1 : 0);
    };
    utterance.onerror = (event) => {
      if (mine !== token || event.error === 'interrupted' || event.error === 'canceled') return;
      token += 1;
      onMark(null);
      report('stopped');
    };
    synth.speak(utterance);
    report('playing');
  }

  const player: ReadAloudPlayer<Voice> = {
    get state() {
      return { status, paragraph };
    },
    play() {
      if (status === 'playing') return;
      if (status === 'paused') {
        // Resume where it paused; restarting the sentence is the fallback engines need after a long pause.
        const synth = engine();
        if (synth) {
          synth.resume();
          report('playing');
          return;
        }
      }
      speak(paragraph, status === 'paused' ? sentence : 0);
    },
    pause() {
      if (status !== 'playing') return;
      engine()?.pause();
      report('paused');
    },
    toggle() {
      if (status === 'playing') player.pause();
      else player.play();
    },
    stop() {
      token += 1;
      engine()?.cancel();
      onMark(null);
      report('stopped');
    },
    next() {
      move(1);
    },
    previous() {
      move(-1);
    },
    setRate(value) {
      rate = value;
      if (status === 'playing') speak(paragraph, sentence);
    },
    setVoice(value) {
      voice = value;
      if (status === 'playing') speak(paragraph, sentence);
    },
  };

  function move(delta: number): void {
    const to = Math.min(Math.max(0, paragraph + delta), Math.max(0, paragraphs.length - 1));
    if (status === 'playing') {
      speak(to, 0);
      return;
    }
    // Paused or stopped: move the place (and show it); playing starts there.
    if (status === 'paused') {
      token += 1;
      engine()?.cancel();
      status = 'stopped';
    }
    paragraph = to;
    sentence = 0;
    const target = paragraphs[to];
    onMark(target ? { start: target.start, end: target.end } : null);
    onChange({ status, paragraph });
  }

  return player;
}
