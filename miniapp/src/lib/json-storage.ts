/** The phone's key-value storage as plain TS sees it (Taro's storage in the app, a Map in node tests). */
export interface JsonStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Storage whose entries can also be dropped (drafts once sent, cached lists at logout). */
export interface RemovableStorage extends JsonStorage {
  remove(key: string): void;
}
