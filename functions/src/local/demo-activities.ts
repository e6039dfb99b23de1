import { activityHeldTally } from '../domain/activity-counts.js';
import type { Activity } from '../domain/activity.js';
import { AlreadyExistsError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import { newEvent } from '../events/domain-events.js';
import type { Repositories } from '../store/ports.js';

/**
 * R5 in the demo: 松江区阳光社工服务中心 has one activity held earlier this year (so the yearly count and the month's
 * report show one) and one planned a few weeks ahead for volunteers and families to sign up. Fixed ids: a second
 * start finds them and adds nothing.
 */
const dayOffset = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function demoActivity(id: string, fields: Pick<Activity, 'title' | 'date' | 'time' | 'place' | 'capacity' | 'description'>, area: Activity['area'], now: Date): Activity {
  return {
    id,
    organizationId: 'demo-org',
    ...fields,
    area,
    categories: [],
    organizer: { id: 'demo-org-admin', name: '吴敏' },
    status: 'planned',
    signedUp: 0,
    attended: [],
    heldAt: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
}

const yexie: Activity['area'] = { level: 'town', regionId: 'demo-town-yexie', name: '叶榭镇', districtId: 'demo-district', townId: 'demo-town-yexie' };
const dongqin: Activity['area'] = { level: 'village', regionId: 'demo-village-dongqin', name: '东勤村', districtId: 'demo-district', townId: 'demo-town-yexie' };

/** How many of the two were written now, and how many a start before had written. */
export async function seedDemoActivities(repositories: Repositories, now: Date): Promise<{ created: number; alreadyThere: number }> {
  const today = shanghaiDate(now);
  const meta = (id: string) => ({ id, occurredAt: now, actorId: 'system' });
  const planned = demoActivity(
    'demo-activity-planned',
    { title: '寒假安全亲子活动', date: dayOffset(today, 21), time: '09:30', place: '叶榭镇社区文化活动中心', capacity: 30, description: '防溺水、防火、交通安全小课堂和亲子游戏。' },
    yexie,
    now,
  );
  const held = demoActivity(
    'demo-activity-held',
    { title: '秋季亲子成长小组', date: dayOffset(today, -45), time: '14:00', place: '东勤村村委会活动室', capacity: 20, description: '' },
    dongqin,
    now,
  );
  const result = { created: 0, alreadyThere: 0 };
  for (const activity of [planned, held]) {
    try {
      const event = newEvent('ActivityPlanned', { activityId: activity.id, organizationId: 'demo-org', districtId: 'demo-district', capacity: activity.capacity }, meta(`seed-${activity.id}`));
      await repositories.activities.create(activity, [event]);
      result.created += 1;
    } catch (error) {
      if (error instanceof AlreadyExistsError) {
        result.alreadyThere += 1;
        continue;
      }
      throw error;
    }
    if (activity === held) {
      const next: Activity = { ...held, status: 'held', heldAt: now.toISOString(), version: 2 };
      const event = newEvent('ActivityHeld', { activityId: held.id, organizationId: 'demo-org', districtId: 'demo-district', attended: 0 }, meta(`seed-${held.id}-held`));
      await repositories.activities.replace(next, 1, [event], activityHeldTally(next));
    }
  }
  return result;
}
