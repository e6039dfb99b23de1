/**
 * The one place that decides who may do what (ARCHITECTURE.md, "Who may see what"; OWASP API1, API3, API5): every
 * "may this actor do this" of the routes and use cases is answered here, by role, pledge (R8) and relation, and
 * tested as a table in tests/domain/access-policy.test.ts. Deny by default.
 */
export * from './access/child-access.js';
export * from './access/visit-access.js';
export * from './access/area-access.js';
export * from './access/inbox-access.js';
export * from './access/concern-access.js';
export * from './access/child-list-access.js';
export * from './access/escalation-access.js';
export * from './access/report-access.js';
export * from './access/safety-access.js';
export * from './access/pledge-access.js';
export * from './access/case-file-access.js';
export * from './access/assessment-access.js';
export * from './access/case-plan-access.js';
