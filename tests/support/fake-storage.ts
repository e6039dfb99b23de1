import type { RemovableStorage } from '../../miniapp/src/lib/json-storage.js';

/** The phone's storage in node tests: values go through JSON, as Taro's storage does, and survive a "restart". */
export function fakeStorage(): RemovableStorage & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    get: (key) => (raw.has(key) ? JSON.parse(raw.get(key)!) : ''),
    set: (key, value) => void raw.set(key, JSON.stringify(value)),
    remove: (key) => void raw.delete(key),
  };
}
