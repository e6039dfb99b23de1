import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { ConcernUseCases } from '../app/concern-use-cases.js';
import type { AssessmentUseCases } from '../app/assessment-use-cases.js';
import type { EscalationUseCases } from '../app/escalation-use-cases.js';
import type { PledgeUseCases } from '../app/pledge-use-cases.js';
import type { CaseFileUseCases } from '../app/case-file-use-cases.js';
import type { UseCases } from '../app/use-cases.js';
import type { Clock } from '../domain/time.js';
import type { Repositories } from '../store/ports.js';
import { logAccess } from './access-log.js';
import { assertTrustedProxyHops } from './client-ip.js';
import type { Env } from './context.js';
import { refuseQueryParameters } from './define-route.js';
import { createErrorHandler, respondToUnknownRoute } from './error-handler.js';
import type { Logger } from './logger.js';
import { problemKinds, respondWithProblem } from './problem.js';
import { auditRefusals } from './refusal-audit.js';
import { assignRequestId } from './request-id.js';
import { createActivitiesApp } from './routes/activities.js';
import { createAuthApp } from './routes/auth.js';
import { createChildrenApp } from './routes/children.js';
import { createConcernsApp } from './routes/concerns.js';
import { createDispatchesApp } from './routes/dispatches.js';
import { createEscalationsApp } from './routes/escalations.js';
import { createInboxApp } from './routes/inbox.js';
import { createMeApp } from './routes/me.js';
import { createPledgesApp } from './routes/pledges.js';
import { createCaseFilesApp } from './routes/case-files.js';
import { PLEDGE_SIGNATURE_BODY_BYTES, PLEDGE_SIGNATURE_PATH } from './routes/me-pledge.js';
import { createObligationsApp } from './routes/obligations.js';
import { createDistrictsApp, createPolicyApp } from './routes/policy.js';
import { createPublicApp } from './routes/public-concerns.js';
import { createReportsApp } from './routes/reports.js';
import { createSafetyApp, SAFETY_HOLD_PATH } from './routes/safety.js';
import { createTownsApp } from './routes/towns.js';
import { createVolunteerApplicationsApp } from './routes/volunteer-applications.js';
import { createVisitsApp } from './routes/visits.js';
import { createInspectionsApp } from './routes/inspections.js';
import { createEvaluationsApp } from './routes/evaluations.js';
import { createRegistrationTickets, type RegistrationTickets } from './registration-ticket.js';
import { createSessionTokens, type SessionTokens } from './session-token.js';
import { respondToInvalidInput } from './validation.js';
import type { WechatConfig } from './wechat-code2session.js';
import type { ChannelConfig } from '../notify/channel-config.js';

export type { Env } from './context.js';

export const API_PREFIX = '/api/v1';
/** OWASP API4: bodies are small JSON documents; a child record with six guardians is a few KiB. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface AppDeps {
  /** For the list routes, which are reads and not use cases. */
  repositories: Repositories;
  useCases: UseCases;
  /** Concern reports' use cases: their tracking codes are keyed by the API's secret (compose/api.ts). */
  concerns: ConcernUseCases;
  /** Difficult cases' use cases (issue 8, R6). */
  escalations: EscalationUseCases;
  /** Guardianship assessments and the risk level's override (issue 12, R18). */
  assessments: AssessmentUseCases;
  /** The child-protection pledge (issue 11, R8): its signatures are sealed with a key of the API's secret. */
  pledges: PledgeUseCases;
  /** The one-child-one-file (issue 12, R7): exports, the access trail and the yearly submission. */
  caseFiles: CaseFileUseCases;
  clock: Clock;
  newId: () => string;
  /** HMAC key for session tokens; at least 32 characters (checked at startup). */
  sessionSecret: string;
  /** Default 12 hours. */
  sessionTtlSeconds?: number;
  wechat: WechatConfig;
  /** Outside channels (notify/channel-config.ts); none configured when absent. */
  channels?: ChannelConfig;
  logger: Logger;
  /**
   * How many reverse proxies of ours stand in front and append to X-Forwarded-For; 0 (the default) ignores the
   * header. Set by the local server from SHOUHU_TRUSTED_PROXY_HOPS; the Lambda uses API Gateway's source address.
   */
  trustedProxyHops?: number;
  /** Extra routes, e.g. the local server's dev login; never used by the Lambda entry. */
  mount?: (app: OpenAPIHono<Env>) => void;
}

export function sessionTokensFor(deps: AppDeps): SessionTokens {
  return createSessionTokens({ secret: deps.sessionSecret, clock: deps.clock, ttlSeconds: deps.sessionTtlSeconds });
}

