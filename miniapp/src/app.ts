import { useDidShow } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { sendQueuedCheckIns } from './services/check-in-queue';
import './app.css';

/** The pages render themselves; the app only sends check-ins made offline each time it comes to the front. */
function App({ children }: PropsWithChildren) {
  useDidShow(sendQueuedCheckIns);
  return children;
}

export default App;
