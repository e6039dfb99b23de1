/**
 * A deep link opened without a session (a shared visit, a reminder) lands where it pointed once the user has logged
 * in (issue 7, B7): the login page gets the page as `redirect` and goes back to it. Only page paths of this app
 * are accepted as targets, so a crafted link cannot send anyone elsewhere.
 */

/** Parameters the routers add to every page (H5 `stamp`, WeChat `$taroTimestamp`), not part of the link. */
const ROUTER_PARAMS = new Set(['stamp', '$taroTimestamp']);

/** `/children/pages/detail/index?id=c-1` from the router's path and parameters. */
export function pageUrlOf(path: string, params: Record<string, string | undefined>): string {
  const pagePath = `/${path.split('?')[0].replace(/^\/+/, '')}`;
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && !ROUTER_PARAMS.has(entry[0]))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${pagePath}?${query}` : pagePath;
}

/**
 * Where an ended session sends the user: the login page, coming back to `here` if asked; or nowhere when the login
 * page is already open, or when no page is (`here` null: one page is leaving and the next not yet shown; that next
 * page finds no session and opens the login page itself, naming itself). The requests of one page fail with 401
 * together; a late one, answered while the login page opens or is open, must not open it again without the way back.
 */
export function loginUrlAfterSessionEnds(loginPath: string, homePath: string, here: string | null, comeBack: boolean): string | null {
  if (here === null || here.split('?')[0] === loginPath) return null;
  return loginUrlFor(loginPath, comeBack && here !== homePath ? here : null);
}

export function loginUrlFor(loginPath: string, target: string | null): string {
  return target ? `${loginPath}?redirect=${encodeURIComponent(target)}` : loginPath;
}

/** A page of this app: `/pages/<name>/index` or `/<subpackage>/pages/<name>/index`. */
const PAGE_PATH = /^\/(?:[a-z][a-z0-9-]*\/)?pages\/[a-z][a-z0-9-]*\/index$/;

/**
 * The page to open after login, or null for the home page. `raw` is the router's parameter, still encoded or not
 * (the platforms differ); anything but a page path of this app (the login page excluded) is ignored.
 */
export function redirectTargetOf(raw: string | undefined, loginPath: string): string | null {
  if (!raw) return null;
  const target = safeDecode(raw);
  if (target === null) return null;
  const path = target.split('?')[0];
  return PAGE_PATH.test(path) && path !== loginPath ? target : null;
}

/** Encoded once by us (`%2F…`); a router that decoded it already hands over the path itself (`/…`). */
function safeDecode(value: string): string | null {
  if (value.startsWith('/')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
