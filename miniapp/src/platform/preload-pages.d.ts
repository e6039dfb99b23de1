/** Fetches the check-in form's code while there is signal, so the form opens in a village without (issue 7, B6). */
export declare function preloadCheckInForm(): void;
