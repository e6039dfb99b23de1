import { decideGrading, decideReviewRequest } from '../domain/access/inspection-access.js';
import { ForbiddenError, NotFoundError, RuleViolationError, VersionConflictError, AlreadyExistsError } from '../domain/errors.js';
import { roleNames } from '../domain/labels.js';
import { maskName } from '../domain/masking.js';
import type { Actor } from '../domain/user.js';
import { shanghaiDate } from '../domain/time.js';
import {
  evaluationIdOf,
  evaluationStatus,
  finalGradeOf,
  reviewDaysLeft,
  reviewRefusal,
  type DecideReviewInput,
  type EvaluationGrade,
  type EvaluationStatus,
  type PublishEvaluationInput,
  type RequestReviewInput,
  type WorkerEvaluation,
} from '../domain/worker-evaluation.js';
import { newEvent } from '../events/domain-events.js';
import type { UserRepository, WorkerEvaluations } from '../store/ports.js';
import type { Basics } from './ports.js';
import { workerPlaceOf, workersOfDistrict, type WorkerPlacePorts } from './worker-places.js';

export interface EvaluationPorts extends Basics, WorkerPlacePorts {
  users: Pick<UserRepository, 'get' | 'listByOrganization'>;
  workerEvaluations: WorkerEvaluations;
}

type Named = Actor & { name: string };

export interface EvaluationView {
  id: string;
  year: number;
  workerName: string;
  workerRole: string;
  grade: EvaluationGrade;
  finalGrade: EvaluationGrade;
  comments: string;
  publishedAt: string;
  publishedByName: string;
  status: EvaluationStatus;
  /** R23: days still open for a review, today included; 0 once the window closed. */
  reviewDaysLeft: number;
  review: {
    requestedAt: string;
    reasons: string;
    decision: { outcome: 'upheld' | 'changed'; grade: EvaluationGrade; reasons: string; decidedAt: string; decidedByName: string } | null;
  } | null;
  version: number;
}

export function evaluationViewOf(evaluation: WorkerEvaluation, now: Date): EvaluationView {
  const { review } = evaluation;
  return {
    id: evaluation.id,
    year: evaluation.year,
    workerName: evaluation.worker.name,
    workerRole: roleNames[evaluation.worker.role],
    grade: evaluation.grade,
    finalGrade: finalGradeOf(evaluation),
    comments: evaluation.comments,
    publishedAt: evaluation.publishedAt,
    publishedByName: evaluation.publishedBy.name,
    status: evaluationStatus(evaluation, now),
    reviewDaysLeft: review === null ? reviewDaysLeft(evaluation.publishedAt, now) : 0,
    review:
      review === null
        ? null
        : {
            requestedAt: review.requestedAt,
            reasons: review.reasons,
            decision:
              review.decision === null
                ? null
                : {
                    outcome: review.decision.outcome,
                    grade: review.decision.grade,
                    reasons: review.decision.reasons,
                    decidedAt: review.decision.decidedAt,
                    decidedByName: review.decision.decidedBy.name,
                  },
          },
    version: evaluation.version,
  };
}

function refuseRole(): never {
  throw new ForbiddenError('只有区民政局可以进行年度考核').refusing({ action: 'request', reason: 'roleCannot' });
}

function districtOf(actor: Actor): string {
  if (actor.role !== 'districtOfficer' || actor.scope?.level !== 'district') refuseRole();
  return actor.scope.regionId;
}

export interface WorkerRowView {
  workerId: string;
  name: string;
  role: string;
  evaluation: EvaluationView | null;
}

/** R23: the district's workers and their evaluation of the year, if published (names masked as in every list). */
export async function listDistrictWorkers(ports: EvaluationPorts, actor: Actor, asked?: number): Promise<WorkerRowView[]> {
  const districtId = districtOf(actor);
  const year = asked ?? Number(shanghaiDate(ports.clock()).slice(0, 4));
  const [workers, evaluations] = await Promise.all([workersOfDistrict(ports, districtId), ports.workerEvaluations.listOfDistrict(districtId, year)]);
  const byWorker = new Map(evaluations.map((evaluation) => [evaluation.worker.id, evaluation]));
  const now = ports.clock();
  return workers
    .map((worker) => {
      const evaluation = byWorker.get(worker.id);
      return { workerId: worker.id, name: maskName(worker.name), role: roleNames[worker.role], evaluation: evaluation ? evaluationViewOf(evaluation, now) : null };
    })
    .sort((a, b) => a.role.localeCompare(b.role, 'zh') || a.name.localeCompare(b.name, 'zh'));
}

