/** A browser cannot receive WeChat subscription messages: nothing to ask. */
export function requestSubscribe(_templateIds: string[]): Promise<Record<string, unknown> | null> {
  return Promise.resolve(null);
}

export const canRequestSubscribe = false;
