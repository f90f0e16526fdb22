import { ATTACKER_HOST } from '../corpus/canary';
import type { AttackLog } from './attack-log';
import { BODY, sleep, type Surface } from './surface-probe';

export const SELF_CHECK_PREFIX = 'selfcheck-';

export interface SelfCheck {
  /** An injected event handler's canary call reached the log. */
  handler: boolean;
  /** An injected CSS beacon's request reached the log. */
  request: boolean;
  /** The rendered-markup scan reported the injected beacon. */
  scan: boolean;
}

declare const __folioProbe: { find(selector: string): Element | null };

/**
 * Proves the detectors work in this browser before their silence is trusted: writes an unsanitized
 * handler and a CSS beacon straight into the rendered overlay body (what a broken sanitizer would
 * let through), and returns whether the canary, the request log and the markup scan each saw it.
 * The injected markup is removed again afterwards.
 */
export async function selfCheck(surface: Surface, log: AttackLog): Promise<SelfCheck> {
  const handlerId = `${SELF_CHECK_PREFIX}handler`;
  const requestId = `${SELF_CHECK_PREFIX}css`;
  await surface.run(({ body, handler, css, host }) => {
    // Deliberately unsanitized: this is the harness imitating a sanitizer that let markup through.
    __folioProbe.find(body)?.insertAdjacentHTML('beforeend', `<img data-selfcheck src="/missing.png" onerror="__folioPwned('${handler}')">`
      + `<p data-selfcheck style="background:url(http://${host}/${css}/bg.png);height:20px">x</p>`);
  }, { body: BODY, handler: handlerId, css: requestId, host: ATTACKER_HOST });
  const seen = () => ({ handler: log.executions.some((e) => e.caseId === handlerId), request: log.requests.some((r) => r.caseId === requestId) });
  for (let waited = 0; waited < 2000 && !(seen().handler && seen().request); waited += 100) await sleep(100);
  const scan = (await surface.scan(ATTACKER_HOST).catch(() => [])).some((found) => found.includes('background-image'));
  await surface.run((body) => {
    for (const injected of Array.from(__folioProbe.find(body)?.querySelectorAll('[data-selfcheck]') ?? [])) injected.remove();
  }, BODY);
  return { ...seen(), scan };
}
