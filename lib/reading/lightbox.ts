/**
 * The image lightbox's state: which of the article's images is shown and how far it is zoomed.
 * Moving to another image starts it unzoomed; the ends do not wrap (the first image has no previous).
 */

export interface LightboxState {
  index: number;
  count: number;
  /** 1 = fitted to the window. */
  zoom: number;
}

export const ZOOM = { min: 1, max: 4, step: 0.5 } as const;
/** Double click toggles between fitted and this. */
export const DOUBLE_CLICK_ZOOM = 2;

export type LightboxAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'zoom-in' }
  | { type: 'zoom-out' }
  | { type: 'reset-zoom' }
  | { type: 'toggle-zoom' };

export function openLightbox(index: number, count: number): LightboxState {
  return { index: Math.min(Math.max(0, index), Math.max(0, count - 1)), count, zoom: ZOOM.min };
}

function clampZoom(zoom: number): number {
  return Math.min(ZOOM.max, Math.max(ZOOM.min, Math.round(zoom * 100) / 100));
}

function show(state: LightboxState, index: number): LightboxState {
  const at = Math.min(Math.max(0, index), state.count - 1);
  return at === state.index ? state : { ...state, index: at, zoom: ZOOM.min };
}

export function lightboxReducer(state: LightboxState, action: LightboxAction): LightboxState {
  switch (action.type) {
    case 'next':
      return show(state, state.index + 1);
    case 'previous':
      return show(state, state.index - 1);
    case 'first':
      return show(state, 0);
    case 'last':
      return show(state, state.count - 1);
    case 'zoom-in':
      return { ...state, zoom: clampZoom(state.zoom + ZOOM.step) };
    case 'zoom-out':
      return { ...state, zoom: clampZoom(state.zoom - ZOOM.step) };
    case 'reset-zoom':
      return { ...state, zoom: ZOOM.min };
    case 'toggle-zoom':
      return { ...state, zoom: state.zoom > ZOOM.min ? ZOOM.min : DOUBLE_CLICK_ZOOM };
  }
}

/** What a key does in the lightbox (Esc and Tab are the dialog's own business). */
export function lightboxKeyAction(key: string): LightboxAction | null {
  switch (key) {
    case 'ArrowRight':
      return { type: 'next' };
    case 'ArrowLeft':
      return { type: 'previous' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case '+':
    case '=':
      return { type: 'zoom-in' };
    case '-':
    case '_':
      return { type: 'zoom-out' };
    case '0':
      return { type: 'reset-zoom' };
    default:
      return null;
  }
}

/** A wheel turn: away from the reader zooms in, towards zooms out. */
export function wheelAction(deltaY: number): LightboxAction | null {
  if (deltaY < 0) return { type: 'zoom-in' };
  if (deltaY > 0) return { type: 'zoom-out' };
  return null;
}
