import { View } from '@tarojs/components';
import type { FullCaseView } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { FamilyPlanPart } from '../../../components/family-plan';
import { EmptyState } from '../../../components/states';
import { formatDateTime } from '../../../lib/beijing-time';
import { formatDate } from '../../../lib/format';
import { ClosingPart } from './closing-part';
import { ReviewList } from './review-list';

/**
 * The team's full plan: the closing (once told), the family-facing part, then the tasks by name, the internal notes,
 * the reviews, the handbook and the history.
 */
export function FullPlan({ view }: { view: FullCaseView }) {
  const plan = view.plan;
  if (!plan) return <EmptyState text='尚未制定服务计划' />;
  return (
    <View>
      {/* Once the family was told, the closing is what the team needs first; the plan it closes follows. */}
      {view.closing ? <ClosingPart closing={view.closing} /> : null}
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
      <ReviewList view={view} />
      <CellGroup title='关爱手册'>
        <Cell id='plan-handbook' title={view.handbook ? `${formatDate(view.handbook.handedOverOn)} 由${view.handbook.handedOverByName}交给${view.handbook.guardianName}` : '尚未登记发放'} />
      </CellGroup>
      <CellGroup title='历史版本'>
        {view.history.map((version) => (
          <Cell key={version.version} title={`第 ${version.version} 版`} value={`${version.recordedByName} ${formatDateTime(version.recordedAt, new Date())}`} />
        ))}
      </CellGroup>
    </View>
  );
}
