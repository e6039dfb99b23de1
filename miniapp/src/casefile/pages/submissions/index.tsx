import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import type { SubmissionProgress } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { deadlineText, submissionYearOn } from '../../../lib/case-file-words';
import { api } from '../../../services/api';
import '../../casefile.css';

/**
 * R7 (000 §五.7): the district officer follows the year's files sent by the towns' supervisors: N / M 已提交 for the
 * district and each town, the deadline (31 January of the next year), and the late ones.
 */
export default function SubmissionProgressPage() {
  const session = useRequiredSession();
  const scope = session?.user.scope;
  const districtId = scope?.level === 'district' ? scope.regionId : null;
  const year = submissionYearOn(new Date());
  const load = useCallback(() => api.submissionProgress(districtId!, year), [districtId, year]);
  const progress = useLoadOnShow(districtId ? load : null);
  if (!session) return <View className='page' />;
  return (
    <View className='page submission-progress' id='submission-progress-page'>
      {progress.error ? <ErrorNotice error={progress.error} /> : null}
      {progress.data ? <ProgressBody progress={progress.data} /> : progress.error ? null : <LoadingState />}
    </View>
  );
}

function ProgressBody({ progress }: { progress: SubmissionProgress }) {
  return (
    <View>
      <View className='submission-progress__summary'>
        <Text className='submission-progress__title' id='submission-title'>{`${progress.district.name} ${progress.year}年度儿童档案`}</Text>
        <Text className='submission-progress__count' id='submission-count'>
          {progress.submitted} / {progress.total} 已提交
        </Text>
        <Text className={`submission-progress__deadline${progress.overdue ? ' submission-progress__deadline--overdue' : ''}`}>
          {deadlineText(progress.deadline)}
          {progress.overdue ? '，已逾期' : ''}
          {progress.late > 0 ? `（逾期报送 ${progress.late} 份）` : ''}
        </Text>
      </View>
      <CellGroup title='各镇（街道）'>
        {progress.towns.map((town) => (
          <Cell
            key={town.townId}
            id={`submission-town-${town.townId}`}
            title={town.townName}
            note={town.late > 0 ? `逾期 ${town.late} 份` : undefined}
            value={`${town.submitted} / ${town.total}`}
          />
        ))}
      </CellGroup>
    </View>
  );
}
