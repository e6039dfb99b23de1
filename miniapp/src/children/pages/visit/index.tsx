import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ApiError, VisitDetail } from '../../../api';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { CorrectionForm } from './correction-form';
import { VisitAnswer } from './visit-answer';
import { VisitAmendActions, VisitCorrections } from './visit-corrections';
import { VisitFacts, VisitHeader, VisitR3, VisitWork } from './visit-facts';
import { VisitSettlement } from './visit-settlement';
import { WithdrawForm } from './withdraw-form';
import './index.css';

type Mode = 'view' | 'correct' | 'withdraw';

/** Four characters: the H5 title bar cuts longer ones short beside its back button. */
const titles: Record<Mode, string> = { view: '走访详情', correct: '更正记录', withdraw: '撤回记录' };

/** 404 means "no such visit" or "not yours to see": the server does not say which, and neither do we. */
const refusals: Record<number, { text: string; detail: string }> = {
  404: { text: '未找到这次走访记录', detail: '记录不存在，或您无权查看' },
  403: { text: '您无权查看这次走访记录', detail: '如有疑问，请联系儿童督导员' },
};

function Refusal({ text, detail }: { text: string; detail: string }) {
  return (
    <View className='page visit-page visit-not-found' id='visit-refused'>
      <EmptyState text={text} detail={detail} />
      <View className='visit-actions'>
        <Button className='button button--default' onClick={() => void Taro.reLaunch({ url: routes.home })}>
          返回首页
        </Button>
      </View>
    </View>
  );
}

function LoadFailure({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <View className='page visit-page' id='visit-error'>
      <ErrorNotice error={error} />
      <View className='visit-actions'>
        <Button className='button button--default' id='visit-retry' onClick={onRetry}>
          重新加载
        </Button>
      </View>
    </View>
  );
}

/**
 * One visit (issue 7, B1): when, where, who came, what was done and found, R3's verdict, the guardian's answer, the
 * supervisor's settlement, corrections. Each reader sees what the API gives them, and gets the actions it offers:
 * the guardian answers, the leading supervisor settles a dispute, the author corrects or withdraws.
 */
export default function VisitPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.childId ? decodeURIComponent(params.childId) : '';
  const visitId = params.visitId ? decodeURIComponent(params.visitId) : '';
  const loaded = useLoadOnShow(session && childId && visitId ? () => api.visit(childId, visitId) : null);
  // What the server last said: a load, or the answer to what was just done here (no second read needed).
  const [visit, setVisit] = useState<VisitDetail | null>(null);
  const [mode, setMode] = useState<Mode>('view');

  useEffect(() => setVisit(loaded.data), [loaded.data]);
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: titles[mode] }).catch(() => undefined);
    // Each mode starts at its top, not where the button that opened it was. (Taro's H5 does not scroll at duration 0.)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 100 }).catch(() => undefined);
  }, [mode]);

  if (!session) return <View className='page' />;
  if (!childId || !visitId) return <Refusal {...refusals[404]} />;
  if (loaded.error && refusals[loaded.error.status]) return <Refusal {...refusals[loaded.error.status]} />;
  if (loaded.error && !visit) return <LoadFailure error={loaded.error} onRetry={loaded.reload} />;
  if (!visit) {
    return (
      <View className='page visit-page'>
        <LoadingState />
      </View>
    );
  }

  const done = (next: VisitDetail) => {
    setVisit(next);
    setMode('view');
  };
  if (mode === 'correct') return <CorrectionForm visit={visit} session={session} onDone={done} onCancel={() => setMode('view')} />;
  if (mode === 'withdraw') return <WithdrawForm visit={visit} onDone={done} onCancel={() => setMode('view')} />;

  const now = new Date();
  return (
    <View className={`page visit-page${visit.actions.answer ? ' visit-page--answering' : ''}`} id='visit-page'>
      <VisitHeader visit={visit} now={now} />
      {loaded.error ? <ErrorNotice error={loaded.error} /> : null}
      <VisitFacts visit={visit} now={now} />
      <VisitWork visit={visit} />
      <VisitR3 visit={visit} />
      <VisitAnswer visit={visit} now={now} onAnswered={loaded.reload} />
      <VisitSettlement visit={visit} userId={session.user.id} now={now} onChanged={done} />
      <VisitCorrections visit={visit} now={now} />
      <VisitAmendActions visit={visit} now={now} onCorrect={() => setMode('correct')} onWithdraw={() => setMode('withdraw')} />
    </View>
  );
}
