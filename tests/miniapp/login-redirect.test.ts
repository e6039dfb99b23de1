import { describe, expect, it } from 'vitest';
import { loginUrlAfterSessionEnds, loginUrlFor, pageUrlOf, redirectTargetOf } from '../../miniapp/src/lib/login-redirect.js';
import { routes } from '../../miniapp/src/services/routes.js';

describe('a deep link opened while logged out (issue 7, B7)', () => {
  it('names the page it was opened on, without the parameters the routers add', () => {
    expect(pageUrlOf('/children/pages/check-in/index', { id: 'demo-child-001', due: 'homeVisit', stamp: '3' })).toBe(
      '/children/pages/check-in/index?id=demo-child-001&due=homeVisit',
    );
    expect(pageUrlOf('children/pages/detail/index?id=x', { id: 'x', $taroTimestamp: '1700000000000' })).toBe('/children/pages/detail/index?id=x');
    expect(pageUrlOf('/pages/home/index', {})).toBe('/pages/home/index');
  });

  it('hands it to the login page, and the login page goes back to it, encoded or already decoded', () => {
    const target = routes.checkIn('demo-child-001', 'homeVisit');
    const loginUrl = loginUrlFor(routes.login, target);
    expect(loginUrl).toBe(`/pages/login/index?redirect=${encodeURIComponent(target)}`);

    const raw = new URL(`https://x${loginUrl}`).searchParams.get('redirect')!;
    expect(redirectTargetOf(raw, routes.login)).toBe(target);
    expect(redirectTargetOf(encodeURIComponent(target), routes.login)).toBe(target);
    expect(loginUrlFor(routes.login, null)).toBe(routes.login);
  });

  it.each([
    ['nothing', undefined],
    ['another site', 'https://evil.example/pages/home/index'],
    ['a protocol-relative address', '//evil.example/pages/home/index'],
    ['a path that is no page', '/api/v1/children'],
    ['the login page itself', '/pages/login/index?redirect=%2Fpages%2Fhome%2Findex'],
    ['broken encoding', '%E0%A4%A'],
  ])('ignores %s and goes home', (_case, raw) => {
    expect(redirectTargetOf(raw, routes.login)).toBeNull();
  });
});

describe('a session the server ended while a page was open (issue 7, B5)', () => {
  const form = routes.checkIn('demo-child-005');

  it('opens the login page coming back to the page, unless it is the home page or the user logged out', () => {
    expect(loginUrlAfterSessionEnds(routes.login, routes.home, form, true)).toBe(loginUrlFor(routes.login, form));
    expect(loginUrlAfterSessionEnds(routes.login, routes.home, routes.home, true)).toBe(routes.login);
    expect(loginUrlAfterSessionEnds(routes.login, routes.home, form, false)).toBe(routes.login);
  });

  it('opens nothing for a late 401 of the same page, arriving while the login page opens or is open', () => {
    // Between two pages the router names none: the form is hidden, the login page not yet shown.
    expect(loginUrlAfterSessionEnds(routes.login, routes.home, null, true)).toBeNull();
    expect(loginUrlAfterSessionEnds(routes.login, routes.home, loginUrlFor(routes.login, form), true)).toBeNull();
    expect(loginUrlAfterSessionEnds(routes.login, routes.home, routes.login, true)).toBeNull();
  });
});
