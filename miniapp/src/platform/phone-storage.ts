import Taro from '@tarojs/taro';
import type { RemovableStorage } from '../lib/json-storage';

/**
 * The phone's own storage (wx.setStorageSync / localStorage), which outlives the app being closed: the check-in
 * queue, drafts and the lists kept for offline use. A write that fails (storage full) throws, so the check-in page
 * can say the record was not kept.
 */
export const phoneStorage: RemovableStorage = {
  get(key) {
    try {
      return Taro.getStorageSync(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    Taro.setStorageSync(key, value);
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // Nothing to drop, or storage unavailable: either way nothing stale is left to read.
    }
  },
};
