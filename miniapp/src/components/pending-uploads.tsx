import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { formatTimeRange } from '../lib/beijing-time';
import { queuedStateNames, type QueuedCheckIn } from '../lib/queued-check-in';
import { visitKindText } from '../lib/visit-format';
import { useQueuedCheckIns } from '../hooks/use-queued-check-ins';
import { checkInQueue } from '../services/check-in-queue';
import { CellGroup } from './cell';
import { Tag, type TagTone } from './tag';
import './pending-uploads.css';

const stateTones: Record<QueuedCheckIn['state'], TagTone> = { pending: 'yellow', sending: 'neutral', failed: 'red' };

/**
 * Check-ins kept on this phone that the server does not have yet (issue 3, part 4): 待上传, 上传中 or 失败 with the
 * server's reason. Nothing here is dropped without the worker saying so.
 */
export function PendingUploads({ childId }: { childId?: string }) {
  const items = useQueuedCheckIns(childId);
  const [busy, setBusy] = useState(false);
  if (items.length === 0) return null;

  async function uploadNow() {
    if (busy) return;
    setBusy(true);
    try {
      const report = await checkInQueue.flush({ force: true });
      if (report.stoppedBy) void Taro.showToast({ title: report.stoppedBy.title, icon: 'none' });
      else if (report.sent.length > 0) void Taro.showToast({ title: `已上传 ${report.sent.length} 条`, icon: 'success' });
    } finally {
      setBusy(false);
    }
  }

  async function discard(item: QueuedCheckIn) {
    const { confirm } = await Taro.showModal({
      title: '删除这条记录？',
      content: '删除后无法恢复，这次走访需要重新登记。',
      confirmText: '删除',
      confirmColor: '#fa5151',
    });
    if (confirm) checkInQueue.discard(item.key);
  }

  const now = new Date();
  return (
    <CellGroup title={`待上传的走访记录（${items.length}）`} className='pending-uploads'>
      <View id='pending-uploads'>
        {items.map((item) => (
          <View key={item.key} id={`pending-upload-${item.key}`} className={`pending-upload pending-upload--${item.state}`}>
            <View className='pending-upload__head'>
              <Text className='pending-upload__title'>
                {item.childName || '儿童'} · {visitKindText(item.input)}
              </Text>
              <Tag tone={stateTones[item.state]} className={`upload-state upload-state--${item.state}`}>
                {queuedStateNames[item.state]}
              </Tag>
            </View>
            <Text className='pending-upload__note'>{formatTimeRange(item.input.startedAt, item.input.endedAt, now)}</Text>
            {item.problem ? (
              <Text className='pending-upload__problem'>
                {item.problem.title}
                {item.problem.detail ? `：${item.problem.detail}` : ''}
              </Text>
            ) : null}
            {item.state === 'failed' ? (
              <View className='pending-upload__actions'>
                <Text className='link pending-upload__retry' onClick={() => {
                    checkInQueue.retry(item.key);
                    void uploadNow();
                  }}>
                  重新上传
                </Text>
                <Text className='link link--warn pending-upload__discard' onClick={() => void discard(item)}>
                  删除
                </Text>
              </View>
            ) : null}
          </View>
        ))}
        <View className='pending-uploads__footer'>
          <Button
            className={`button button--default button--small${busy ? ' button--busy' : ''}`}
            id='upload-now'
            onClick={() => void uploadNow()}
          >
            {busy ? '上传中…' : '立即上传'}
          </Button>
        </View>
      </View>
    </CellGroup>
  );
}
