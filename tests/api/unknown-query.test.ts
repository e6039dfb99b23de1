import { beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, createApp } from '../../functions/src/api/app.js';
import { mountDevLogin } from '../../functions/src/api/dev-login.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { users } from './support/seed-area.js';

/**
 * An unknown query parameter gets 400 naming it, on every route: the ones in the OpenAPI document and the few outside
 * it (the document itself; the dev login, which only the local server mounts). The routes are read from the app, so
 * a route added later is walked too.
 */
let h: ApiHarness;
let app: ReturnType<typeof createApp>;
let token: string;

interface DocParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { enum?: string[] };
}

beforeAll(async () => {
  h = await startApiHarness();
  app = createApp({ ...h.deps, mount: (api) => mountDevLogin(api, h.deps, { demoUserIds: [users.directorV1.id] }) });
  token = await h.tokenFor('directorV1');
});

/** Every method and path the app answers, middleware aside, in Hono's `:param` form. */
function routesOf(api: typeof app): string[] {
  return [...new Set(api.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`))];
}

/** Valid values for a route's required query parameters, from the document, so the unknown one is the only fault. */
function requiredQueryOf(doc: any, method: string, path: string): Record<string, string> {
  const docPath = path.replace(/:(\w+)/g, '{$1}');
  const parameters: DocParameter[] = doc.paths[docPath]?.[method.toLowerCase()]?.parameters ?? [];
  return Object.fromEntries(
    parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, p.schema?.enum?.[0] ?? 'x']),
  );
}

describe('unknown query parameters', () => {
  it('are refused with 400 naming the parameter on every route, before anything runs', async () => {
    // Prepare
    const doc = await (await app.request(`${API_PREFIX}/openapi.json`)).json();
    const routes = routesOf(app);
    expect(routes).toEqual(
      expect.arrayContaining([
        `GET ${API_PREFIX}/me`,
        `GET ${API_PREFIX}/inbox`,
        `GET ${API_PREFIX}/policy/rules`,
        `GET ${API_PREFIX}/visits/pending-confirmation`,
        `POST ${API_PREFIX}/children`,
        `POST ${API_PREFIX}/auth/dev`,
        `GET ${API_PREFIX}/auth/dev/users`,
        `GET ${API_PREFIX}/openapi.json`,
      ]),
    );

    // Act
    const answers = [];
    for (const route of routes) {
      const [method, path] = route.split(' ');
      const query = new URLSearchParams({ ...requiredQueryOf(doc, method, path), unexpectedParam: '1' });
      const url = `${path.replace(/:\w+/g, 'x1')}?${query}`;
      const res = await app.request(url, { method, headers: { authorization: `Bearer ${token}` } });
      const body = res.headers.get('content-type') === 'application/problem+json' ? await res.json() : null;
      answers.push({ route, status: res.status, field: body?.field });
    }

    // Assess
    expect(answers.filter((a) => a.status !== 400 || a.field !== 'unexpectedParam')).toEqual([]);
  });

  it('are refused on a write without writing anything', async () => {
    let status = 0;

    const writes = await h.writesOf(async () => {
      const res = await h.call('PUT', `${API_PREFIX}/districts/d1/policy?dryRun=1`, {
        as: 'districtOfficer',
        json: { ruleIds: ['R3', 'R11'], unconfirmedAfterDays: 3, version: 0 },
      });
      status = res.status;
    });

    expect(status).toBe(400);
    expect(writes).toEqual({ added: [], removedOrChanged: [] });
  });

  it('are refused on a route without a query schema, naming the parameter in Chinese', async () => {
    const res = await h.call('GET', `${API_PREFIX}/me?x=1`, { as: 'directorV1' });

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'urn:shouhu:problem:invalid-input', field: 'x', detail: '字段 x 不允许的字段' });
  });
});
