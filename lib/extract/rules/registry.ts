import type { ExtractRule } from './types';
import { defuseDomClobbering } from './defuse-dom-clobbering';
import { mathAsMathml } from './math-as-mathml';
import { removeSubscriptionPrompts } from './remove-subscription-prompts';
import { removeCookieNotices } from './remove-cookie-notices';
import { revealHiddenStory } from './reveal-hidden-story';
import { resolveLazyImages } from './resolve-lazy-images';
import { embedsToLinks } from './embeds-to-links';
import { dropWhitespaceBetweenBlocks } from './drop-whitespace-between-blocks';
import { removeRelatedLists } from './remove-related-lists';
import { removeTrailingLinkLists } from './remove-trailing-link-lists';
import { removeDuplicateHeaderLines } from './remove-duplicate-header-lines';
import { removeDateLines } from './remove-date-lines';
import { removePostMetaLines } from './remove-post-meta-lines';
import { removeImageCredits } from './remove-image-credits';
import { removeOrphanCaptions } from './remove-orphan-captions';
import { removeRepeatedCaptions } from './remove-repeated-captions';
import { removeContactLines } from './remove-contact-lines';
import { removeContributorLines } from './remove-contributor-lines';
import { removeInlineTeasers } from './remove-inline-teasers';
import { removeWidgetLabels } from './remove-widget-labels';
import { removeTeaserCards } from './remove-teaser-cards';
import { removeLinkPreviews } from './remove-link-previews';
import { removeAuthorBios } from './remove-author-bios';
import { absolutizeUrls } from './absolutize-urls';

/**
 * Every rule, in the order the pipeline runs them (see lib/extract/pipeline.ts). A rule file that is
 * not listed here never runs: tests/unit/extract-rules-registry.test.ts checks that none is missing.
 */
export const RULES: readonly ExtractRule[] = [
  // reveal: on the whole private copy, before the detector judges it
  defuseDomClobbering,
  revealHiddenStory,
  // prepare: on what may be story (the copy pruned for scoring), before the chooser scores it
  removeCookieNotices,
  mathAsMathml,
  removeSubscriptionPrompts,
  resolveLazyImages,
  embedsToLinks,
  // clean: on the body Readability chose
  removeRelatedLists,
  removeTeaserCards,
  removeLinkPreviews,
  removeDuplicateHeaderLines,
  removeDateLines,
  removePostMetaLines,
  removeImageCredits,
  removeOrphanCaptions,
  removeRepeatedCaptions,
  removeContactLines,
  removeContributorLines,
  removeAuthorBios,
  removeInlineTeasers,
  removeWidgetLabels,
  // after the rules above, so the lines they remove (contact lines, bios) no longer hide the body's end
  removeTrailingLinkLists,
  absolutizeUrls,
  dropWhitespaceBetweenBlocks,
];