/** Registration tickets for WeChat users without an account (issue 11 part 2), sealed under the session secret. */
export function registrationTicketsFor(deps: AppDeps): RegistrationTickets {
  return createRegistrationTickets(deps.sessionSecret, deps.clock);
}

/** The one factory the Lambda entry and the local server both build the API from. */
export function createApp(deps: AppDeps): OpenAPIHono<Env> {
  const tokens = sessionTokensFor(deps);
  assertTrustedProxyHops(deps.trustedProxyHops ?? 0);
  const app = new OpenAPIHono<Env>({ defaultHook: respondToInvalidInput });

  // Every answer of this app, inside /api/v1 or not (an unknown version, a typo), is an API answer: the same headers,
  // the same request id, the same body cap.
  app.use('*', assignRequestId(deps.newId));
  app.use('*', logAccess(deps.logger));
  app.use('*', secureHeaders());
  app.use('*', auditRefusals(deps));
  // Personal data and tokens must not stay in any cache (ASVS); set after the handler so errors carry it too.
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const bodyLimitOf = (maxSize: number) =>
    bodyLimit({ maxSize, onError: (c) => respondWithProblem(c, problemKinds.payloadTooLarge, `请求体不能超过 ${maxSize / 1024} KiB`) });
  const defaultBodyLimit = bodyLimitOf(MAX_BODY_BYTES);
  // R8: a drawn signature (≤ 100 KB as a PNG, ~137 KB as base64) is larger than the rest.
  const signatureBodyLimit = bodyLimitOf(PLEDGE_SIGNATURE_BODY_BYTES);
  app.use('*', (c, next) => {
    // R12's held sessions carry one or two photos: that route sets its own, larger cap (routes/safety.ts).
    if (SAFETY_HOLD_PATH.test(c.req.path)) return next();
    return c.req.path === PLEDGE_SIGNATURE_PATH ? signatureBodyLimit(c, next) : defaultBodyLimit(c, next);
  });

  app.route(`${API_PREFIX}/auth`, createAuthApp(deps, tokens, registrationTicketsFor(deps)));
  app.route(`${API_PREFIX}/me`, createMeApp(deps, tokens));
  app.route(`${API_PREFIX}/children`, createChildrenApp(deps, tokens));
  app.route(`${API_PREFIX}/visits`, createVisitsApp(deps, tokens));
  app.route(`${API_PREFIX}/obligations`, createObligationsApp(deps, tokens));
  app.route(`${API_PREFIX}/towns`, createTownsApp(deps, tokens));
  app.route(`${API_PREFIX}/policy`, createPolicyApp(deps, tokens));
  app.route(`${API_PREFIX}/districts`, createDistrictsApp(deps, tokens));
  app.route(`${API_PREFIX}/inbox`, createInboxApp(deps, tokens));
  app.route(`${API_PREFIX}/concerns`, createConcernsApp(deps, tokens, deps.concerns));
  app.route(`${API_PREFIX}/escalations`, createEscalationsApp(deps, tokens));
  app.route(`${API_PREFIX}/public`, createPublicApp(deps, deps.concerns));
  app.route(`${API_PREFIX}/reports`, createReportsApp(deps, tokens));
  app.route(`${API_PREFIX}/dispatches`, createDispatchesApp(deps, tokens));
  app.route(`${API_PREFIX}/safety`, createSafetyApp(deps, tokens));
  app.route(`${API_PREFIX}/pledges`, createPledgesApp(deps, tokens));
  app.route(`${API_PREFIX}/case-files`, createCaseFilesApp(deps, tokens));
  app.route(`${API_PREFIX}/volunteer-applications`, createVolunteerApplicationsApp(deps, tokens, registrationTicketsFor(deps)));
  app.route(`${API_PREFIX}/activities`, createActivitiesApp(deps, tokens));
  app.route(`${API_PREFIX}/inspections`, createInspectionsApp(deps, tokens));
  app.route(`${API_PREFIX}/evaluations`, createEvaluationsApp(deps, tokens));
  deps.mount?.(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  app.use(`${API_PREFIX}/openapi.json`, refuseQueryParameters);
  app.doc(`${API_PREFIX}/openapi.json`, {
    openapi: '3.0.3',
    info: { title: '守护 Shouhu API', version: '1.0.0', description: '社区儿童关爱保护工作系统' },
  });

  app.onError(createErrorHandler(deps.logger));
  app.notFound(respondToUnknownRoute);
  return app;
}
