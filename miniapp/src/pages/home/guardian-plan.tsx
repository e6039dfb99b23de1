import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import type { ChildSummary, FamilyCaseView } from '../../api';
import { Cell, CellGroup } from '../../components/cell';
import { FamilyClosingNotice } from '../../components/family-closing-notice';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { api } from '../../services/api';
import { routes } from '../../services/routes';
import { formatDate } from '../../lib/format';

/**
 * R2 for families: the part of each child's service plan the family is told (goals in plain words, what the family
 * agreed to do, the next review), and first of all the closing notice (R15) once the family was told; nothing for a child without a plan. The server sends a guardian nothing else.
 */
export function GuardianPlanSection({ children }: { children: readonly ChildSummary[] | null }) {
  const load = useCallback(
    () => Promise.all((children ?? []).map((child) => api.casePlan(child.id).catch(() => null))),
    [children],
  );
  const plans = useLoadOnShow(children && children.length > 0 ? load : null);
  const { reload } = plans;
  // The family's children arrive after the home mounts.
  useEffect(() => {
    if (children && children.length > 0) reload();
  }, [children, reload]);
  const shown = (plans.data ?? []).filter((plan): plan is FamilyCaseView => plan !== null && plan.view === 'family' && plan.status !== 'none');
  if (shown.length === 0) return null;
  return (
    <View id='guardian-plans'>
      {shown.map((plan) => (
        <CellGroup key={plan.childId} title={`${plan.childName}的服务计划`} className='guardian-plan'>
          <View id={`guardian-plan-${plan.childId}`}>
            {plan.closingNotice ? <FamilyClosingNotice notice={plan.closingNotice} id={`guardian-closing-${plan.childId}`} /> : null}
            {plan.goals.map((goal, index) => (
              <Cell key={index} title={goal.goal} note={`达成的样子：${goal.success}`} />
            ))}
            <Cell title='我们会做的' note={plan.told} />
            {plan.familyAgrees ? <Cell title='家庭会做的' note={plan.familyAgrees} /> : null}
            <Cell
              title='查看完整计划'
              value={plan.nextReviewOn ? `下次评估 ${formatDate(plan.nextReviewOn)}` : undefined}
              onClick={() => void Taro.navigateTo({ url: routes.casePlan(plan.childId) })}
            />
          </View>
        </CellGroup>
      ))}
    </View>
  );
}
