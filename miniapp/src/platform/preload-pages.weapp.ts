/** WeChat downloads the `children` subpackage with the home page already (preloadRule in app.config.ts). */
export function preloadCheckInForm(): void {}
