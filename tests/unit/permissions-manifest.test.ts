import { describe, expect, it } from 'vitest';
import { makeAllSitesOptional, type ManifestPermissionFields } from '@/lib/permissions/manifest-host-access';

describe('the manifest asks for access to all sites at run time, not at install', () => {
  it('Chrome MV3: the host permission WXT adds for runtime content scripts becomes optional', () => {
    const manifest: ManifestPermissionFields = {
      manifest_version: 3,
      permissions: ['storage', 'activeTab', 'scripting'],
      host_permissions: ['<all_urls>'],
    };
    makeAllSitesOptional(manifest);
    expect(manifest).toEqual({ manifest_version: 3, permissions: ['storage', 'activeTab', 'scripting'], optional_host_permissions: ['<all_urls>'] });
  });

  it('keeps narrow host permissions required and every broad pattern out of them', () => {
    const manifest: ManifestPermissionFields = { manifest_version: 3, host_permissions: ['*://*/*', 'https://example.org/*', 'https://*/*'] };
    makeAllSitesOptional(manifest);
    expect(manifest.host_permissions).toEqual(['https://example.org/*']);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
  });

  it('Firefox MV2: `<all_urls>` leaves `permissions` (install time) for `optional_permissions`', () => {
    const manifest: ManifestPermissionFields = { manifest_version: 2, permissions: ['storage', 'activeTab', '<all_urls>'], optional_permissions: ['bookmarks'] };
    makeAllSitesOptional(manifest);
    expect(manifest.permissions).toEqual(['storage', 'activeTab']);
    expect(manifest.optional_permissions).toEqual(['bookmarks', '<all_urls>']);
  });

  it('running twice changes nothing more', () => {
    const manifest: ManifestPermissionFields = { manifest_version: 3, permissions: ['storage'], host_permissions: ['<all_urls>'] };
    makeAllSitesOptional(manifest);
    const once = structuredClone(manifest);
    makeAllSitesOptional(manifest);
    expect(manifest).toEqual(once);
  });
});

describe('the hook sees an MV2 manifest before WXT folds host_permissions into permissions', () => {
  it('cleans host_permissions on an MV2 manifest too', () => {
    const manifest: ManifestPermissionFields = { manifest_version: 2, permissions: ['storage'], host_permissions: ['<all_urls>'] };
    makeAllSitesOptional(manifest);
    expect(manifest).toEqual({ manifest_version: 2, permissions: ['storage'], optional_permissions: ['<all_urls>'] });
  });
});
