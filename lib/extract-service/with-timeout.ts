import { serviceFailure, type ServiceResult } from './types';

/** Waits for the service at most `ms`; after that the answer is a timeout (the work itself may go on elsewhere). */
export function withTimeout(pending: Promise<ServiceResult>, ms: number, detail: string): Promise<ServiceResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<ServiceResult>((resolve) => {
    timer = setTimeout(() => resolve(serviceFailure('timeout', detail)), ms);
  });
  return Promise.race([pending, timedOut]).finally(() => clearTimeout(timer));
}
