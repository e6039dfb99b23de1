import Taro from '@tarojs/taro';
import type { JsonStorage } from '../lib/offline-queue';

/**
 * The phone's own storage (wx.setStorageSync / localStorage), which outlives the app being closed. A write that
 * fails (storage full) throws, so the check-in page can say the record was not kept.
 */
export const queueStorage: JsonStorage = {
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
};
