/**
 * Downloading saved links, imported articles and articles synced from another device needs the pages'
 * origins: the same optional access to all sites that detection uses (lib/permissions/all-sites-access.ts),
 * under the names the library uses.
 */
export {
  hasAllSitesAccess as hasDownloadPermission,
  requestAllSitesAccess as requestDownloadPermission,
  watchAllSitesAccess as watchDownloadPermission,
} from '../permissions/all-sites-access';
