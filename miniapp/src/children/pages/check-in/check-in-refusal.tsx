import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { routes } from '../../../services/routes';

export type RefusalReason = 'guardian' | 'notAWorker' | 'notYours' | 'closed';

const texts: Record<RefusalReason, { title: string; detail: string }> = {
  guardian: {
    title: '监护人不需要登记走访',
    detail: '走访由负责的社工或儿童主任登记。来访后，您会在首页“待确认的走访”里看到，请核对后确认或提出异议。',
  },
  notAWorker: { title: '无权登记走访', detail: '只有负责该儿童的社工或所在村（居）的儿童主任可以登记走访。' },
  notYours: { title: '无权为该儿童登记走访', detail: '该儿童不在您负责的范围内，或档案不存在。请从首页的待办走访或儿童名单进入。' },
  closed: { title: '该儿童已结案', detail: '结案后不能再登记走访。' },
};

/** Said at once, instead of a form that would fail when sent (issue 7, B7). */
export function CheckInRefusal({ reason }: { reason: RefusalReason }) {
  const { title, detail } = texts[reason];
  return (
    <View className='page check-in check-in-refusal' id='check-in-refusal'>
      <View className='check-in-result'>
        <Text className='check-in-result__title'>{title}</Text>
        <Text className='check-in-result__text'>{detail}</Text>
        <Button className='button button--primary' id='refusal-home' onClick={() => void Taro.reLaunch({ url: routes.home })}>
          返回首页
        </Button>
      </View>
    </View>
  );
}
