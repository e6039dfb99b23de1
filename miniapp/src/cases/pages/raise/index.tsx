import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { mayRaiseEscalation } from '../../../lib/escalation-words';
import { routes } from '../../../services/routes';
import { RaiseFormView } from './raise-form-view';
import { useRaiseChild } from './use-raise-child';
import './index.css';

/** 404: no such child, or not the user's to see; the server does not say which, and neither do we. */
const NOT_FOUND = 404;

function Notice({ text, detail }: { text: string; detail?: string }) {
  return (
    <View className='page raise'>
      <EmptyState text={text} detail={detail} />
      <View className='raise__back'>
        <Button className='button button--default' onClick={() => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: routes.home }))}>
          返回
        </Button>
      </View>
    </View>
  );
}

/** 提请疑难个案 (issue 8, part 4; R6): the handling form for one child, opened from the child's page. */
export default function RaiseEscalationPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.childId ? decodeURIComponent(params.childId) : '';
  const { found, error, limits } = useRaiseChild(session ? childId : '');

  if (!session) return <View className='page' />;
  if (!childId || error?.status === NOT_FOUND) return <Notice text='未找到该儿童或无权查看' />;
  if (error) {
    return (
      <View className='page raise'>
        <ErrorNotice error={error} />
      </View>
    );
  }
  if (!found) {
    return (
      <View className='page raise'>
        <LoadingState />
      </View>
    );
  }
  if (!mayRaiseEscalation(session.user, found.child)) {
    return (
      <Notice
        text={found.child.status === 'closed' ? '该儿童已结案，不能提请疑难个案' : '疑难个案由孩子的社工或本村（居）儿童主任提请'}
        detail={found.child.name}
      />
    );
  }
  return <RaiseFormView userId={session.user.id} child={{ id: found.child.id, name: found.child.name, villageName: found.villageName }} limits={limits} />;
}
