import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ConcernLists, ConcernSummary } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { ConcernStatusTag, UrgentTag } from '../../../components/concern-tags';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { Tag } from '../../../components/tag';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { formatDateTime } from '../../../lib/beijing-time';
import { concernTitle, raisedToText, waitingText } from '../../../lib/concern-words';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import './index.css';

/** One report of the queue in words: what, where, how long it has waited, its status; nothing of the description. */
function QueueLine({ concern, now }: { concern: ConcernSummary; now: Date }) {
  const open = concern.status !== 'closed';
  const raised = raisedToText(concern.raisedTo);
  return (
    <Cell
      id={`concern-row-${concern.id}`}
      className={`concern-row${concern.urgent && open ? ' concern-row--urgent' : ''}`}
      title={concernTitle(concern)}
      note={[concern.villageName, open ? waitingText(concern.createdAt, now) : `${formatDateTime(concern.updatedAt, now)} 办结`].filter(Boolean).join(' · ')}
      onClick={() => void Taro.navigateTo({ url: routes.concern(concern.id) })}
    >
      <View className='tags'>
        {concern.urgent ? <UrgentTag /> : null}
        <ConcernStatusTag status={concern.status} />
        {raised ? <Tag tone='red'>{raised}</Tag> : null}
      </View>
    </Cell>
  );
}

function Counts({ counts }: { counts: ConcernLists['counts'] }) {
  return (
    <View className='queue-counts' id='queue-counts'>
      <Text className='queue-counts__item'>
        待办 <Text className='queue-counts__number' id='queue-open'>{counts.open}</Text> 件
      </Text>
      <Text className={`queue-counts__item${counts.urgent > 0 ? ' queue-counts__item--urgent' : ''}`}>
        紧急 <Text className='queue-counts__number' id='queue-urgent'>{counts.urgent}</Text> 件
      </Text>
    </View>
  );
}

/**
 * 待办报告 (issue 8): the reports of the director's village, the supervisor's town or the officer's district; open
 * ones first, urgent first among them, then the longest waiting. Loaded again each time the page shows.
 */
export default function ConcernQueuePage() {
  const session = useRequiredSession();
  const lists = useLoadOnShow(session ? () => api.listConcerns() : null);
  if (!session) return <View className='page' />;
  const data = lists.data;
  const now = new Date();
  return (
    <View className='page concern-queue'>
      {data?.counts ? <Counts counts={data.counts} /> : null}
      <CellGroup title='报告（紧急的在前）'>
        <View id='concern-queue'>
          {lists.error ? <ErrorNotice error={lists.error} /> : null}
          {data === null && !lists.error ? <LoadingState /> : null}
          {data && data.queue === null ? <EmptyState text='您的岗位不办理报告' detail='报告由村（社区）儿童主任、镇（街道）督导员和区民政局办理' /> : null}
          {data?.queue?.length === 0 ? <EmptyState text='暂时没有报告' /> : null}
          {data?.queue?.map((concern) => <QueueLine key={concern.id} concern={concern} now={now} />)}
        </View>
      </CellGroup>
    </View>
  );
}
