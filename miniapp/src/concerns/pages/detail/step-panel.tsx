import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError, type ApiError, type ConcernView } from '../../../api';
import { CellGroup } from '../../../components/cell';
import { ChoiceChips } from '../../../components/choice-chips';
import { TextField } from '../../../components/form-section';
import { ErrorNotice } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useOneAtATime } from '../../../hooks/use-one-at-a-time';
import { emptyStepForm, stepProblemOf, stepTextLimits, toStepRequest, type StepForm } from '../../../lib/concern-step-form';
import { riskChoices, stepActionOf, type ConcernStep } from '../../../lib/concern-words';
import { api } from '../../../services/api';
import '../../../components/step-panel.css';

/** Someone else took a step meanwhile, or the step is no longer open: the page says so and loads the report again. */
const CONFLICT = 409;

const riskChipChoices = riskChoices.map(({ value, label, meaning }) => ({ value, label: `${label}：${meaning}` }));

interface StepPanelProps {
  concern: ConcernView;
  onStepped: (view: ConcernView) => void;
  onStale: () => void;
}

/**
 * The steps the API says are open to this handler, a button each; the chosen one asks for its note, the risk level
 * (评估) or the feedback to the reporter (办结), and is sent with the version the page shows.
 */
export function StepPanel({ concern, onStepped, onStale }: StepPanelProps) {
  const [step, setStep] = useState<ConcernStep | null>(null);
  const [form, setForm] = useState<StepForm>(emptyStepForm);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { busy, run } = useOneAtATime();
  const steps = concern.nextSteps as ConcernStep[];

  if (steps.length === 0) {
    if (concern.status === 'closed') return null;
    return <Text className='group-footer step-none'>下一步由镇（街道）督导员或区民政局办理。</Text>;
  }

  function choose(next: ConcernStep | null) {
    setStep(next);
    setForm(emptyStepForm);
    setProblem(null);
    setFailure(null);
  }

  async function send(chosen: ConcernStep) {
    const missing = stepProblemOf(chosen, form);
    setProblem(missing);
    if (missing) return;
    setFailure(null);
    try {
      onStepped(await api.stepConcern(concern.id, toStepRequest(chosen, form, concern.version)));
      setStep(null);
      setForm(emptyStepForm);
      void Taro.showToast({ title: `已${stepActionOf(chosen)}`, icon: 'success' });
    } catch (e) {
      const error = asApiError(e);
      if (error.status === CONFLICT) {
        await Taro.showModal({
          title: '这份报告已有变化',
          content: '别人刚刚办理过这份报告。页面会显示最新的办理情况，请看过后再决定下一步。',
          showCancel: false,
          confirmText: '知道了',
        });
        setStep(null);
        onStale();
      } else setFailure(error);
    }
  }

  return (
    <CellGroup title={step ? `办理：${stepActionOf(step)}` : '办理'} className='step-panel'>
      {step ? null : (
        <View className='step-buttons' id='step-buttons'>
          {steps.map((next) => (
            <Button key={next} id={`step-${next}`} className='button button--primary step-button' onClick={() => choose(next)}>
              {stepActionOf(next)}
            </Button>
          ))}
        </View>
      )}
      {step ? (
        <View className='step-form' id='step-form'>
          {step === 'assessed' ? (
            <View>
              <Text className='field-label'>风险等级</Text>
              <ChoiceChips
                idPrefix='risk'
                choices={riskChipChoices}
                selected={form.riskLevel ? [form.riskLevel] : []}
                onToggle={(riskLevel) => setForm((f) => ({ ...f, riskLevel }))}
              />
            </View>
          ) : null}
          {step === 'closed' ? (
            <View>
              <Text className='field-label'>给报告人的反馈（报告人能看到）</Text>
              <TextField
                id='closing-feedback'
                value={form.closingFeedback}
                limit={stepTextLimits.closingFeedback}
                placeholder='如：已核实，孩子现由亲属照看，村里会定期回访。请不要写孩子和家庭的隐私。'
                onChange={(closingFeedback) => setForm((f) => ({ ...f, closingFeedback }))}
              />
            </View>
          ) : null}
          <Text className='field-label'>办理说明（只有办理人员能看到，可不填）</Text>
          <TextField
            id='step-note'
            value={form.note}
            limit={stepTextLimits.note}
            placeholder='如：已电话联系监护人，明天上门核实'
            onChange={(note) => setForm((f) => ({ ...f, note }))}
          />
          {problem ? <Text className='form-error'>{problem}</Text> : null}
          {failure ? <ErrorNotice error={failure} /> : null}
          <View className='step-form__actions'>
            <SubmitButton id='step-confirm' busy={busy} label={`确认${stepActionOf(step)}`} busyLabel='提交中…' onClick={() => void run(() => send(step))} />
            <Text className='link step-form__cancel' id='step-cancel' onClick={() => choose(null)}>
              取消
            </Text>
          </View>
        </View>
      ) : null}
    </CellGroup>
  );
}
