import { cssBeaconCases } from './families/css-beacons';
import { documentControlCases } from './families/document-control';
import { domClobberingCases } from './families/dom-clobbering';
import { domPurifyHistoryCases } from './families/dompurify-history';
import { embeddingCases } from './families/embedding';
import { eventHandlerCases } from './families/event-handlers';
import { metadataCases } from './families/metadata';
import { mutationXssCases } from './families/mutation-xss';
import { namespaceCases } from './families/namespace-confusion';
import { scriptCases } from './families/script-elements';
import { urlSchemeCases } from './families/url-schemes';
import type { HostileCase, HostileFamily } from './types';

export type { HostileCase, HostileFamily } from './types';
export { ATTACKER_HOST, IMAGE_HOST, CANARY_FUNCTION, CANARY_DATASET_KEY } from './canary';

/** Every hostile input, family by family. Ids are unique (checked in tests/unit/security-corpus.test.ts). */
export const hostileCorpus: readonly HostileCase[] = [
  ...scriptCases,
  ...eventHandlerCases,
  ...urlSchemeCases,
  ...namespaceCases,
  ...mutationXssCases,
  ...embeddingCases,
  ...documentControlCases,
  ...cssBeaconCases,
  ...domClobberingCases,
  ...metadataCases,
  ...domPurifyHistoryCases,
];

/** How many cases each family holds (for reports). */
export function corpusSizeByFamily(corpus: readonly HostileCase[] = hostileCorpus): Record<HostileFamily, number> {
  const sizes = {} as Record<HostileFamily, number>;
  for (const item of corpus) sizes[item.family] = (sizes[item.family] ?? 0) + 1;
  return sizes;
}
