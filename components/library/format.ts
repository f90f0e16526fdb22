/** Display helpers for saved articles (pure; shared by the popup and the library page). */
export function formatSavedDate(ms: number, now = Date.now()): string {
  const days = Math.floor((now - ms) / 86_400_000);
  if (days < 1) return 'today';
  if (days < 2) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(ms));
}

export function formatMinutes(minutes: number): string | null {
  return minutes > 0 ? `${minutes} min` : null;
}

export function articleHref(id: string, base: string): string {
  return `${base}?id=${encodeURIComponent(id)}`;
}
