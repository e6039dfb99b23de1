import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError, type ApiError, type EscalationView } from '../../../api';
import { CellGroup } from '../../../components/cell';
import { TextField } from '../../../components/form-section';
import { ErrorNotice } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useOneAtATime } from '../../../hooks/use-one-at-a-time';
import { caseNoteLimit, caseStepProblemOf, needsNote, noteFieldOf, toCaseStepRequest } from '../../../lib/escalation-step-form';
import { holderOf, stepButtonText, type CaseStep } from '../../../lib/escalation-words';
import { api } from '../../../services/api';
import '../../../components/step-panel.css';

/** Someone else took a step meanwhile, or the step is no longer open: the page says so and loads the case again. */
const CONFLICT = 409;

interface CaseStepPanelProps {
  escalation: EscalationView;
  onStepped: (view: EscalationView) => void;
  onStale: () => void;
}

/**
 * The steps the API says are open to this reader, a button each: 受理 is sent at once; 解决 and 上报 ask for their
 * note first. Each is sent with the version the page shows. What was typed stays while the page is open, through a
 * failure and a conflict, until a step is taken.
 */
export function CaseStepPanel({ escalation, onStepped, onStale }: CaseStepPanelProps) {
  const [step, setStep] = useState<CaseStep | null>(null);
  const [notes, setNotes] = useState<Partial<Record<CaseStep, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { busy, run } = useOneAtATime();
  const steps = escalation.nextSteps;
  const label = (next: CaseStep) => stepButtonText(next, escalation.level);

  if (steps.length === 0) {
    if (escalation.status === 'resolved') return null;
    return <Text className='group-footer step-none'>这一级由{holderOf(escalation.level)}办理，您可以查看办理经过。</Text>;
  }

  function choose(next: CaseStep | null) {
    setStep(next);
    setProblem(null);
    setFailure(null);
  }

  async function send(chosen: CaseStep) {
    const note = notes[chosen] ?? '';
    const missing = caseStepProblemOf(chosen, note);
    setProblem(missing);
    if (missing) return;
    setFailure(null);
    try {
      onStepped(await api.stepEscalation(escalation.id, toCaseStepRequest(chosen, note, escalation.version)));
      setStep(null);
      setNotes((kept) => ({ ...kept, [chosen]: '' }));
      void Taro.showToast({ title: `已${label(chosen)}`, icon: 'success' });
    } catch (e) {
      const error = asApiError(e);
      if (error.status === CONFLICT) {
        await Taro.showModal({
          title: '这个个案已有变化',
          content: `别人刚刚办理过这个个案。页面会显示最新的办理情况，请看过后再决定下一步${note.trim() ? '；您写的内容还在' : ''}。`,
          showCancel: false,
          confirmText: '知道了',
        });
        setStep(null);
        onStale();
      } else setFailure(error);
    }
  }

  function tap(next: CaseStep) {
    // 受理 has nothing to fill in: one tap sends it.
    if (needsNote(next)) choose(next);
    else {
      choose(null);
      void run(() => send(next));
    }
  }

  const field = step ? noteFieldOf(step) : null;
  return (
    <CellGroup title={step ? `办理：${label(step)}` : '办理'} className='step-panel'>
      {step ? null : (
        <View className='step-buttons' id='step-buttons'>
          {steps.map((next) => (
            <Button
              key={next}
              id={`step-${next}`}
              className={`button ${next === 'raise' ? 'button--default' : 'button--primary'} step-button`}
              disabled={busy || undefined}
              onClick={() => tap(next)}
            >
              {label(next)}
            </Button>
          ))}
        </View>
      )}
      {!step && failure ? <ErrorNotice error={failure} /> : null}
      {step && field ? (
        <View className='step-form' id='step-form'>
          <Text className='field-label'>{field.label}</Text>
          <TextField
            id='step-note'
            value={notes[step] ?? ''}
            limit={caseNoteLimit}
            placeholder={field.placeholder}
            onChange={(note) => setNotes((kept) => ({ ...kept, [step]: note }))}
          />
          {problem ? <Text className='form-error'>{problem}</Text> : null}
          {failure ? <ErrorNotice error={failure} /> : null}
          <View className='step-form__actions'>
            <SubmitButton id='step-confirm' busy={busy} label={`确认${label(step)}`} busyLabel='提交中…' onClick={() => void run(() => send(step))} />
            <Text className='link step-form__cancel' id='step-cancel' onClick={() => choose(null)}>
              取消
            </Text>
          </View>
        </View>
      ) : null}
    </CellGroup>
  );
}
