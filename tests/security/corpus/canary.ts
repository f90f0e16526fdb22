/**
 * What the payloads aim at. A payload that runs calls the canary function (the browser run exposes it
 * in every frame and records the call) or, where no function exists, marks the root element; a payload
 * that phones home requests the attacker's host, which nothing legitimate in the corpus ever names.
 */

/** Host only the neutralisable vectors point at (CSS url(), link prefetch, meta refresh, base...). */
export const ATTACKER_HOST = 'attacker.test';
/** Host of the articles' own, legitimate images: loading them is normal reader behaviour. */
export const IMAGE_HOST = 'images.example';
/** Name of the global function the payloads call when they execute. */
export const CANARY_FUNCTION = '__folioPwned';
/** The root element's dataset key the fallback canary sets (`data-pwned`). */
export const CANARY_DATASET_KEY = 'pwned';

/** JavaScript that reports execution of case `id`: the canary when present, else the root's dataset. */
export function canaryScript(id: string): string {
  return `(self.${CANARY_FUNCTION}||function(i){document.documentElement.dataset.${CANARY_DATASET_KEY}=i})('${id}')`;
}

/** A short canary call for places where length matters (event handlers, URLs). */
export function canaryCall(id: string): string {
  return `${CANARY_FUNCTION}('${id}')`;
}

/** An absolute URL on the attacker's host, naming the case and the vector that requested it. */
export function beaconUrl(id: string, what: string): string {
  return `http://${ATTACKER_HOST}/${id}/${what}`;
}

/** The same, scheme-relative (`//attacker.test/...`), a common filter-evasion shape. */
export function beaconPath(id: string, what: string): string {
  return `//${ATTACKER_HOST}/${id}/${what}`;
}

/** A legitimate article image URL (never the attacker's host). */
export function imageUrl(name: string): string {
  return `http://${IMAGE_HOST}/photos/${name}`;
}

/** A valid 1×1 GIF: loads (fires `load`) without any network request. */
export const TINY_GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
