import { recordAssessment } from '../app/record-assessment.js';
import type { AssessmentKeys } from '../app/assessment-ports.js';
import type { Child } from '../domain/child.js';
import type { AssessmentInput } from '../domain/guardianship-assessment.js';
import { AlreadyExistsError } from '../domain/errors.js';
import { visitRuleById } from '../domain/visit-rules.js';
import type { Repositories } from '../store/ports.js';
import { REGISTERED_ON } from './demo-staff.js';

/**
 * Issue 12 (R18, R2): the demo district looks like one that keeps R2's yearly cycle: most children had their first
 * assessment, held by the whole team on the day they were registered, so their year's assessment is done and the next
 * is due next February. Recorded through the use case itself (the child's level and basis, obligations, event), by the
 * town's supervisor, at the level the child already has. Left unassessed, and so overdue since February, are the few
 * a working district would still owe: the children without a team (nobody can assess them yet) and those R21
 * reassesses (their reassessment dates stay as the other demo data and the assessment's browser test expect).
 * Run again, it records nothing.
 */
const demoKeys: AssessmentKeys = { assessmentIdFor: (_userId, key) => key };

function formFor(child: Child): AssessmentInput {
  const team = child.team!;
  const score = child.riskLevel === 'red' ? 2 : child.riskLevel === 'yellow' ? 3 : 4;
  const dimension = { score, notes: '' };
  const heard = (learned: string) => ({ heard: true, learned });
  return {
    version: child.version,
    kind: 'first',
    heldOn: REGISTERED_ON,
    presentUserIds: [team.socialWorkerId, team.directorId, team.supervisorId],
    dimensions: { economic: dimension, care: dimension, skills: dimension, responsibility: dimension, relationship: dimension, development: dimension },
    sources: {
      child: heard('孩子表达清楚，愿意交流'),
      guardian: heard('监护人介绍了家庭收入和照料安排'),
      police: { heard: false, learned: '' },
      neighbours: heard('邻居反映平时有人照看'),
      school: heard('班主任反映出勤正常'),
    },
    conclusion: child.riskLevel === 'red' ? '监护存在明显缺位，需重点关注' : child.riskLevel === 'yellow' ? '监护基本到位，存在一定困难' : '监护状况良好',
    riskLevel: child.riskLevel,
    recommendations: '按风险等级定期走访，关注学业和生活照料',
  };
}

export function demoChildrenToAssess(children: readonly Child[]): Child[] {
  return children.filter((child) => child.team !== null && !visitRuleById.R21.requirements.some((r) => r.appliesTo(child)));
}

export async function seedDemoAssessments(repositories: Repositories, children: readonly Child[], now: Date): Promise<{ created: number; alreadyThere: number }> {
  const result = { created: 0, alreadyThere: 0 };
  let sequence = 0;
  const ports = { ...repositories, clock: () => now, newId: () => `seed-assessment-event-${(sequence += 1)}-${now.getTime()}`, assessmentKeys: demoKeys };
  for (const planned of demoChildrenToAssess(children)) {
    const child = await repositories.children.get(planned.id);
    if (child === null || child.team === null) continue;
    if ((await repositories.assessments.listOfChild(child.id)).length > 0) {
      result.alreadyThere += 1;
      continue;
    }
    try {
      await recordAssessment(ports, { userId: child.team.supervisorId, role: 'supervisor' }, child.id, formFor(child), `demo-assessment-${child.id}`);
      result.created += 1;
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      result.alreadyThere += 1;
    }
  }
  return result;
}
