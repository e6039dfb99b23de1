import { Text, View } from '@tarojs/components';
import type { OwnPledgeSignature } from '../../../api';
import { formatDateTime } from '../../../lib/beijing-time';

/** After signing: which version, when, by which name; a record changed since says 记录异常. */
export function SignedView({ signature, title }: { signature: OwnPledgeSignature; title: string }) {
  return (
    <View className='pledge-signed' id='pledge-signed'>
      <Text className={`pledge-signed__status${signature.intact ? '' : ' pledge-signed__status--anomaly'}`} id='pledge-signed-status'>
        {signature.intact ? '已签署' : '记录异常'}
      </Text>
      <Text className='pledge-signed__line'>《{title}》版本 {signature.version}</Text>
      <Text className='pledge-signed__line' id='pledge-signed-name'>承诺人：{signature.typedName}</Text>
      <Text className='pledge-signed__line' id='pledge-signed-at'>签署时间：{signature.signedAt ? formatDateTime(signature.signedAt, new Date()) : '—'}</Text>
      {signature.intact ? null : <Text className='pledge-signed__line'>该签署记录在签署后被改动，请联系所在机构管理员。</Text>}
    </View>
  );
}
