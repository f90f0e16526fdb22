import { describe, expect, it } from 'vitest';
import { createReadAloudPlayer, type SpeechEngine, type SpeechUtteranceLike } from '@/lib/reading/read-aloud-player';
import { splitSentences, type SpeechParagraph } from '@/lib/reading/speech-segments';
import { pickVoice } from '@/lib/reading/voices';

const TEXT = 'First one. Second one.\nNext paragraph here.\nLast.';
function paragraphsOf(text: string): SpeechParagraph[] {
  let offset = 0;
  return text.split('\n').map((line) => {
    const sentences = splitSentences(text, offset, offset + line.length);
    offset += line.length + 1;
    return { kind: 'paragraph', start: sentences[0]!.start, end: sentences.at(-1)!.end, sentences };
  });
}

/** An engine that records what it is asked to do; the test fires the utterances' events. */
function fakeEngine() {
  const spoken: SpeechUtteranceLike[] = [];
  const calls: string[] = [];
  const engine: SpeechEngine = {
    speak: (utterance) => {
      spoken.push(utterance);
      calls.push(`speak:${utterance.text}`);
    },
    cancel: () => calls.push('cancel'),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
  };
  const utterance = (text: string): SpeechUtteranceLike => ({ text, lang: '', rate: 1, voice: null, onstart: null, onend: null, onerror: null, onboundary: null });
  return { engine, spoken, calls, utterance, last: () => spoken.at(-1)! };
}

function setup(voice: string | null = 'Voice A') {
  const fake = fakeEngine();
  const marks: Array<string | null> = [];
  const states: string[] = [];
  const player = createReadAloudPlayer<string>({
    paragraphs: paragraphsOf(TEXT),
    engine: () => fake.engine,
    createUtterance: fake.utterance,
    lang: 'en-GB',
    voice,
    rate: 1.25,
    onMark: (range) => marks.push(range ? TEXT.slice(range.start, range.end) : null),
    onChange: (state) => states.push(`${state.status}@${state.paragraph}`),
  });
  return { fake, marks, states, player };
}

describe('the read-aloud player', () => {
  it('speaks sentence by sentence across paragraphs with the language, voice and rate, to the end', () => {
    const { fake, marks, player } = setup();
    player.play();
    expect(fake.last()).toMatchObject({ text: 'First one.', lang: 'en-GB', voice: 'Voice A', rate: 1.25 });
    fake.last().onstart!({});
    expect(marks.at(-1)).toBe('First one.');
    fake.last().onend!({});
    expect(fake.last().text).toBe('Second one.');
    fake.last().onend!({});
    expect(fake.last().text).toBe('Next paragraph here.');
    expect(player.state.paragraph).toBe(1);
    fake.last().onend!({});
    fake.last().onend!({});
    expect(player.state).toEqual({ status: 'stopped', paragraph: 0 });
    expect(marks.at(-1)).toBeNull();
    expect(fake.spoken.map((u) => u.text)).toEqual(['First one.', 'Second one.', 'Next paragraph here.', 'Last.']);
  });

  it('marks the word at each word boundary, with or without a reported length', () => {
    const { fake, marks, player } = setup();
    player.play();
    fake.last().onboundary!({ name: 'word', charIndex: 6, charLength: 3 });
    expect(marks.at(-1)).toBe('one');
    fake.last().onboundary!({ name: 'word', charIndex: 0 });
    expect(marks.at(-1)).toBe('First');
    // A word was reported: the start of the next utterance does not mark the whole sentence over it.
    fake.last().onstart!({});
    expect(marks.at(-1)).toBe('First');
    fake.last().onboundary!({ name: 'sentence', charIndex: 0 });
    expect(marks.at(-1)).toBe('First');
  });

  it('moves by paragraph, ignoring the cancelled utterance’s late end event', () => {
    const { fake, player } = setup();
    player.play();
    const first = fake.last();
    player.next();
    expect(fake.last().text).toBe('Next paragraph here.');
    first.onend!({});
    expect(fake.last().text).toBe('Next paragraph here.');
    player.previous();
    expect(fake.last().text).toBe('First one.');
    player.previous();
    expect(player.state.paragraph).toBe(0);
  });

  it('pauses, resumes and stops', () => {
    const { fake, states, player } = setup();
    player.toggle();
    player.toggle();
    player.toggle();
    player.stop();
    expect(fake.calls).toEqual(['cancel', 'speak:First one.', 'pause', 'resume', 'cancel']);
    expect(states).toEqual(['playing@0', 'paused@0', 'playing@0', 'stopped@0']);
  });

  it('when stopped, next/previous move the place and play starts there', () => {
    const { fake, marks, player } = setup();
    player.next();
    player.next();
    expect(marks.at(-1)).toBe('Last.');
    player.play();
    expect(fake.last().text).toBe('Last.');
  });

  it('restarts the sentence when the speed or voice changes while playing', () => {
    const { fake, player } = setup();
    player.play();
    player.setRate(2);
    expect(fake.last()).toMatchObject({ text: 'First one.', rate: 2 });
    player.setVoice('Voice B');
    expect(fake.last()).toMatchObject({ text: 'First one.', voice: 'Voice B' });
    expect(fake.spoken).toHaveLength(3);
  });

  it('stops on an engine error other than an interruption', () => {
    const { fake, player } = setup();
    player.play();
    fake.last().onerror!({ error: 'interrupted' });
    expect(player.state.status).toBe('playing');
    fake.last().onerror!({ error: 'synthesis-failed' });
    expect(player.state.status).toBe('stopped');
  });
});

describe('the default voice', () => {
  const voice = (name: string, lang: string, isDefault = false, localService = true) => ({ name, lang, default: isDefault, localService, voiceURI: name });
  const voices = [voice('English US', 'en-US', true), voice('Deutsch', 'de-DE'), voice('English UK', 'en-GB', false, false), voice('Français', 'fr-FR')];

  it('matches the article’s language, exact tag first, then the same language', () => {
    expect(pickVoice(voices, 'en-GB')?.name).toBe('English UK');
    expect(pickVoice(voices, 'de')?.name).toBe('Deutsch');
    expect(pickVoice(voices, 'fr_CA')?.name).toBe('Français');
  });

  it('falls back to the engine’s default', () => {
    expect(pickVoice(voices, 'ja')?.name).toBe('English US');
    expect(pickVoice(voices, null)?.name).toBe('English US');
    expect(pickVoice([], 'en')).toBeUndefined();
  });
});
