import Taro from '@tarojs/taro';

/**
 * WeChat asks when the user goes back from the current page (the back button or a swipe), not when the
 * mini-program is closed, which no API can stop. Base library 2.12 and later; older ones simply do not ask.
 */
export function warnBeforeLeaving(message: string): () => void {
  if (!Taro.canIUse('enableAlertBeforeUnload')) return () => undefined;
  void Taro.enableAlertBeforeUnload({ message });
  return () => void Taro.disableAlertBeforeUnload();
}

/** WeChat offers no way to ask before the mini-program closes; the queue sends what waits when it next opens. */
export function warnBeforeClosing(_message: string): () => void {
  return () => undefined;
}
