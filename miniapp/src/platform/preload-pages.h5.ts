/** What Taro 4's H5 entry keeps on `window.__taroAppConfig`: each page's route with the loader of its chunk. */
interface TaroH5Route {
  path: string;
  load?: () => [Promise<unknown>, ...unknown[]];
}

const CHECK_IN_ROUTE = 'children/pages/check-in/index';

/**
 * H5 fetches a page's code when the page is first opened. Asking the router's own loader for the check-in page while
 * there is signal puts that code in place without a second copy of it: an `import()` of the page here would make
 * webpack move it into the chunk every page loads. If Taro changes where it keeps its routes, nothing is preloaded
 * and the page loads as before.
 */
export function preloadCheckInForm(): void {
  const config = (window as { __taroAppConfig?: { routes?: TaroH5Route[] } }).__taroAppConfig;
  const route = config?.routes?.find((candidate) => candidate.path === CHECK_IN_ROUTE);
  try {
    route?.load?.()[0].catch(() => undefined);
  } catch {
    // A loader of another shape: the page loads when opened, as without preloading.
  }
}
