import type { VisitDetail } from '../../miniapp/src/api/types.js';

/** A visit's page as the API gives it to the social worker who recorded it: a home visit of two and a half hours. */
export function visitDetail(overrides: Partial<VisitDetail> = {}): VisitDetail {
  return {
    id: '20261123013000000-abc',
    childId: 'child-1',
    region: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
    kind: 'homeVisit',
    purpose: 'routine',
    startedAt: '2026-11-23T09:30:00+08:00',
    endedAt: '2026-11-23T12:00:00+08:00',
    location: { latitude: 30.95, longitude: 121.32, accuracyMeters: 25 },
    locationMissing: false,
    participantIds: ['sw-1', 'dir-1'],
    participantNames: ['王晓静', '张桂英'],
    companionNames: [],
    contactChannel: null,
    services: ['dailyCare'],
    notes: '了解孩子学习情况。',
    problemsFound: '',
    recordedBy: 'sw-1',
    recordedAt: '2026-11-23T04:05:00.000Z',
    r3: { applies: true, met: true, shortfalls: [] },
    confirmation: { state: 'pending', byUserId: null, at: null, reasons: [], note: '' },
    resolution: null,
    corrections: [],
    asRecorded: null,
    sequence: 3,
    previousHash: 'p',
    hash: 'h',
    version: 1,
    childName: '李浩然',
    villageName: '井凌桥村',
    names: { 'sw-1': '王晓静', 'dir-1': '张桂英' },
    actions: { answer: false, settle: false, amend: true, amendUntil: '2026-11-30T04:05:00.000Z' },
    ...overrides,
  };
}
