import Taro from '@tarojs/taro';
import type { Role } from '../../api';
import { Cell, CellGroup } from '../../components/cell';
import { routes } from '../../services/routes';

/** Whose home shows R5's group activities: families, the organization's staff (volunteers have theirs in VolunteerSection). */
export function showsActivities(role: Role): boolean {
  return role === 'guardian' || role === 'orgAdmin' || role === 'socialWorker' || role === 'districtOfficer';
}

/**
 * R5 on the home page: families find activities for their children's area; the organization's admin and social
 * workers plan theirs; the admin and the district's officer see the yearly count against the minimum of two.
 */
export function ActivitySection({ role }: { role: Role }) {
  const open = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <CellGroup title='集体活动'>
      {role !== 'districtOfficer' ? (
        <Cell
          id='entry-activities'
          title={role === 'guardian' ? '孩子可以参加的活动' : '本机构的集体活动'}
          note={role === 'guardian' ? '为孩子报名亲子、成长活动' : '发起活动、查看报名、登记签到'}
          onClick={open(routes.activities)}
        />
      ) : null}
      {role === 'orgAdmin' || role === 'districtOfficer' ? (
        <Cell id='entry-activity-r5' title='集体活动年度统计' note='每个机构每年至少举办 2 次' onClick={open(routes.activityR5)} />
      ) : null}
    </CellGroup>
  );
}