/** R23: the district officer grades one of the district's workers for the year; WorkerEvaluationPublished tells the worker. */
export async function publishEvaluation(ports: EvaluationPorts, actor: Named, input: PublishEvaluationInput): Promise<EvaluationView> {
  const districtId = districtOf(actor);
  const worker = await ports.users.get(input.workerId);
  const place = worker ? await workerPlaceOf(ports, worker) : null;
  const decision = decideGrading(actor, place);
  if (!decision.allowed || worker === null || place === null) throw new NotFoundError('该工作人员不在本区').refusing({ action: 'request', reason: 'notRelated' });
  const now = ports.clock();
  const evaluation: WorkerEvaluation = {
    id: evaluationIdOf(input.year, worker.id),
    year: input.year,
    districtId,
    worker: { id: worker.id, name: worker.name, role: place.role },
    grade: input.grade,
    comments: input.comments,
    publishedAt: now.toISOString(),
    publishedBy: { id: actor.id, name: actor.name },
    review: null,
    version: 1,
  };
  const event = newEvent(
    'WorkerEvaluationPublished',
    { evaluationId: evaluation.id, workerId: worker.id, districtId, year: input.year, grade: input.grade },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  if ((await ports.workerEvaluations.publish(evaluation, [event])) === 'exists') {
    throw new AlreadyExistsError(`${input.year}年度考核结果已公布，不能重复公布`, 'workerId');
  }
  return evaluationViewOf(evaluation, now);
}

/** The worker's own evaluations, newest year first. */
export async function listOwnEvaluations(ports: EvaluationPorts, actor: Actor): Promise<EvaluationView[]> {
  const now = ports.clock();
  return (await ports.workerEvaluations.listOfWorker(actor.id)).map((evaluation) => evaluationViewOf(evaluation, now));
}

async function loadVersion(ports: EvaluationPorts, evaluationId: string, version: number, allowed: (evaluation: WorkerEvaluation) => boolean) {
  const evaluation = await ports.workerEvaluations.get(evaluationId);
  if (evaluation === null || !allowed(evaluation)) throw new NotFoundError('考核记录不存在').refusing({ action: 'request', reason: 'notRelated' });
  if (evaluation.version !== version) throw new VersionConflictError('该考核已有变化，请刷新后查看', 'version');
  return evaluation;
}

/** R23: the worker asks for a review within 7 Beijing days of publication; after that the grade is final (422 naming why). */
export async function requestReview(ports: EvaluationPorts, actor: Actor, evaluationId: string, input: RequestReviewInput): Promise<EvaluationView> {
  const evaluation = await loadVersion(ports, evaluationId, input.version, (found) => decideReviewRequest(actor, found.worker.id).allowed);
  const now = ports.clock();
  const refusal = reviewRefusal(evaluation, now);
  if (refusal !== null) throw new RuleViolationError(refusal, 'publishedAt');
  const next: WorkerEvaluation = { ...evaluation, review: { requestedAt: now.toISOString(), reasons: input.reasons, decision: null }, version: evaluation.version + 1 };
  const event = newEvent(
    'EvaluationReviewRequested',
    { evaluationId, workerId: evaluation.worker.id, districtId: evaluation.districtId, year: evaluation.year },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  await ports.workerEvaluations.update(evaluation.version, next, [event]);
  return evaluationViewOf(next, now);
}

/** R23: the district bureau decides the review once: upheld, or changed to another grade, with reasons. */
export async function decideReview(ports: EvaluationPorts, actor: Named, evaluationId: string, input: DecideReviewInput): Promise<EvaluationView> {
  const districtId = districtOf(actor);
  const evaluation = await loadVersion(ports, evaluationId, input.version, (found) => found.districtId === districtId);
  if (evaluation.review === null) throw new RuleViolationError('该考核未申请复核', 'outcome');
  if (evaluation.review.decision !== null) throw new AlreadyExistsError('复核已有结果', 'outcome');
  const grade = input.outcome === 'changed' ? input.grade : evaluation.grade;
  if (input.outcome === 'changed' && grade === evaluation.grade) throw new RuleViolationError('改为的等级须与原等级不同', 'grade');
  const now = ports.clock();
  const decision = { outcome: input.outcome, grade, reasons: input.reasons, decidedAt: now.toISOString(), decidedBy: { id: actor.id, name: actor.name } };
  const next: WorkerEvaluation = { ...evaluation, review: { ...evaluation.review, decision }, version: evaluation.version + 1 };
  const event = newEvent(
    'EvaluationReviewDecided',
    { evaluationId, workerId: evaluation.worker.id, districtId, year: evaluation.year, outcome: input.outcome, grade },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  await ports.workerEvaluations.update(evaluation.version, next, [event]);
  return evaluationViewOf(next, now);
}
