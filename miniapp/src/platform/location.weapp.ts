import Taro from '@tarojs/taro';
import type { VisitLocation } from '../../../functions/src/domain/visit';

/** GCJ-02, the coordinates Chinese maps use; needs requiredPrivateInfos ["getLocation"] in app.config. */
export async function getVisitLocation(): Promise<VisitLocation | null> {
  try {
    const { latitude, longitude, accuracy } = await Taro.getLocation({ type: 'gcj02' });
    return { latitude, longitude, accuracyMeters: Number.isFinite(accuracy) ? Math.min(accuracy, 100_000) : null };
  } catch {
    return null;
  }
}
