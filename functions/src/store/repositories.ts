import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createActivityRepository } from './activities.js';
import { createAuditRepository } from './audit-repository.js';
import { createCaseFileSubmissions } from './case-file-submissions.js';
import { createBindCodes } from './bind-codes.js';
import { createChannelDeliveries } from './channel-deliveries.js';
import { createChatBindings } from './chat-bindings.js';
import { createChildRepository } from './child-repository.js';
import { createConcernRepository } from './concern-repository.js';
import { createConversations } from './conversations.js';
import { createEscalationRepository } from './escalation-repository.js';
import { createInboxDelivery } from './inbox-delivery.js';
import { createInboxRepository } from './inbox-repository.js';
import { createMessageReceipts } from './message-receipts.js';
import { createObligationRepository } from './obligation-repository.js';
import { createOrganizationRepository } from './organization-repository.js';
import { createOutboxRepository } from './outbox-repository.js';
import { createPolicyRepository } from './policy-repository.js';
import { createPolicyRefreshes } from './policy-refreshes.js';
import type { Repositories } from './ports.js';
import { createRecordReader } from './record-reader.js';
import { createRateLimiter } from './rate-limiter.js';
import { createRegionLookup } from './region-lookup.js';
import { createRegionRepository } from './region-repository.js';
import { createReminderReads } from './reminder-reads.js';
import { createTableDeadlines } from './table-deadlines.js';
import { createSubscriptionConsents } from './subscription-consents.js';
import { createJobRuns } from './job-runs.js';
import { createMonthlyCounters } from './monthly-counters.js';
import { createMonthlyReports } from './monthly-reports.js';
import { createReportSubmissions } from './report-submissions.js';
import { createQuarterlyDispatches } from './quarterly-dispatches.js';
import { createAssessments } from './assessments.js';
import { createCasePlans } from './case-plans.js';
import { createSafetySessions } from './safety-sessions.js';
import { createSchools } from './schools.js';
import { createPledgeSignatures } from './pledge-signatures.js';
import { createUserRepository } from './user-repository.js';
import { createVisitRepository } from './visit-repository.js';
import { createVolunteerApplications } from './volunteer-applications.js';
import { createCallbackInspections } from './callback-inspections.js';
import { createWorkerEvaluations } from './worker-evaluations.js';

/** The storage everything is built with: every repository over one table and one client. */
export function createRepositories(client: DynamoDBDocumentClient, tableName: string): Repositories {
  const regions = createRegionRepository(client, tableName);
  return {
    records: createRecordReader(client, tableName),
    children: createChildRepository(client, tableName, createRegionLookup(regions)),
    policies: createPolicyRepository(client, tableName),
    obligations: createObligationRepository(client, tableName),
    visits: createVisitRepository(client, tableName),
    inbox: createInboxRepository(client, tableName),
    users: createUserRepository(client, tableName),
    regions,
    organizations: createOrganizationRepository(client, tableName),
    audit: createAuditRepository(client, tableName),
    rateLimiter: createRateLimiter(client, tableName),
    outbox: createOutboxRepository(client, tableName),
    inboxDelivery: createInboxDelivery(client, tableName),
    concerns: createConcernRepository(client, tableName),
    escalations: createEscalationRepository(client, tableName),
    deadlines: createTableDeadlines(client, tableName),
    channelDeliveries: createChannelDeliveries(client, tableName),
    consents: createSubscriptionConsents(client, tableName),
    jobRuns: createJobRuns(client, tableName),
    monthlyReports: createMonthlyReports(client, tableName),
    policyRefreshes: createPolicyRefreshes(client, tableName),
    reminderReads: createReminderReads(client, tableName),
    monthlyCounters: createMonthlyCounters(client, tableName),
    reportSubmissions: createReportSubmissions(client, tableName),
    quarterlyDispatches: createQuarterlyDispatches(client, tableName),
    caseFileSubmissions: createCaseFileSubmissions(client, tableName),
    assessments: createAssessments(client, tableName),
    casePlans: createCasePlans(client, tableName),
    safetySessions: createSafetySessions(client, tableName),
    schools: createSchools(client, tableName),
    pledgeSignatures: createPledgeSignatures(client, tableName),
    chatBindings: createChatBindings(client, tableName),
    bindCodes: createBindCodes(client, tableName),
    conversations: createConversations(client, tableName),
    messageReceipts: createMessageReceipts(client, tableName),
    volunteerApplications: createVolunteerApplications(client, tableName),
    activities: createActivityRepository(client, tableName),
    callbackInspections: createCallbackInspections(client, tableName),
    workerEvaluations: createWorkerEvaluations(client, tableName),
  };
}
