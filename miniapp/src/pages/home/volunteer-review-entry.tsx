import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/cell';
import { ErrorNotice } from '../../components/states';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { api } from '../../services/api';
import { routes } from '../../services/routes';

/** Issue 11 part 2, on the organization admin's home: the volunteers' applications waiting for review. */
export function VolunteerReviewEntry() {
  const { data, error } = useLoadOnShow(() => api.pendingVolunteerApplications());
  return (
    <CellGroup title='志愿者'>
      {error ? <ErrorNotice error={error} /> : null}
      <Cell
        id='entry-volunteer-review'
        title='志愿者申请'
        note='审核申请加入本组织的志愿者'
        value={data === null ? '…' : `${data.length} 条待审核`}
        onClick={() => void Taro.navigateTo({ url: routes.volunteerReview })}
      />
    </CellGroup>
  );
}
