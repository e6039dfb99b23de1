import { Text, View } from '@tarojs/components';
import type { FamilyCaseView, PlanGoal, PlanService } from '../api';
import { Cell, CellGroup } from './cell';
import { formatDate } from '../lib/format';
import { FamilyClosingNotice } from './family-closing-notice';

/** R2: what the family is told of the child's plan: goals in plain words, services, what the family does, next review. */
export function FamilyPlanPart({
  goals,
  services,
  told,
  familyAgrees,
  nextReviewOn,
  closingNotice,
  idPrefix,
}: Pick<FamilyCaseView, 'told' | 'familyAgrees' | 'nextReviewOn' | 'closingNotice'> & { goals: PlanGoal[]; services: PlanService[]; idPrefix: string }) {
  return (
    <View id={`${idPrefix}-family-plan`}>
      <CellGroup title='帮扶目标'>
        {goals.map((goal, index) => (
          <Cell key={index} id={`${idPrefix}-goal-${index}`} title={goal.goal} note={`达成的样子：${goal.success}`} />
        ))}
      </CellGroup>
      {services.length > 0 ? (
        <CellGroup title='提供的服务'>
          {services.map((service, index) => (
            <Cell key={index} title={service.service} value={service.provider || undefined} />
          ))}
        </CellGroup>
      ) : null}
      <CellGroup title='与家庭的约定'>
        <Cell title='我们会做的' note={told} id={`${idPrefix}-told`} />
        {familyAgrees ? <Cell title='家庭会做的' note={familyAgrees} id={`${idPrefix}-family-agrees`} /> : null}
        {nextReviewOn ? <Cell title='下次评估' value={formatDate(nextReviewOn)} id={`${idPrefix}-next-review`} /> : null}
      </CellGroup>
      {closingNotice ? (
        <CellGroup title='结案告知'>
          <FamilyClosingNotice notice={closingNotice} id={`${idPrefix}-closing`} />
        </CellGroup>
      ) : null}
      <Text className='page-note'>以上为面向家庭的服务计划内容。</Text>
    </View>
  );
}
