import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { asApiError, type ApiError, type PublicRegion } from '../../../api';
import { CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { api } from '../../../services/api';
import { ReviewRow } from './review-row';
import '../volunteer.css';

/**
 * 志愿者申请 (issue 11 part 2): the organization admin's pending applications, phones masked, each approved or refused
 * with a reason. A decision someone else made first is a 409: the list is loaded again and says so.
 */
export default function VolunteerReviewPage() {
  const session = useRequiredSession();
  const { data, error, reload } = useLoadOnShow(session ? () => api.pendingVolunteerApplications() : null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const towns = useDistrictTowns(session?.user.scope ?? null);

  async function decide(action: () => Promise<unknown>) {
    setFailure(null);
    try {
      await action();
    } catch (e) {
      setFailure(asApiError(e, '操作失败，请重试'));
    }
    reload();
  }

  if (!session) return <View className='page' />;
  return (
    <View className='page volunteer' id='volunteer-review'>
      {error ? <ErrorNotice error={error} /> : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      {data === null && !error ? <LoadingState /> : null}
      {data && data.length === 0 ? <EmptyState text='没有待审核的申请' /> : null}
      {data && data.length > 0 ? (
        <CellGroup title='待审核'>
          {data.map((row) => (
            <ReviewRow
              key={row.id}
              row={row}
              towns={towns}
              onApprove={(townId) => decide(() => api.approveVolunteerApplication(row.id, row.version, townId))}
              onRefuse={(reason) => decide(() => api.refuseVolunteerApplication(row.id, row.version, reason))}
            />
          ))}
        </CellGroup>
      ) : null}
    </View>
  );
}

/** The towns of the admin's district, to place an approved volunteer in one (their account's scope); none to offer otherwise. */
function useDistrictTowns(scope: { level: string; regionId: string } | null): PublicRegion[] {
  const [towns, setTowns] = useState<PublicRegion[]>([]);
  const districtId = scope?.level === 'district' ? scope.regionId : null;
  useEffect(() => {
    if (districtId === null) return;
    // Without the towns the volunteer is approved without one: not worth an error of its own.
    api.publicRegions(districtId).then((regions) => setTowns(regions.filter((r) => r.level === 'town')), () => setTowns([]));
  }, [districtId]);
  return towns;
}
