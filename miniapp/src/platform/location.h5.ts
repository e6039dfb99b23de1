import type { VisitLocation } from '../../../functions/src/domain/visit';

/** Give up rather than keep the form waiting: a missing location is allowed and recorded as such. */
const LOCATION_TIMEOUT_MS = 10_000;

/** Browser geolocation directly: Taro's H5 getLocation only takes WGS-84 and adds nothing else. */
export function getVisitLocation(): Promise<VisitLocation | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), LOCATION_TIMEOUT_MS + 1_000);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        clearTimeout(timer);
        resolve({
          latitude: coords.latitude,
          longitude: coords.longitude,
          accuracyMeters: Number.isFinite(coords.accuracy) ? Math.min(coords.accuracy, 100_000) : null,
        });
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
      { timeout: LOCATION_TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}
