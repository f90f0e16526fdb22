import type { ImageStorageUse } from '@/lib/storage/library-repo-images';

interface OfflineImagesSectionProps {
  keep: boolean;
  onKeepChange: (keep: boolean) => void;
  /** null while it is being counted. */
  use: ImageStorageUse | null;
  totalLimitBytes: number;
  articleLimitBytes: number;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** "Keep images for offline reading", and how much space the kept images take. */
export function OfflineImagesSection({ keep, onKeepChange, use, totalLimitBytes, articleLimitBytes }: OfflineImagesSectionProps) {
  return (
    <section aria-labelledby="offline-images-heading">
      <h2 id="offline-images-heading">Saved articles’ images</h2>
      <label>
        <input type="checkbox" checked={keep} onChange={(event) => onKeepChange(event.target.checked)} />
        Keep images for offline reading
      </label>
      <p className="folio-muted">
        When you save an article, Folio fetches the images in it once (no cookies sent), so they show without a connection. Large images are
        made smaller; an article keeps up to {megabytes(articleLimitBytes)} of images. Turned off, Folio fetches nothing and saved articles show images from the web.
      </p>
      <p aria-live="polite">
        {use === null
          ? 'Counting the space images take…'
          : `Images kept: ${use.images.toLocaleString('en')} in ${use.articles.toLocaleString('en')} article${use.articles === 1 ? '' : 's'}, ${megabytes(use.bytes)} of at most ${megabytes(totalLimitBytes)}. They are deleted with their article.`}
      </p>
    </section>
  );
}
