import { z } from '@hono/zod-openapi';

/**
 * A child's case as the reader may see it: `view: 'full'` for the team, the supervisor and the officers (plan with
 * history, reviews, closing report, handbook, state guardianship), `view: 'family'` for a guardian (the
 * family-facing part only). The shapes are app/case-plan-views.ts's.
 */
const familyCaseViewSchema = z
  .object({
    view: z.literal('family'),
    childId: z.string(),
    childName: z.string(),
    status: z.enum(['none', 'open', 'closingAnnounced', 'closed']),
    goals: z.array(z.object({ goal: z.string(), success: z.string() })),
    services: z.array(z.object({ service: z.string(), provider: z.string() })),
    told: z.string(),
    familyAgrees: z.string(),
    nextReviewOn: z.string().nullable(),
    closingNotice: z
      .object({ toldOn: z.string(), earliestClosingOn: z.string(), closedOn: z.string().nullable(), familyMessage: z.string().nullable(), followUpUntil: z.string().nullable() })
      .nullable(),
  })
  .openapi('FamilyCaseView');

const fullCaseViewSchema = z
  .object({
    view: z.literal('full'),
    childId: z.string(),
    childName: z.string(),
    status: z.enum(['none', 'open', 'closingAnnounced', 'closed']),
    plan: z.record(z.string(), z.unknown()).nullable(),
    nextReviewOn: z.string().nullable(),
    history: z.array(z.object({ version: z.number().int(), recordedAt: z.string(), recordedByName: z.string() })),
    reviews: z.array(z.record(z.string(), z.unknown())),
    closing: z.record(z.string(), z.unknown()).nullable(),
    handbook: z.record(z.string(), z.unknown()).nullable(),
    stateGuardianship: z.record(z.string(), z.unknown()).nullable(),
    team: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
    canEdit: z.boolean(),
  })
  .openapi('FullCaseView');

export const caseViewSchema = z.discriminatedUnion('view', [fullCaseViewSchema, familyCaseViewSchema]).openapi('CaseView');
