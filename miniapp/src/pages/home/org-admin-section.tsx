import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/cell';
import { ErrorNotice } from '../../components/states';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { api } from '../../services/api';
import { routes } from '../../services/routes';

/**
 * Issue 11, on the organization admin's home: the volunteers' applications waiting for review, and who of the
 * organization has signed the child-protection pledge (R8).
 */
export function OrgAdminSection() {
  const { data, error } = useLoadOnShow(() => api.pendingVolunteerApplications());
  return (
    <CellGroup title='机构管理'>
      {error ? <ErrorNotice error={error} /> : null}
      <Cell
        id='entry-volunteer-review'
        title='志愿者申请'
        note='审核申请加入本组织的志愿者'
        value={data === null ? '…' : `${data.length} 条待审核`}
        onClick={() => void Taro.navigateTo({ url: routes.volunteerReview })}
      />
      <Cell
        id='entry-pledge-roster'
        title='承诺书签署情况'
        note='本机构社工、志愿者是否已签署儿童保护承诺书'
        onClick={() => void Taro.navigateTo({ url: routes.pledgeRoster })}
      />
    </CellGroup>
  );
}
