import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { FamilyPlanPart } from '../../../components/family-plan';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { caseStatusNames } from '../../../lib/case-plan-words';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { CaseActions } from './case-actions';
import { FullPlan } from './full-plan';
import '../../caseplan.css';

/**
 * R2 一人一案: a child's service plan. The team, the supervisor and the officers read all of it; a guardian only the
 * part for the family (the server sends nothing else). A reader who may change it finds the case's next steps (R15)
 * at the top; a closed case is read-only.
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
              {view.plan ? <CaseActions view={view} /> : null}
              <FullPlan view={view} />
            </View>
          )}
        </View>
      ) : null}
    </View>
  );
}
