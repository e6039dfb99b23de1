import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { EscalationView } from '../../../api';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { CaseForm, CaseHead, CaseResolution, CaseTrail } from './case-sections';
import { CaseStepPanel } from './step-panel';
import './index.css';

/** 404: no such case, or not one this reader may read; the server does not say which, and neither do we. */
const NOT_FOUND = 404;

/** One difficult case (issue 8, R6): whose, where it stands, the handling form, the steps open to the reader, the trail. */
export default function CasePage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const loaded = useLoadOnShow(session && id ? () => api.getEscalation(id) : null);
  // The answer to a step is the case as it now is: shown at once, until the next load replaces it.
  const [escalation, setEscalation] = useState<EscalationView | null>(null);
  useEffect(() => setEscalation(loaded.data), [loaded.data]);

  if (!session) return <View className='page' />;
  if (!id || loaded.error?.status === NOT_FOUND) {
    return (
      <View className='page case-detail'>
        <EmptyState text='未找到这个个案或无权查看' />
        <View className='case-detail__actions'>
          <Button className='button button--default' onClick={() => void Taro.reLaunch({ url: routes.home })}>
            返回首页
          </Button>
        </View>
      </View>
    );
  }
  if (loaded.error && !escalation) {
    return (
      <View className='page case-detail'>
        <ErrorNotice error={loaded.error} />
      </View>
    );
  }
  if (!escalation) {
    return (
      <View className='page case-detail'>
        <LoadingState />
      </View>
    );
  }
  return (
    <View className='page case-detail' id={`case-${escalation.id}`}>
      <CaseHead escalation={escalation} />
      <CaseStepPanel escalation={escalation} onStepped={setEscalation} onStale={loaded.reload} />
      <CaseResolution escalation={escalation} />
      <CaseForm escalation={escalation} />
      <CaseTrail escalation={escalation} />
    </View>
  );
}
