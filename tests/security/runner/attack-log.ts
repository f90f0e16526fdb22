import { ATTACKER_HOST } from '../corpus/canary';

/**
 * What the payloads managed to do, case by case. A case is in its `page` phase while the hostile page
 * loads and runs by itself (its own scripts and requests are the page's business, not Folio's), and
 * in its `folio` phase from the moment the toolbar button is pressed: every canary call and every
 * request to the attacker's host from then on is something Folio's rendering let through.
 */
export type Phase = 'page' | 'folio';

export interface Execution {
  caseId: string;
  /** Where the canary ran: `document` (the page's own element), `shadow` (no current event: overlay or script), frame kinds. */
  where: string;
  frameUrl: string;
}

export interface AttackerRequest {
  caseId: string;
  url: string;
  /**
   * Who saw it: `playwright` (the browser context's request log) and/or `server` (the case server,
   * where the browser's host-resolver rules send the attacker's host).
   */
  seenBy: Array<'playwright' | 'server'>;
  resourceType: string;
}

/** Case id named by a beacon URL (`http://attacker.test/<case id>/<vector>`). */
export function caseIdOfUrl(url: string): string {
  try {
    return new URL(url, `http://${ATTACKER_HOST}/`).pathname.split('/')[1] ?? '';
  } catch {
    return '';
  }
}

export class AttackLog {
  private readonly phases = new Map<string, Phase>();
  private readonly lastActivity = new Map<string, number>();
  readonly executions: Execution[] = [];
  readonly requests: AttackerRequest[] = [];
  /** The folio-phase requests by case and URL: one request seen by both witnesses counts once. */
  private readonly requestsByKey = new Map<string, AttackerRequest>();
  /** Activity during page phases: shows the payloads are live (the raw page runs most of them). */
  pagePhaseExecutions = 0;
  pagePhaseRequests = 0;
  /** Canary calls after the click that came from the page's own elements (focus moving to the overlay). */
  pageReactions: Execution[] = [];

  setPhase(caseId: string, phase: Phase): void {
    this.phases.set(caseId, phase);
  }

  /** Milliseconds since the case last did anything (Infinity when it never did). */
  quietFor(caseId: string): number {
    const last = this.lastActivity.get(caseId);
    return last === undefined ? Infinity : Date.now() - last;
  }

  /** Unknown ids count as Folio's: an attack nobody can attribute must not be forgiven. */
  private phaseOf(caseId: string): Phase {
    return this.phases.get(caseId) ?? 'folio';
  }

  recordExecution(execution: Execution): void {
    this.lastActivity.set(execution.caseId, Date.now());
    if (this.phaseOf(execution.caseId) === 'page') this.pagePhaseExecutions += 1;
    else if (execution.where === 'document' || execution.where === 'document-frame') this.pageReactions.push(execution);
    else this.executions.push(execution);
  }

  recordRequest(request: AttackerRequest): void {
    this.lastActivity.set(request.caseId, Date.now());
    if (this.phaseOf(request.caseId) === 'page') {
      this.pagePhaseRequests += 1;
      return;
    }
    const key = `${request.caseId} ${request.url}`;
    const known = this.requestsByKey.get(key);
    if (!known) {
      this.requestsByKey.set(key, request);
      this.requests.push(request);
    } else {
      for (const witness of request.seenBy) if (!known.seenBy.includes(witness)) known.seenBy.push(witness);
      if (known.resourceType === 'unknown') known.resourceType = request.resourceType;
    }
  }
}
