import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** WeChat asks the user before dialling. */
export function CallButton({ phone, id, label = '打电话' }: { phone: string; id?: string; label?: string }) {
  return (
    <Button className='button button--small button--default call-button' id={id} onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}>
      {label}
    </Button>
  );
}
