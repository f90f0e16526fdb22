/**
 * Build step (wxt.config.ts): access to every site becomes optional. WXT lists the match patterns of
 * the runtime-registered content scripts as install-time host permissions; Folio asks for them at run
 * time instead (onboarding, options), so a fresh install can read no page until the user clicks.
 * Chrome's MV3 build names them `optional_host_permissions`; Firefox's MV2 build, `optional_permissions`.
 */
export const ALL_SITES_PATTERN = '<all_urls>';

/** Patterns that grant access to every site (the ones to make optional). */
const BROAD_PATTERNS = new Set([ALL_SITES_PATTERN, '*://*/*', 'http://*/*', 'https://*/*']);

export interface ManifestPermissionFields {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * Moves broad host patterns to the optional list and makes sure `<all_urls>` is there; edits in place.
 * Both required lists are cleaned: when the hook runs, WXT has not yet folded an MV2 build's
 * `host_permissions` into `permissions`.
 */
export function makeAllSitesOptional(manifest: ManifestPermissionFields): void {
  for (const required of ['permissions', 'host_permissions'] as const) {
    const list = manifest[required];
    if (!list) continue;
    const kept = list.filter((permission) => !BROAD_PATTERNS.has(permission));
    if (kept.length > 0 || required === 'permissions') manifest[required] = kept;
    else delete manifest[required];
  }
  const optional = manifest.manifest_version >= 3 ? 'optional_host_permissions' : 'optional_permissions';
  manifest[optional] = unique([...(manifest[optional] ?? []), ALL_SITES_PATTERN]);
}
