import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EscalationLevel, EscalationLists, EscalationSummary } from '../../../api';
import { CaseStatusTag, OverdueTag } from '../../../components/case-tags';
import { Cell, CellGroup } from '../../../components/cell';
import { UrgentTag } from '../../../components/concern-tags';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { emptyOverdueBelowText, emptyQueueText, overdueBelowNote, queueLineNote } from '../../../lib/escalation-words';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import './index.css';

const open = (id: string) => () => void Taro.navigateTo({ url: routes.escalation(id) });

/** One case of the queue: the village, when it came, by when to acknowledge it; nothing of the child or the form. */
function QueueLine({ line, now }: { line: EscalationSummary; now: Date }) {
  const urgentOpen = line.urgent && line.status !== 'resolved';
  const classes = ['case-row', urgentOpen ? 'case-row--urgent' : '', line.overdue ? 'case-row--overdue' : ''].filter(Boolean).join(' ');
  return (
    <Cell id={`case-row-${line.id}`} className={classes} title={line.villageName || '疑难个案'} note={queueLineNote(line, now)} onClick={open(line.id)}>
      <View className='tags'>
        {line.urgent ? <UrgentTag /> : null}
        <CaseStatusTag status={line.status} />
        {line.overdue ? <OverdueTag /> : null}
      </View>
    </Cell>
  );
}

/** A case the level below let pass: in red, with which level and since when. */
function OverdueBelowLine({ line, now }: { line: EscalationSummary; now: Date }) {
  return (
    <Cell id={`overdue-below-${line.id}`} className='case-row case-row--overdue' title={line.villageName || '疑难个案'} note={overdueBelowNote(line, now)} onClick={open(line.id)}>
      <View className='tags'>
        {line.urgent ? <UrgentTag /> : null}
        <OverdueTag />
      </View>
    </Cell>
  );
}

function Counts({ counts }: { counts: EscalationLists['counts'] }) {
  return (
    <View className='queue-counts' id='case-counts'>
      <Text className='queue-counts__item'>
        未解决 <Text className='queue-counts__number' id='case-open'>{counts.open}</Text> 件
      </Text>
      <Text className={`queue-counts__item${counts.urgent > 0 ? ' queue-counts__item--red' : ''}`}>
        紧急 <Text className='queue-counts__number' id='case-urgent'>{counts.urgent}</Text> 件
      </Text>
      <Text className={`queue-counts__item${counts.overdue > 0 ? ' queue-counts__item--red' : ''}`}>
        超时未受理 <Text className='queue-counts__number' id='case-overdue'>{counts.overdue}</Text> 件
      </Text>
    </View>
  );
}

function OverdueBelow({ level, lines, now }: { level: EscalationLevel; lines: EscalationSummary[]; now: Date }) {
  // The town has no level below.
  const empty = emptyOverdueBelowText(level);
  if (empty === null) return null;
  return (
    <CellGroup title='下级超时未受理'>
      <View id='case-overdue-below'>
        {lines.length === 0 ? <EmptyState text={empty.text} detail={empty.detail} /> : null}
        {lines.map((line) => (
          <OverdueBelowLine key={line.id} line={line} now={now} />
        ))}
      </View>
    </CellGroup>
  );
}

/**
 * 疑难个案 (issue 8, R6): the cases the reader's level holds (the supervisor's town, the district, the city), open
 * first, urgent first, the earliest deadline first, as the server orders them; then the cases the level below let
 * pass its deadline. Loaded again each time the page shows, so a step taken on a case shows on coming back.
 */
export default function CaseQueuePage() {
  const session = useRequiredSession();
  const lists = useLoadOnShow(session ? () => api.listEscalations() : null);
  if (!session) return <View className='page' />;
  const data = lists.data;
  const now = new Date();
  const level = data?.level ?? null;
  const empty = level ? emptyQueueText(level) : null;
  return (
    <View className='page case-queue'>
      {data?.queue ? <Counts counts={data.counts} /> : null}
      <CellGroup title={level ? '本级待办（紧急的、受理期限早的在前）' : '疑难个案'}>
        <View id='case-queue'>
          {lists.error ? <ErrorNotice error={lists.error} /> : null}
          {data === null && !lists.error ? <LoadingState /> : null}
          {data && data.queue === null ? <EmptyState text='您的岗位不办理疑难个案' detail='疑难个案由镇（街道）督导员、区民政局和市民政局逐级办理' /> : null}
          {empty && data?.queue?.length === 0 ? <EmptyState text={empty.text} detail={empty.detail} /> : null}
          {data?.queue?.map((line) => <QueueLine key={line.id} line={line} now={now} />)}
        </View>
      </CellGroup>
      {data && level ? <OverdueBelow level={level} lines={data.overdueBelow} now={now} /> : null}
    </View>
  );
}
