import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { Env } from './context.js';
import { respondToInvalidInput } from './validation.js';

/**
 * Every route is defined here, so that one without query parameters of its own still refuses any that are sent
 * (400 naming the parameter), like the routes whose query schemas are strict: an unknown parameter is a client's
 * mistake or a probe, never something to ignore. `createRoute` is imported nowhere else (tests/unit/layers.test.ts).
 */
export const noQueryParametersSchema = z.object({}).strict();

type WithQuery<R extends RouteConfig> = R['request'] extends { query: z.ZodType }
  ? R
  : Omit<R, 'request'> & {
      request: (R['request'] extends object ? R['request'] : object) & { query: typeof noQueryParametersSchema };
    };

export function defineRoute<P extends string, R extends Omit<RouteConfig, 'path'> & { path: P }>(config: R) {
  return createRoute({ ...config, request: { query: noQueryParametersSchema, ...config.request } } as WithQuery<R>);
}

/** The same refusal for the few routes that are not OpenAPI routes (the OpenAPI document itself). */
export const refuseQueryParameters = createMiddleware<Env>(async (c, next) => {
  const refused = respondToInvalidInput(noQueryParametersSchema.safeParse(c.req.query()), c);
  if (refused !== undefined) return refused;
  await next();
});
