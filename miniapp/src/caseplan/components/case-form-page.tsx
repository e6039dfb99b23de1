import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, type ReactNode } from 'react';
import type { FullCaseView } from '../../api';
import { EmptyState, ErrorNotice, LoadingState } from '../../components/states';
import { SubmitButton } from '../../components/submit-button';
import type { Failure } from '../../hooks/use-keyed-form-submit';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { useRequiredSession } from '../../hooks/use-required-session';
import { api } from '../../services/api';
import { routes } from '../../services/routes';
import '../caseplan.css';

/** What a case form needs besides the case: who types it and the first guardian's name (to preset "whom"). */
export interface CaseFormContext {
  userId: string;
  view: FullCaseView;
  guardianName: string;
}

/**
 * The frame of the case's forms (R2, R15): the child's case loaded for a reader who may change it; anyone else is
 * told who fills it in. The child's record is read for the guardian's name only; without it the field starts empty.
 */
export function CaseFormPage({ allowed, refusal, children }: {
  /** Whether the form applies to the case as it stands (a closed case takes no review). */
  allowed: (view: FullCaseView) => boolean;
  refusal: string;
  children: (context: CaseFormContext) => ReactNode;
}) {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.id ? decodeURIComponent(params.id) : '';
  const load = useCallback(async () => {
    const [view, child] = await Promise.all([api.casePlan(childId), api.getChild(childId).catch(() => null)]);
    return { view, guardianName: child?.guardians?.[0]?.name ?? '' };
  }, [childId]);
  const loaded = useLoadOnShow(session && childId ? load : null);
  if (!session) return <View className='page' />;
  if (loaded.error) return <View className='page'><ErrorNotice error={loaded.error} /></View>;
  if (!loaded.data) return <View className='page'><LoadingState /></View>;
  const { view, guardianName } = loaded.data;
  if (view.view !== 'full' || !view.canEdit) return <View className='page'><EmptyState text='这一步由儿童的执行团队登记' /></View>;
  if (!allowed(view)) {
    return (
      <View className='page'>
        <EmptyState text={refusal} detail={view.childName} />
        <View className='page-actions'>
          <Text className='link' onClick={() => void Taro.navigateBack()}>返回服务计划</Text>
        </View>
      </View>
    );
  }
  return <>{children({ userId: session.user.id, view, guardianName })}</>;
}

/**
 * After a save: back to the plan page, which loads again on showing and so shows the new state. A form opened on its
 * own (a reload, a shared link) has no plan page under it: the plan page takes its place instead.
 */
export function backToPlan(title: string, childId: string): void {
  void Taro.showToast({ title, icon: 'success' });
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: routes.casePlan(childId) });
}

/**
 * The foot of every case form: why the last save failed, a reminder to look for the marked fields (the first of them
 * may be scrolled away), and the one button.
 */
export function CaseFormSubmit({ id, label, failure, errorCount, submitting, onSubmit }: {
  id: string;
  label: string;
  failure: Failure | null;
  errorCount: number;
  submitting: boolean;
  onSubmit: () => void;
}) {
  return (
    <View>
      {failure ? <ErrorNotice error={failure} /> : null}
      {errorCount > 0 ? <ErrorNotice error={{ title: '请检查标红的内容', detail: undefined }} /> : null}
      <View className='case-form__submit'>
        <SubmitButton id={id} busy={submitting} label={label} busyLabel='正在保存…' onClick={onSubmit} />
      </View>
    </View>
  );
}
