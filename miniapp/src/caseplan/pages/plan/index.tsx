import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { FullCaseView } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { FamilyPlanPart } from '../../../components/family-plan';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { formatDateTime } from '../../../lib/beijing-time';
import { formatDate } from '../../../lib/format';
import { caseStatusNames } from '../../../lib/case-plan-words';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';

/** The team's full plan: the family-facing part, then the tasks by name, the internal notes, the reviews and the history. */
function FullPlan({ view }: { view: FullCaseView }) {
  const plan = view.plan;
  if (!plan) return <EmptyState text='尚未制定服务计划' />;
  return (
    <View>
      <FamilyPlanPart idPrefix='plan' goals={plan.goals} services={plan.services} told={plan.family.told} familyAgrees={plan.family.familyAgrees} nextReviewOn={view.nextReviewOn} closingNotice={null} />
      {plan.tasks.length > 0 ? (
        <CellGroup title='分工'>
          {plan.tasks.map((task, index) => (
            <Cell key={index} id={`plan-task-${index}`} title={task.task} note={task.assigneeName} value={formatDate(task.dueOn)} />
          ))}
        </CellGroup>
      ) : null}
      {plan.internalNotes ? (
        <CellGroup title='内部备注（家庭不可见）'>
          <Cell title={plan.internalNotes} />
        </CellGroup>
      ) : null}
      <CellGroup title='定期评估'>
        {view.reviews.length === 0 ? <Cell title='尚无评估记录' /> : null}
        {view.reviews.map((review) => (
          <Cell key={review.id} title={`${formatDate(review.reviewedOn)} 评估`} note={review.childChange} value={review.recordedByName} />
        ))}
      </CellGroup>
      <CellGroup title='关爱手册'>
        <Cell title={view.handbook ? `${formatDate(view.handbook.handedOverOn)} 由${view.handbook.handedOverByName}交给${view.handbook.guardianName}` : '尚未登记发放'} />
      </CellGroup>
      <CellGroup title='历史版本'>
        {view.history.map((version) => (
          <Cell key={version.version} title={`第 ${version.version} 版`} value={`${version.recordedByName} ${formatDateTime(version.recordedAt, new Date())}`} />
        ))}
      </CellGroup>
    </View>
  );
}

/**
 * R2 一人一案: a child's service plan. The team, the supervisor and the officers read all of it; a guardian only the
 * part for the family (the server sends nothing else).
 */
export default function CasePlanPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.id ?? '';
  const load = useCallback(() => api.casePlan(childId), [childId]);
  const plan = useLoadOnShow(session && childId ? load : null);
  const view = plan.data;

  if (!session) return <View className='page' />;
  return (
    <View className='page case-plan-page'>
      {plan.error ? <ErrorNotice error={plan.error} /> : null}
      {!view && !plan.error ? <LoadingState /> : null}
      {view ? (
        <View>
          <Text className='section-title' id='case-plan-title'>
            {view.childName}的服务计划 · {caseStatusNames[view.status]}
          </Text>
          {view.view === 'family' ? (
            view.status === 'none' ? <EmptyState text='尚未制定服务计划' /> : <FamilyPlanPart idPrefix='plan' {...view} />
          ) : (
            <View>
              {view.canEdit ? (
                <View className='page-actions'>
                  <Button className='button button--primary' id='case-plan-edit' onClick={() => void Taro.navigateTo({ url: routes.editCasePlan(view.childId) })}>
                    {view.plan ? '修改计划' : '制定计划'}
                  </Button>
                </View>
              ) : null}
              <FullPlan view={view} />
            </View>
          )}
        </View>
      ) : null}
    </View>
  );
}
