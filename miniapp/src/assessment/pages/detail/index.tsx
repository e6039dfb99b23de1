import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { AssessmentView } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { ErrorNotice, LoadingState } from '../../../components/states';
import { RiskTag } from '../../../components/tag';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { dimensions, sources } from '../../../lib/assessment-form';
import { assessmentKindNames, dimensionNames, monthDayText, scoreNames, sourceNames } from '../../../lib/assessment-words';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { api } from '../../../services/api';
import '../new/index.css';

export function AssessmentBody({ assessment }: { assessment: AssessmentView }) {
  const today = shanghaiDateOf(new Date());
  return (
    <View id={`assessment-${assessment.id}`}>
      <CellGroup title={`${assessmentKindNames[assessment.kind]} · ${monthDayText(assessment.heldOn, today)}`}>
        <Cell title='风险等级' value={<RiskTag level={assessment.riskLevel} />} />
        <Cell title='参与人员' value={assessment.presentNames.join('、')} />
        <Cell title='记录人' value={assessment.recordedByName} />
      </CellGroup>
      <CellGroup title='六个方面'>
        {dimensions.map((d) => {
          const { score, notes } = assessment.dimensions[d];
          return <Cell key={d} title={dimensionNames[d]} note={notes || undefined} value={`${score} ${scoreNames[String(score) as keyof typeof scoreNames]}`} />;
        })}
      </CellGroup>
      <CellGroup title='听取意见'>
        {sources.map((s) => {
          const { heard, learned } = assessment.sources[s];
          return <Cell key={s} title={sourceNames[s]} note={heard ? learned : undefined} value={heard ? '已听取' : '未听取'} />;
        })}
      </CellGroup>
      <CellGroup title='评估结论'>
        <Text className='assessment-detail__block' id='assessment-conclusion'>{assessment.conclusion}</Text>
      </CellGroup>
      <CellGroup title='建议'>
        <Text className='assessment-detail__block'>{assessment.recommendations}</Text>
      </CellGroup>
    </View>
  );
}

/** One guardianship assessment (issue 12, R18), as recorded. */
export default function AssessmentDetailPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.childId ? decodeURIComponent(params.childId) : '';
  const id = params.id ? decodeURIComponent(params.id) : '';
  const { data, error } = useLoadOnShow(session && childId && id ? () => api.getAssessment(childId, id) : null);
  if (!session) return <View className='page' />;
  return (
    <View className='page assessment-detail'>
      {error ? <ErrorNotice error={error} /> : null}
      {!data && !error ? <LoadingState /> : null}
      {data ? <AssessmentBody assessment={data} /> : null}
    </View>
  );
}
