/**
 * Downloading saved links and imported articles needs the pages' origins: the same optional access to
 * all sites that detection uses (lib/permissions/all-sites-access.ts), under the names the library uses.
 */
export { hasAllSitesAccess as hasDownloadPermission, requestAllSitesAccess as requestDownloadPermission } from '../permissions/all-sites-access';
