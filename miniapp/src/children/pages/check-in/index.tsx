import { Button, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ChildDetail } from '../../../api';
import { ErrorNotice } from '../../../components/states';
import { useRequiredSession } from '../../../hooks/use-required-session';
import {
  initialCheckInForm,
  presetFor,
  teamChoicesOf,
  toCheckInInput,
  validateCheckInForm,
  type CheckInForm,
  type CheckInFormErrors,
} from '../../../lib/check-in-form';
import { labelOf, roleNames } from '../../../lib/labels';
import { getVisitLocation } from '../../../platform/location';
import { api } from '../../../services/api';
import { checkInQueue } from '../../../services/check-in-queue';
import { knownChild, rememberChild } from '../../../services/child-cache';
import { CheckInResult, type Outcome } from './check-in-result';
import {
  KindSection,
  LocationSection,
  PeopleSection,
  PurposeSection,
  ServicesSection,
  TextSection,
  TimeSection,
} from './form-sections';
import './index.css';

export default function CheckInPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.id ? decodeURIComponent(params.id) : '';
  const userId = session?.user.id ?? '';
  const [child, setChild] = useState<ChildDetail | null>(() => knownChild(childId) ?? null);
  const [form, setForm] = useState<CheckInForm>(() => initialCheckInForm(new Date(), userId, presetFor(params.due)));
  const [errors, setErrors] = useState<CheckInFormErrors>({});
  const [locating, setLocating] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    if (!session || !childId || child) return;
    // Without network the form still works: the team is then just the worker, and companions by name.
    api.getChild(childId).then((found) => {
      rememberChild(found);
      setChild(found);
    }, () => undefined);
  }, [session, childId, child]);

  function locate() {
    setLocating(true);
    void getVisitLocation().then((location) => {
      setForm((f) => ({ ...f, location }));
      setLocating(false);
    });
  }

  useEffect(() => {
    if (session) locate();
  }, [session]);

  if (!session) return <View className='page' />;
  const change = (update: (f: CheckInForm) => CheckInForm) => setForm(update);

  async function submit() {
    const now = new Date();
    const found = validateCheckInForm(form, now);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    let key: string;
    try {
      // Stored on the phone before the first attempt: nothing is lost if the app closes or the network drops.
      key = checkInQueue.enqueue(childId, toCheckInInput(form), child?.name ?? '').key;
    } catch {
      setSaveError('手机存储空间不足，记录没有保存，请清理后重试');
      return;
    }
    setOutcome({ state: 'sending' });
    await checkInQueue.flush({ force: true });
    const visit = checkInQueue.resultOf(key);
    const kept = checkInQueue.list().find((item) => item.key === key);
    if (visit) setOutcome({ state: 'sent', visit });
    else if (kept?.state === 'failed') setOutcome({ state: 'failed', item: kept });
    else if (kept) setOutcome({ state: 'queued', item: kept });
    else setOutcome(null);
  }

  function editAgain() {
    if (outcome?.state === 'failed') checkInQueue.discard(outcome.item.key);
    setOutcome(null);
  }

  if (outcome) {
    return (
      <View className='page check-in'>
        <CheckInResult outcome={outcome} onEdit={editAgain} />
      </View>
    );
  }

  const team = teamChoicesOf(child?.team, userId, labelOf(roleNames, session.user.role));
  return (
    <View className='page check-in' id='check-in-form'>
      <View className='check-in__header'>
        <View className='check-in__child' id='check-in-child'>
          {child?.name ?? '儿童'}
        </View>
      </View>
      <KindSection form={form} errors={errors} change={change} />
      <PurposeSection form={form} change={change} />
      <TimeSection form={form} errors={errors} change={change} />
      <LocationSection form={form} locating={locating} onLocate={locate} />
      <PeopleSection form={form} errors={errors} team={team} change={change} />
      <ServicesSection form={form} change={change} />
      <TextSection
        title='服务记录'
        id='notes'
        value={form.notes}
        maxlength={4000}
        placeholder='本次走访了解的情况和提供的服务'
        onChange={(notes) => change((f) => ({ ...f, notes }))}
      />
      <TextSection
        title='发现的问题'
        id='problems'
        value={form.problemsFound}
        maxlength={2000}
        placeholder='没有可不填；发现的问题须及时报告'
        onChange={(problemsFound) => change((f) => ({ ...f, problemsFound }))}
      />
      {saveError ? <ErrorNotice error={{ title: saveError, detail: undefined }} /> : null}
      {Object.keys(errors).length > 0 ? <ErrorNotice error={{ title: '请检查标红的内容', detail: undefined }} /> : null}
      <View className='check-in__submit'>
        <Button className='button button--primary' id='check-in-submit' onClick={() => void submit()}>
          提交
        </Button>
      </View>
    </View>
  );
}
