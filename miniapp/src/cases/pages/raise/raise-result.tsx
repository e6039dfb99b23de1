import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { EscalationView } from '../../../api';
import { acknowledgeByText } from '../../../lib/escalation-deadline';
import { routes } from '../../../services/routes';

const childPagePath = routes.child('').split('?')[0].replace(/^\//, '');

/**
 * Back to the child's page, where the case now shows: the page it came from, or (opened by its address, or after a
 * reload, when there is none to go back to) the child's page in its place.
 */
function backToChild(childId: string) {
  const pages = Taro.getCurrentPages();
  const previous = pages.length > 1 ? pages[pages.length - 2].route?.replace(/^\//, '') : undefined;
  if (previous === childPagePath) void Taro.navigateBack();
  else void Taro.redirectTo({ url: routes.child(childId) });
}

/** The case is raised: to whom, by when they must acknowledge it, and the way back to the child (where it now shows). */
export function RaiseResult({ raised }: { raised: EscalationView }) {
  // It takes the place of a long form: start at its top, where it says the case is raised.
  useEffect(() => {
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, []);
  return (
    <View className='raise-result' id='raise-result'>
      <Text className='raise-result__icon'>✓</Text>
      <Text className='raise-result__title'>已提请乡镇（街道）儿童督导员</Text>
      <Text className='raise-result__deadline' id='raise-deadline'>
        {`督导员${acknowledgeByText(raised.acknowledgeBy, raised.overdue, new Date())}${raised.urgent ? '（紧急）' : ''}`}
      </Text>
      <Text className='raise-result__text'>
        {`${raised.childName}的处置表已送到${raised.villageName || '孩子所在村（社区）'}所在镇（街道）的儿童督导员，村（居）儿童主任和社会组织也会收到通知。超时未受理会提醒督导员，区民政局也会看到。孩子的家人看不到这份处置表。`}
      </Text>
      <View className='raise-result__actions'>
        <Button className='button button--primary' id='raise-back' onClick={() => backToChild(raised.childId)}>
          回到{raised.childName}的页面
        </Button>
        <Button className='button button--default' id='raise-open-case' onClick={() => void Taro.redirectTo({ url: routes.escalation(raised.id) })}>
          查看个案办理经过
        </Button>
      </View>
    </View>
  );
}
