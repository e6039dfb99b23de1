import { createDraftStore } from '../lib/check-in-draft';
import { createSnapshotStore } from '../lib/offline-snapshot';
import { createSettleDraftStore } from '../lib/settle-draft';
import { phoneStorage } from '../platform/phone-storage';

/** Lists kept on the phone for use without signal, per user (issue 7, B6). */
export const snapshots = createSnapshotStore(phoneStorage);

/** Check-in forms typed and not sent yet, per user and child (issue 7, B5). */
export const checkInDrafts = createDraftStore(phoneStorage);

/** Settlements of disputes begun and not sent, per user and visit (issue 7, B2). */
export const settleDrafts = createSettleDraftStore(phoneStorage);
