import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MyConcern } from '../../../api';
import { CellGroup } from '../../../components/cell';
import { ConcernStatusTag, UrgentTag } from '../../../components/concern-tags';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { formatDateTime } from '../../../lib/beijing-time';
import { kindsText, statusMeaningOf } from '../../../lib/concern-words';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import './index.css';

async function loadMine(): Promise<MyConcern[]> {
  return (await api.listConcerns()).mine;
}

/** 我的报告 (issue 8, R17): what the user reported, newest first, each with its status in words and, once closed, the feedback. */
export default function MyConcernsPage() {
  const session = useRequiredSession();
  const mine = useLoadOnShow(session ? loadMine : null);
  if (!session) return <View className='page' />;
  const now = new Date();
  return (
    <View className='page my-concerns'>
      <CellGroup title='我提交的报告'>
        <View id='my-concerns'>
          {mine.error ? <ErrorNotice error={mine.error} /> : null}
          {mine.data === null && !mine.error ? <LoadingState /> : null}
          {mine.data?.length === 0 ? <EmptyState text='还没有提交过报告' /> : null}
          {mine.data?.map((concern) => (
            <View key={concern.id} id={`my-concern-${concern.id}`} className='my-concern'>
              <View className='my-concern__head'>
                <Text className='my-concern__kinds'>{kindsText(concern.kinds)}</Text>
                <ConcernStatusTag status={concern.status} />
              </View>
              <Text className='my-concern__line'>
                {[concern.villageName, `${formatDateTime(concern.createdAt, now)} 报告`].filter(Boolean).join(' · ')}
              </Text>
              {concern.urgent ? (
                <View className='tags'>
                  <UrgentTag />
                </View>
              ) : null}
              <Text className='my-concern__meaning'>{statusMeaningOf(concern.status)}</Text>
              {concern.closingFeedback ? (
                <Text className='my-concern__feedback'>办理结果：{concern.closingFeedback}</Text>
              ) : null}
            </View>
          ))}
        </View>
      </CellGroup>
      <View className='my-concerns__new'>
        <Text className='link' id='new-report' onClick={() => void Taro.navigateTo({ url: routes.report() })}>
          再报告一个情况
        </Text>
      </View>
    </View>
  );
}
