import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Cell, CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { RiskTag } from '../../../components/tag';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { assessmentKindNames, monthDayText } from '../../../lib/assessment-words';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { api } from '../../../services/api';
import { childBasicsOf } from '../../../services/child-cache';
import { routes } from '../../../services/routes';

/** A child's guardianship assessments, newest first (issue 12, R18). */
export default function AssessmentHistoryPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.childId ? decodeURIComponent(params.childId) : '';
  const { data, error } = useLoadOnShow(session && childId ? () => api.childAssessments(childId) : null);
  const today = shanghaiDateOf(new Date());
  if (!session) return <View className='page' />;
  // Whose assessments: the child's name as the phone learnt it on the child's page (the list answers none).
  const childName = childBasicsOf(childId)?.name;
  return (
    <View className='page assessment-history'>
      {error ? <ErrorNotice error={error} /> : null}
      {!data && !error ? <LoadingState /> : null}
      {data?.items.length === 0 ? <EmptyState text='还没有评估记录' /> : null}
      {data && data.items.length > 0 ? (
        <CellGroup title={childName ? `${childName}的评估记录` : '评估记录'}>
          {data.items.map((a) => (
            <Cell
              key={a.id}
              id={`history-${a.id}`}
              title={`${monthDayText(a.heldOn, today)} · ${assessmentKindNames[a.kind]}`}
              note={a.presentNames.join('、')}
              value={<RiskTag level={a.riskLevel} />}
              onClick={() => void Taro.navigateTo({ url: routes.assessment(childId, a.id) })}
            />
          ))}
        </CellGroup>
      ) : null}
    </View>
  );
}
