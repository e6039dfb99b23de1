/**
 * Asks the user to allow WeChat reminders for these templates; resolves with WeChat's answer per template id, or
 * null where the platform has no such question (the browser build) or the user closed it.
 */
export declare function requestSubscribe(templateIds: string[]): Promise<Record<string, unknown> | null>;
/** Whether this platform can ask at all: the page shows a note instead of a button where it cannot. */
export declare const canRequestSubscribe: boolean;
