import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { asApiError, type ApiError, type BindCodeView, type ChatBindingView, type ChatPlatform } from '../../../api';
import { ErrorNotice } from '../../../components/states';
import { useOneAtATime } from '../../../hooks/use-one-at-a-time';
import { bindMessage, boundText, chatPlatformNames, chatPlatformWhere, codeValidityText } from '../../../lib/chat-bind-words';
import { copyText } from '../../../platform/clipboard';
import { api } from '../../../services/api';

/** Often enough that 已过期 appears within a few seconds of the code's end. */
const TICK_MS = 5_000;

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

interface PlatformCardProps {
  platform: ChatPlatform;
  binding: ChatBindingView | null;
  onChanged: () => void;
}

/** One chat (公众号 or 企业微信): bound since when, with 解除绑定; or a code to send there, large, with its validity. */
export function PlatformCard({ platform, binding, onChanged }: PlatformCardProps) {
  const [code, setCode] = useState<BindCodeView | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { busy, run } = useOneAtATime();
  const now = useNow();
  const name = chatPlatformNames[platform];
  const live = code !== null && new Date(code.expiresAt).getTime() > now.getTime();

  const issue = () =>
    run(async () => {
      setFailure(null);
      try {
        setCode(await api.issueBindCode(platform));
      } catch (e) {
        setFailure(asApiError(e));
      }
    });

  const unbind = () =>
    run(async () => {
      const { confirm } = await Taro.showModal({
        title: `解除${name}绑定？`,
        content: `解除后，${name}里不能再确认走访、查看待办，需要时可以重新绑定。`,
        confirmText: '解除绑定',
        confirmColor: '#fa5151',
      });
      if (!confirm) return;
      setFailure(null);
      try {
        await api.unbindChat(platform);
        setCode(null);
        onChanged();
      } catch (e) {
        setFailure(asApiError(e));
      }
    });

  async function copy(text: string) {
    if (await copyText(text)) void Taro.showToast({ title: '已复制', icon: 'success' });
    else void Taro.showModal({ title: '没能复制', content: '请照着屏幕上的数字输入。', showCancel: false });
  }

  return (
    <View className='chat-card' id={`chat-${platform}`}>
      <Text className='chat-card__title'>{name}</Text>
      {failure ? <ErrorNotice error={failure} /> : null}
      {binding ? (
        <View className='chat-card__bound'>
          <Text className='chat-card__state chat-card__state--bound' id={`chat-${platform}-state`}>
            {boundText(binding.boundAt)}
          </Text>
          <Button className='button button--default' id={`chat-${platform}-unbind`} disabled={busy || undefined} onClick={() => void unbind()}>
            解除绑定
          </Button>
        </View>
      ) : (
        <View className='chat-card__unbound'>
          <Text className='chat-card__state' id={`chat-${platform}-state`}>
            未绑定
          </Text>
          {code ? (
            <View className='chat-card__code-box' id={`chat-${platform}-code-box`}>
              <Text className='chat-card__label'>绑定码</Text>
              <Text className={`chat-card__code${live ? '' : ' chat-card__code--expired'}`} id={`chat-${platform}-code`} userSelect>
                {code.code}
              </Text>
              <Text className='chat-card__how' id={`chat-${platform}-how`}>
                {chatPlatformWhere[platform]}：{bindMessage(code.code)}
              </Text>
              <Text className={`chat-card__validity${live ? '' : ' chat-card__validity--expired'}`} id={`chat-${platform}-validity`}>
                {codeValidityText(code.expiresAt, now)}
              </Text>
              {live ? (
                <Button className='button button--default' id={`chat-${platform}-copy`} onClick={() => void copy(bindMessage(code.code))}>
                  复制“{bindMessage(code.code)}”
                </Button>
              ) : null}
            </View>
          ) : (
            <Text className='chat-card__note'>获取绑定码后，{chatPlatformWhere[platform]}“绑定 + 绑定码”即可。绑定码10分钟内有效，只能用一次。</Text>
          )}
          {live ? null : (
            <Button className='button button--primary' id={`chat-${platform}-issue`} disabled={busy || undefined} onClick={() => void issue()}>
              {code ? '重新获取绑定码' : '获取绑定码'}
            </Button>
          )}
        </View>
      )}
    </View>
  );
}
