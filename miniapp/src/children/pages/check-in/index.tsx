import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LoadingState } from '../../../components/states';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { presetFor } from '../../../lib/check-in-form';
import { isVisitingWorker } from '../../../lib/labels';
import { CheckInFormView } from './check-in-form-view';
import { CheckInRefusal } from './check-in-refusal';
import { useCheckInChild } from './use-check-in-child';
import './index.css';

/**
 * 入户登记: only the social worker of the child's team or the director of its village gets a form; a guardian or
 * anyone else who opens this page by its address is told so at once (issue 7, B7), before anything is typed.
 */
export default function CheckInPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.id ? decodeURIComponent(params.id) : '';
  const worker = session && isVisitingWorker(session.user.role) ? session : null;
  const access = useCheckInChild(worker, childId);

  if (!session) return <View className='page' />;
  if (!worker) return <CheckInRefusal reason={session.user.role === 'guardian' ? 'guardian' : 'notAWorker'} />;
  if (!childId) return <CheckInRefusal reason='notYours' />;
  if (access.state === 'refused') return <CheckInRefusal reason={access.reason} />;
  if (access.state === 'loading') {
    return (
      <View className='page check-in'>
        <LoadingState />
      </View>
    );
  }
  return <CheckInFormView session={worker} childId={childId} basics={access.basics} preset={presetFor(params.due)} />;
}
