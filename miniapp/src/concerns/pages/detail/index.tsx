import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ConcernView } from '../../../api';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { ClosingFeedback, ConcernChild, ConcernDescription, ConcernHead, ConcernReporter } from './concern-sections';
import { StepPanel } from './step-panel';
import { ConcernTrail } from './trail';
import './index.css';

/** 404: no such report, or not in this handler's area; the server does not say which, and neither do we. */
const NOT_FOUND = 404;

/** One report for its handlers (issue 8): what was reported, by whom, the steps open to them, and the trail. */
export default function ConcernPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const loaded = useLoadOnShow(session && id ? () => api.getConcern(id) : null);
  // The answer to a step is the report as it now is: shown at once, until the next load replaces it.
  const [concern, setConcern] = useState<ConcernView | null>(null);
  useEffect(() => setConcern(loaded.data), [loaded.data]);

  if (!session) return <View className='page' />;
  if (!id || loaded.error?.status === NOT_FOUND) {
    return (
      <View className='page concern-detail'>
        <EmptyState text='未找到这份报告或无权查看' />
        <View className='concern-detail__actions'>
          <Button className='button button--default' onClick={() => void Taro.reLaunch({ url: routes.home })}>
            返回首页
          </Button>
        </View>
      </View>
    );
  }
  if (loaded.error && !concern) {
    return (
      <View className='page concern-detail'>
        <ErrorNotice error={loaded.error} />
      </View>
    );
  }
  if (!concern) {
    return (
      <View className='page concern-detail'>
        <LoadingState />
      </View>
    );
  }
  return (
    <View className='page concern-detail' id={`concern-${concern.id}`}>
      <ConcernHead concern={concern} />
      <StepPanel concern={concern} onStepped={setConcern} onStale={loaded.reload} />
      <ConcernChild concern={concern} />
      <ConcernDescription concern={concern} />
      <ConcernReporter concern={concern} />
      <ClosingFeedback concern={concern} />
      <ConcernTrail concern={concern} />
    </View>
  );
}
