import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** WeChat dials through its own confirmation sheet; a refusal or a cancel needs nothing more from the page. */
export function DialButton({ number, label, id, className }: { number: string; label: string; id?: string; className?: string }) {
  return (
    <Button
      className={`button dial-button${className ? ` ${className}` : ''}`}
      id={id}
      onClick={() => void Taro.makePhoneCall({ phoneNumber: number }).catch(() => undefined)}
    >
      {label}
    </Button>
  );
}
