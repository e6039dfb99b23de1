import { Button, Text } from '@tarojs/components';
import { useState } from 'react';
import type { SubscriptionStatus } from '../api';
import { useLoadOnShow } from '../hooks/use-load-on-show';
import { consentWords, reportFromAnswer, templatesToAsk } from '../lib/subscription-words';
import { canRequestSubscribe, requestSubscribe } from '../platform/subscribe-request';
import { api } from '../services/api';
import { Cell, CellGroup } from './cell';

/**
 * 微信提醒: which WeChat reminders the user has, and on WeChat a button that asks for them. Hidden when this
 * deployment configured no template (the channel is off); the inbox works either way.
 */
export function WechatReminderRow() {
  const loaded = useLoadOnShow(() => api.subscriptions());
  const [status, setStatus] = useState<SubscriptionStatus | null>(null);
  const [failed, setFailed] = useState(false);
  const current = status ?? loaded.data ?? null;
  if (current === null || current.templates.length === 0) return null;

  async function ask(templates: SubscriptionStatus['templates']) {
    const asked = templatesToAsk(templates);
    const answer = await requestSubscribe(asked);
    const report = answer === null ? null : reportFromAnswer(answer, asked);
    if (report === null) return;
    setFailed(false);
    await api.reportSubscriptions(report).then(setStatus, () => setFailed(true));
  }

  const note = canRequestSubscribe
    ? failed
      ? '未能保存，请稍后再点一次'
      : '一次性提醒每条需同意一次；长期订阅每天可收到摘要'
    : '请在微信小程序中开启';
  return (
    // The row names itself: a group title saying the same again is noise.
    <CellGroup>
      <Cell
        id='wechat-reminder'
        title='微信提醒'
        note={note}
        value={<Text id='wechat-reminder-state'>{consentWords(current.templates)}</Text>}
        action={
          canRequestSubscribe ? (
            <Button size='mini' onClick={() => void ask(current.templates)}>
              开启
            </Button>
          ) : undefined
        }
      />
    </CellGroup>
  );
}
