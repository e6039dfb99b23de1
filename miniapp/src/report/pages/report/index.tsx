import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { LoadingState } from '../../../components/states';
import type { PickedChild } from '../../../lib/concern-report-form';
import { api } from '../../../services/api';
import { knownRegionNames } from '../../../services/region-names';
import { currentSession } from '../../../services/session';
import { ReportFormView } from './report-form-view';
import './index.css';

/** The child a report from its page is about, by name and village; null when it cannot be read (the user picks). */
function usePresetChild(childId: string): PickedChild | null | undefined {
  const [child, setChild] = useState<PickedChild | null | undefined>(childId ? undefined : null);
  useEffect(() => {
    if (!childId) return;
    api.getChild(childId).then(
      (found) => setChild({ id: found.id, name: found.name, villageName: knownRegionNames()[found.region.villageId] ?? '' }),
      () => setChild(null),
    );
  }, [childId]);
  return child;
}

/**
 * 报告儿童遇到的危险 (issue 8, R17). Anyone may open it without an account (on H5 by its own address, from the login
 * page): that is the public form. Signed in, the same page reports as the user, from the home or a child's page.
 */
export default function ReportPage() {
  const { params } = useRouter();
  const [session] = useState(currentSession);
  const childId = session && params.childId ? decodeURIComponent(params.childId) : '';
  const preset = usePresetChild(childId);

  if (preset === undefined) {
    return (
      <View className='page report'>
        <LoadingState />
      </View>
    );
  }
  return (
    <ReportFormView
      mode={session ? 'signedIn' : 'public'}
      user={session ? { id: session.user.id, role: session.user.role } : null}
      preset={preset}
    />
  );
}
