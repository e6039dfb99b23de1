import { Text, View } from '@tarojs/components';
import { ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { chatPlatformsFor } from '../../../lib/chat-bind-words';
import { api } from '../../../services/api';
import { PlatformCard } from './platform-card';
import './index.css';

/**
 * 绑定公众号 / 企业微信 (issue 10, part 3): a chat is bound with a one-time code shown here, never by typing a name or
 * a phone number in the chat. Loaded again each time the page shows, so coming back from the chat shows 已绑定.
 */
export default function ChatBindPage() {
  const session = useRequiredSession();
  const bindings = useLoadOnShow(session ? () => api.chatBindings() : null);
  if (!session) return <View className='page' />;
  const platforms = chatPlatformsFor(session.user.role);
  return (
    <View className='page chat-bind' id='chat-bind-page'>
      <View className='chat-bind__intro'>
        <Text id='chat-bind-intro'>
          绑定后，可以在{platforms.length > 1 ? '公众号或企业微信' : '公众号'}里直接发消息：确认走访、报告情况、查看今天的待办。
        </Text>
      </View>
      {bindings.error ? <ErrorNotice error={bindings.error} /> : null}
      {bindings.data === null ? (
        bindings.error ? null : <LoadingState />
      ) : (
        platforms.map((platform) => (
          <PlatformCard
            key={platform}
            platform={platform}
            binding={bindings.data?.find((binding) => binding.platform === platform) ?? null}
            onChanged={bindings.reload}
          />
        ))
      )}
      <Text className='group-footer'>绑定码只给本人使用，请不要告诉别人。换了手机或微信号，解除后重新绑定即可。</Text>
    </View>
  );
}
