import { createNetworkStatus } from '../lib/network-status';
import { watchNetwork } from '../platform/network';

/** The app's one view of the connection: the banner, the queue and the lists all follow it. */
export const networkStatus = createNetworkStatus();
watchNetwork(networkStatus.report);
