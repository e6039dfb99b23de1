/**
 * Asks before the user leaves while something is not sent yet; returns a function that stops asking. On H5 the
 * browser asks when the tab is closed or reloaded; in WeChat the page asks when the user goes back from it.
 */
export declare function warnBeforeLeaving(message: string): () => void;

/**
 * Asks before the app itself is closed while records wait to be uploaded; returns a function that stops asking.
 * Only a browser can ask this; WeChat cannot (the queue sends them when the mini-program next opens).
 */
export declare function warnBeforeClosing(message: string): () => void;
