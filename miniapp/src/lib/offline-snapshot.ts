import { formatDateTime, shanghaiDateOf, shanghaiTimeOf } from './beijing-time';
import type { RemovableStorage } from './json-storage';

/**
 * The last answer of a list, kept on the phone for the hours without signal (issue 7, B6): the due list and the basics
 * of the worker's children. One storage entry per user holds all of that user's snapshots, so logging out drops them
 * at once and another user of a shared phone never sees them.
 */
export interface Snapshot<T> {
  data: T;
  savedAt: string;
}

export interface SnapshotStore {
  load<T>(userId: string, name: string): Snapshot<T> | null;
  /** False when the phone refused to store it (full): the page still shows what it loaded. */
  save<T>(userId: string, name: string, data: T, now: Date): boolean;
  clearUser(userId: string): void;
}

export const OFFLINE_SNAPSHOT_PREFIX = 'shouhu.offline';

type Stored = Record<string, Snapshot<unknown>>;

export function createSnapshotStore(storage: RemovableStorage, prefix = OFFLINE_SNAPSHOT_PREFIX): SnapshotStore {
  const keyOf = (userId: string) => `${prefix}.${userId}`;
  const read = (userId: string): Stored => {
    const value = storage.get(keyOf(userId));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Stored) : {};
  };
  return {
    load<T>(userId: string, name: string) {
      const snapshot = read(userId)[name];
      if (typeof snapshot !== 'object' || snapshot === null || typeof snapshot.savedAt !== 'string') return null;
      return snapshot as Snapshot<T>;
    },
    save(userId, name, data, now) {
      try {
        storage.set(keyOf(userId), { ...read(userId), [name]: { data, savedAt: now.toISOString() } });
        return true;
      } catch {
        return false;
      }
    },
    clearUser(userId) {
      storage.remove(keyOf(userId));
    },
  };
}

/** 离线数据，更新于 10:32 (today) or 离线数据，更新于 11月22日 10:32. */
export function offlineNoteOf(savedAt: string, now: Date): string {
  const saved = new Date(savedAt);
  const when = shanghaiDateOf(saved) === shanghaiDateOf(now) ? shanghaiTimeOf(saved) : formatDateTime(savedAt, now);
  return `离线数据，更新于 ${when}`;
}
