import { useDidShow } from '@tarojs/taro';
import { useEffect, type PropsWithChildren } from 'react';
import { warnBeforeClosing } from './platform/leave-warning';
import { checkInQueue, sendQueuedCheckIns } from './services/check-in-queue';
import './app.css';

const UNSENT_MESSAGE = '还有走访记录没有上传。关闭后记录仍保存在手机上，下次打开时会自动上传。';

/**
 * The pages render themselves; the app sends queued check-ins each time it comes to the front (and by itself after
 * that), and asks before the browser tab is closed while some still wait (issue 7, B5).
 */
function App({ children }: PropsWithChildren) {
  useDidShow(sendQueuedCheckIns);
  useEffect(() => {
    let release: (() => void) | null = null;
    const follow = (unsent: number) => {
      if (unsent > 0 && !release) release = warnBeforeClosing(UNSENT_MESSAGE);
      if (unsent === 0 && release) {
        release();
        release = null;
      }
    };
    follow(checkInQueue.list().length);
    const unsubscribe = checkInQueue.subscribe((items) => follow(items.length));
    return () => {
      unsubscribe();
      release?.();
    };
  }, []);
  return children;
}

export default App;
