import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { CaseView, FullCaseView } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { formatDate } from '../../../lib/format';
import { evaluationLine, guardianshipDeadlineText, guardianshipStatusText, isInStateGuardianship, nextGuardianshipStep } from '../../../lib/state-guardianship-words';
import { api } from '../../../services/api';
import { GuardianshipStepForm } from './step-form';

/** Where the child is, since when, the deadline running and the evaluations so far. */
function GuardianshipRecord({ view }: { view: FullCaseView }) {
  const record = view.stateGuardianship;
  const deadline = guardianshipDeadlineText(record, shanghaiDateOf(new Date()));
  return (
    <View>
      <CellGroup title='当前情况'>
        <Cell
          id='guardianship-status'
          title={guardianshipStatusText(record)}
          note={deadline ? <Text id='guardianship-deadline' className={deadline.endsWith('（已逾期）') ? 'due-value--overdue' : undefined}>{deadline}</Text> : undefined}
        />
        {isInStateGuardianship(record) ? <Cell id='guardianship-institution-shown' title='安置机构' value={record.institution} /> : null}
        {isInStateGuardianship(record) ? <Cell id='guardianship-since' title='开始日期' value={formatDate(record.placedOn)} /> : null}
      </CellGroup>
      {record !== null && record.evaluations.length > 0 ? (
        <CellGroup title='回归评估'>
          {record.evaluations.map((evaluation, index) => (
            <Cell key={index} id={`guardianship-evaluation-${index}`} title={evaluationLine(evaluation)} note={evaluation.note || undefined} />
          ))}
        </CellGroup>
      ) : null}
    </View>
  );
}

/**
 * R22 临时监护: a child in temporary state guardianship is evaluated for the return home within six months; once
 * cleared, the guardian collects the child within three days. The team and the supervisor record the one next step;
 * the officers read.
 */
export default function StateGuardianshipPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.id ?? '';
  const load = useCallback(() => api.casePlan(childId), [childId]);
  const loaded = useLoadOnShow(session && childId ? load : null);
  // The answer to a step recorded here is the case as it is now: shown at once, until the next load.
  const [recorded, setRecorded] = useState<CaseView | null>(null);
  // Once the child is home, a new placement is a rare, grave step: asked for with a tap, not offered as a form.
  const [placingAgain, setPlacingAgain] = useState(false);
  const view = recorded ?? loaded.data;

  if (!session) return <View className='page' />;
  if (loaded.error && !view) return <View className='page'><ErrorNotice error={loaded.error} /></View>;
  if (!view) return <View className='page'><LoadingState /></View>;
  if (view.view !== 'full') return <View className='page'><EmptyState text='临时监护的情况请联系孩子的服务团队' /></View>;
  const step = nextGuardianshipStep(view.stateGuardianship);
  return (
    <View className='page guardianship-page'>
      <Text className='section-title' id='guardianship-title'>{view.childName} · 临时监护</Text>
      <GuardianshipRecord view={view} />
      {view.canEdit && view.stateGuardianship?.collected && !placingAgain ? (
        <View className='page-actions'>
          <Button className='button button--default' id='guardianship-place-again' onClick={() => setPlacingAgain(true)}>
            再次登记临时监护安置
          </Button>
        </View>
      ) : view.canEdit ? (
        <GuardianshipStepForm
          key={`${step}-${view.stateGuardianship?.version ?? 0}`}
          userId={session.user.id}
          view={view}
          step={step}
          onRecorded={(next) => {
            setRecorded(next);
            setPlacingAgain(false);
          }}
        />
      ) : (
        <Text className='page-note' id='guardianship-read-only'>由儿童的执行团队或督导员登记</Text>
      )}
    </View>
  );
}
