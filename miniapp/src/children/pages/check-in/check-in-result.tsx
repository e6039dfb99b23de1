import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Visit } from '../../../api';
import { RuleText } from '../../../components/rule-text';
import { Tag } from '../../../components/tag';
import type { QueuedCheckIn } from '../../../lib/queued-check-in';
import { r3ResultText } from '../../../lib/visit-format';

export type Outcome =
  | { state: 'sending' }
  | { state: 'sent'; visit: Visit }
  | { state: 'queued'; item: QueuedCheckIn }
  | { state: 'failed'; item: QueuedCheckIn };

function goBack() {
  void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/home/index' }));
}

/** What became of the check-in: on the server (with R3's verdict), kept on the phone (待上传), or refused. */
export function CheckInResult({ outcome, onEdit }: { outcome: Outcome; onEdit: () => void }) {
  if (outcome.state === 'sending') {
    return (
      <View className='check-in-result check-in-result--sending' id='check-in-result'>
        <Text className='check-in-result__title'>正在提交…</Text>
      </View>
    );
  }
  if (outcome.state === 'sent') {
    const r3 = r3ResultText(outcome.visit.r3);
    const met = outcome.visit.r3?.met ?? true;
    return (
      <View className='check-in-result check-in-result--sent' id='check-in-result'>
        <Text className='check-in-result__icon'>✓</Text>
        <Text className='check-in-result__title'>已提交</Text>
        <Text className='check-in-result__text'>已通知监护人在手机上确认。</Text>
        {r3 ? (
          <View className='tags check-in-result__tags'>
            <Tag tone={met ? 'primary' : 'yellow'} className={`r3-result r3-result--${met ? 'met' : 'unmet'}`} id='r3-result'>
              <RuleText text={r3} className='r3-result__text' />
            </Tag>
          </View>
        ) : null}
        {r3 && !met ? (
          <Text className='check-in-result__text' id='r3-still-due'>
            这次走访已登记，本月的社工入户走访仍然待办。
          </Text>
        ) : null}
        {outcome.visit.locationMissing ? <Text className='check-in-result__text'>本次未获取定位，已记录为缺失。</Text> : null}
        <Button className='button button--primary' id='check-in-back' onClick={goBack}>
          完成
        </Button>
      </View>
    );
  }
  if (outcome.state === 'queued') {
    return (
      <View className='check-in-result check-in-result--queued' id='check-in-result'>
        <Text className='check-in-result__title'>已保存，待上传</Text>
        <View className='tags check-in-result__tags'>
          <Tag tone='yellow' className='upload-state upload-state--pending'>
            待上传
          </Tag>
        </View>
        <Text className='check-in-result__text'>
          {outcome.item.problem?.title ?? '网络连接失败'}。记录已保存在手机上，联网后会自动上传，也可在首页点“立即上传”。
        </Text>
        <Button className='button button--primary' id='check-in-back' onClick={goBack}>
          返回
        </Button>
      </View>
    );
  }
  const { problem } = outcome.item;
  return (
    <View className='check-in-result check-in-result--failed' id='check-in-result'>
      <Text className='check-in-result__title'>提交未成功</Text>
      <Text className='check-in-result__text check-in-result__problem'>
        {problem?.title}
        {problem?.detail ? `：${problem.detail}` : ''}
      </Text>
      <Button className='button button--primary' id='check-in-edit' onClick={onEdit}>
        修改后重新提交
      </Button>
      <Button className='button button--default' id='check-in-back' onClick={goBack}>
        返回（记录保留为“失败”）
      </Button>
    </View>
  );
}
