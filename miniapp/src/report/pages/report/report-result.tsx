import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useLeaveWarning } from '../../../hooks/use-leave-warning';
import { copyText } from '../../../platform/clipboard';
import { routes } from '../../../services/routes';
import { CallPolice } from '../../components/call-police';
import type { ReportSent } from './use-report-submit';

const LEAVE_MESSAGE = '查询码只显示这一次，离开后无法再看到。确定已经记下了吗？';

/** After a public report: the tracking code, large, shown this once (the server keeps only its hash). */
function TrackingCode({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);
  useLeaveWarning(!copied, LEAVE_MESSAGE);

  async function copy() {
    if (await copyText(code)) {
      setCopied(true);
      void Taro.showToast({ title: '已复制', icon: 'success' });
    } else {
      void Taro.showModal({ title: '没能复制', content: '请把查询码抄下来或截图保存。', showCancel: false });
    }
  }

  return (
    <View className='tracking'>
      <Text className='tracking__label'>查询码</Text>
      {/* Groups wrap as wholes: a code broken inside a group is easily copied wrong by hand. */}
      <Text className='tracking__code' id='tracking-code' userSelect>
        {code.split('-').map((group, index, groups) => (
          <Text key={index} className='tracking__group'>
            {index < groups.length - 1 ? `${group}-` : group}
          </Text>
        ))}
      </Text>
      <Button className='button button--primary' id='copy-code' onClick={() => void copy()}>
        复制查询码
      </Button>
      {copied ? (
        <Text className='tracking__copied' id='code-copied'>
          ✓ 已复制，可以粘贴到微信或短信里保存
        </Text>
      ) : null}
      <Text className='tracking__advice'>
        请把查询码抄下来、截图或复制保存。查询码只显示这一次，丢了无法找回；凭它可以随时查看办理进度。
      </Text>
    </View>
  );
}

/** The report is in: the code (public) or where to follow it (signed in), and 110 again if the child is in danger. */
export function ReportResult({ sent }: { sent: ReportSent }) {
  // It takes the place of a long form: start at its top, where it says the report is in (and 110 if urgent).
  useEffect(() => {
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, []);
  return (
    <View className='report-result' id='report-result'>
      <Text className='report-result__icon'>✓</Text>
      <Text className='report-result__title'>报告已送出</Text>
      <Text className='report-result__text'>
        {sent.mode === 'public'
          ? '报告已送到孩子所在村（社区）的儿童主任和镇（街道）儿童督导员。'
          : `报告已送到${sent.concern.villageName || '孩子所在村（社区）'}的儿童主任和镇（街道）儿童督导员，可以在“我的报告”查看办理进度。`}
      </Text>
      {sent.urgent ? <CallPolice id='call-police-after' sent /> : null}
      {sent.mode === 'public' ? <TrackingCode code={sent.trackingCode} /> : null}
      <View className='report-result__actions'>
        {sent.mode === 'public' ? (
          <Button className='button button--default' id='go-status' onClick={() => void Taro.navigateTo({ url: routes.concernStatus })}>
            查看办理进度
          </Button>
        ) : (
          <Button className='button button--default' id='go-mine' onClick={() => void Taro.redirectTo({ url: routes.myConcerns })}>
            我的报告
          </Button>
        )}
      </View>
    </View>
  );
}
