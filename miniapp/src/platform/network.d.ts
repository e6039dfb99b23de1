/** Calls `listener` with whether the phone has a connection: once as soon as it is known, then at every change. */
export declare function watchNetwork(listener: (online: boolean) => void): void;
