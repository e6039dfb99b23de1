import { addDays } from '../domain/calendar.js';
import { shanghaiDate } from '../domain/time.js';
import type { Child } from '../domain/child.js';
import { newestFirst } from '../domain/guardianship-assessment.js';
import type { Repositories } from '../store/ports.js';
import { reviewCasePlan } from '../app/review-case-plan.js';
import { saveCasePlan } from '../app/save-case-plan.js';

/**
 * Issue 12 in the demo: the first child with a team has a service plan (R2) written by its social worker and one
 * review (R15), so the child's page, the plan page and the guardian's home show one. Written through the use cases
 * with fixed Idempotency-Keys: a second start finds them and writes nothing.
 */
export async function seedDemoCasePlan(repositories: Repositories, child: Child, now: Date): Promise<void> {
  if (!child.team) return;
  const ports = { ...repositories, clock: () => now, newId: () => `seed-case-${child.id}-${now.getTime()}-${Math.random().toString(36).slice(2, 8)}` };
  const principal = { userId: child.team.socialWorkerId, role: 'socialWorker' as const };
  const today = shanghaiDate(now);
  const current = await repositories.casePlans.read(child.id);
  if (current.plan === null) {
    // R2: the plan is built from the child's assessment (the seed records the assessments first).
    const [newest] = [...(await repositories.assessments.listOfChild(child.id))].sort(newestFirst);
    await saveCasePlan(
      ports,
      principal,
      child.id,
      {
        assessmentId: newest?.id ?? null,
        goals: [
          { goal: '按时上学，作业有人辅导', success: '一学期内缺课不超过两天' },
          { goal: '爷爷奶奶掌握安全照护常识', success: '家中用电用火隐患全部消除' },
        ],
        services: [
          { service: '课后学业辅导', provider: '村儿童之家' },
          { service: '家庭安全检查', provider: '社工' },
        ],
        tasks: [
          { task: '联系班主任，每月了解出勤', assigneeId: child.team.socialWorkerId, dueOn: addDays(today, 14) },
          { task: '安排儿童之家辅导时段', assigneeId: child.team.directorId, dueOn: addDays(today, 7) },
        ],
        family: { told: '社工每月上门一次，村儿童之家每周三次课后辅导。', familyAgrees: '爷爷每天检查作业，雨天接送孩子。' },
        internalNotes: '祖父母年迈，关注冬季取暖安全。',
        nextReviewOn: null,
        version: 0,
      },
      'demo-case-plan-v1',
    );
  }
  if (current.reviews.length === 0) {
    await reviewCasePlan(
      ports,
      principal,
      child.id,
      { reviewedOn: today, childChange: '出勤稳定，情绪开朗', goals: [{ outcome: 'partly', note: '数学仍需辅导' }, { outcome: 'reached', note: '' }], resourcesUsed: '课后辅导 12 次，安全检查 1 次', nextReviewOn: null },
      'demo-case-review-1',
    );
  }
}
