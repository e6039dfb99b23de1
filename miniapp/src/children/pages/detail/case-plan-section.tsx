import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { Cell, CellGroup } from '../../../components/cell';
import { ErrorNotice } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { caseStatusNames } from '../../../lib/case-plan-words';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { formatDate } from '../../../lib/format';

/** Issue 12, R2/R15: the child's 服务计划 at a glance (status, next review), opening the plan page. */
export function CasePlanSection({ childId }: { childId: string }) {
  const load = useCallback(() => api.casePlan(childId), [childId]);
  const plan = useLoadOnShow(load);
  const view = plan.data;
  return (
    <CellGroup title='服务计划' className='case-plan-section'>
      {plan.error ? <ErrorNotice error={plan.error} /> : null}
      {view ? (
        <Cell
          id='case-plan-status'
          title={caseStatusNames[view.status]}
          note={view.nextReviewOn ? `下次评估 ${formatDate(view.nextReviewOn)}` : undefined}
          onClick={() => void Taro.navigateTo({ url: routes.casePlan(childId) })}
        />
      ) : null}
    </CellGroup>
  );
}
