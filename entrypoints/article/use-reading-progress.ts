import { useEffect } from 'react';
import { libraryDb } from '@/lib/storage/db';
import { setProgress } from '@/lib/storage/library-repo';
import type { ReadingProgress } from '@/lib/storage/schema';

/** Within this many pixels of the bottom counts as having read to the end. */
const END_SLACK_PX = 48;
const SAVE_EVERY_MS = 800;

/**
 * Resumes where the reader left (scroll offset, else the percentage when the layout changed), records
 * progress while scrolling, and marks the article read once its end is reached.
 */
export function useReadingProgress(id: string, initial: ReadingProgress | null, onChange: (percent: number, finished: boolean) => void): void {
  useEffect(() => {
    if (!initial) return;
    const scroller = document.querySelector<HTMLElement>('.folio-reader');
    if (!scroller) return;
    const max = () => Math.max(1, scroller.scrollHeight - scroller.clientHeight);
    requestAnimationFrame(() => {
      const byPercent = (initial.percent / 100) * max();
      scroller.scrollTop = initial.scrollY <= max() ? initial.scrollY : byPercent;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finishedOnce = false;
    const record = () => {
      const percent = Math.round((scroller.scrollTop / max()) * 1000) / 10;
      const finished = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - END_SLACK_PX;
      onChange(percent, finished);
      if (finished && !finishedOnce) finishedOnce = true;
      void setProgress(libraryDb(), id, { percent: finished ? 100 : percent, scrollY: scroller.scrollTop, finished });
    };
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(record, SAVE_EVERY_MS);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const onHide = () => document.visibilityState === 'hidden' && record();
    document.addEventListener('visibilitychange', onHide);
    return () => {
      clearTimeout(timer);
      scroller.removeEventListener('scroll', onScroll);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [id, initial, onChange]);
}
