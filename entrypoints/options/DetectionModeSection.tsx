import { DetectionModeControl } from '@/components/settings/DetectionModeControl';
import { useLiveValue } from '@/components/settings/use-live-value';
import { giveBackAllSitesAccess, loadDetectionMode, turnOffDetection, turnOnDetection, watchDetectionMode, type DetectionMode } from '@/lib/permissions/detection-mode';

const LOADING: DetectionMode | null = null;

/** Click-only mode or automatic detection (the same control as the onboarding page). */
export function DetectionModeSection() {
  const [mode] = useLiveValue(LOADING, loadDetectionMode, watchDetectionMode);
  return (
    <section aria-labelledby="detection-heading">
      <h2 id="detection-heading">How Folio finds articles</h2>
      <DetectionModeControl mode={mode} onTurnOn={turnOnDetection} onTurnOff={turnOffDetection} onGiveBackAccess={giveBackAllSitesAccess} />
    </section>
  );
}
