import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp, type AppDeps, type Env } from '../api/app.js';
import { createConcernUseCases } from '../app/concern-use-cases.js';
import { createEscalationUseCases } from '../app/escalation-use-cases.js';
import { createConcernKeys } from './concern-keys.js';
import { createEscalationKeys } from './escalation-keys.js';
import { createAssessmentUseCases } from '../app/assessment-use-cases.js';
import { createAssessmentKeys } from './assessment-keys.js';
import { createPledgeUseCases } from '../app/pledge-use-cases.js';
import { createCaseFileUseCases } from '../app/case-file-use-cases.js';
import { caseFilePdfOf } from '../api/case-file-export/case-file-pdf.js';
import { createPledgeSealer, nodeImageBytes } from './pledge-sealer.js';
import type { Runtime } from './runtime.js';

/** What only the HTTP API needs beyond the runtime: its secret, WeChat's configuration, its log, its proxies. */
export type ApiOptions = Omit<AppDeps, 'repositories' | 'useCases' | 'concerns' | 'escalations' | 'assessments' | 'pledges' | 'caseFiles' | 'clock' | 'newId'>;

/** The API's dependencies: the runtime's ports and use cases, and the API's own options. */
export function apiDepsOf(runtime: Runtime, options: ApiOptions): AppDeps {
  const { repositories, useCases, clock, newId } = runtime;
  // Concern ids and tracking codes are keyed by the server's secret, which only the API holds.
  const concerns = createConcernUseCases({ repositories, clock, newId, concernKeys: createConcernKeys(options.sessionSecret) });
  const escalations = createEscalationUseCases({ repositories, clock, newId, escalationKeys: createEscalationKeys() });
  // R8: pledge signatures are sealed under a key derived from the same secret.
  const sealer = createPledgeSealer(options.sessionSecret);
  const pledges = createPledgeUseCases({ repositories, clock, newId, sealer, images: nodeImageBytes });
  // R7: a file carries only pledge records whose seal holds; a submission hashes the PDF the API draws.
  const caseFiles = createCaseFileUseCases({ repositories, clock, newId, sealer, images: nodeImageBytes, renderPdf: caseFilePdfOf });
  const assessments = createAssessmentUseCases({ repositories, clock, newId, assessmentKeys: createAssessmentKeys() });
  return { repositories, useCases, concerns, escalations, assessments, pledges, caseFiles, clock, newId, ...options };
}

/** The one HTTP app, as the API Lambda and the local server serve it. */
export function createApi(runtime: Runtime, options: ApiOptions): OpenAPIHono<Env> {
  return createApp(apiDepsOf(runtime, options));
}
