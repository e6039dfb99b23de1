/** Calls `listener` each time the phone gets a connection back (the moment to send queued check-ins). */
export declare function onNetworkBack(listener: () => void): void;
