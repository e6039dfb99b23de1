import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { Cell, CellGroup } from '../../../components/cell';
import { ErrorNotice } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { guardianshipDeadlineText, guardianshipStatusText } from '../../../lib/state-guardianship-words';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';

/** Issue 12 part 3, R22: the child's 临时监护 in one line (where things stand, the deadline running), opening its page. */
export function GuardianshipSection({ childId }: { childId: string }) {
  const load = useCallback(() => api.casePlan(childId), [childId]);
  const loaded = useLoadOnShow(load);
  const view = loaded.data;
  if (view !== null && view.view !== 'full') return null;
  const record = view?.stateGuardianship ?? null;
  return (
    <CellGroup title='临时监护' className='guardianship-section'>
      {loaded.error ? <ErrorNotice error={loaded.error} /> : null}
      {view ? (
        <Cell
          id='guardianship-entry'
          title={guardianshipStatusText(record)}
          note={guardianshipDeadlineText(record, shanghaiDateOf(new Date())) ?? undefined}
          onClick={() => void Taro.navigateTo({ url: routes.stateGuardianship(childId) })}
        />
      ) : null}
    </CellGroup>
  );
}
