import { Button, Input, ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { isApiError, type ApiError, type OwnPledge } from '../../../api';
import { FormSection } from '../../../components/form-section';
import { ErrorNotice, LoadingState } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { fieldMessageOf } from '../../../lib/field-message';
import { signBlockerOf } from '../../../lib/pledge-words';
import { SignaturePad, type SignaturePadHandle } from '../../../platform/signature-pad';
import { api } from '../../../services/api';
import { SignedView } from './signed-view';
import './index.css';

const platform = process.env.TARO_ENV === 'weapp' ? 'weapp' : process.env.TARO_ENV === 'h5' ? 'h5' : 'other';

/**
 * 儿童保护承诺书 (R8, issue 11): the whole current text in a scroll view that must be read to its end; then the
 * signer types their name, draws a signature (重写 clears it), ticks consent and signs. Signed, the page shows the
 * version and time instead.
 */
export default function PledgeSignPage() {
  const session = useRequiredSession();
  const pledge = useLoadOnShow(session ? () => api.ownPledge() : null);
  if (!session) return <View className='page' />;
  return (
    <View className='page pledge' id='pledge-page'>
      {pledge.error ? <ErrorNotice error={pledge.error} /> : null}
      {pledge.data === null ? (pledge.error ? null : <LoadingState />) : <PledgeBody view={pledge.data} onSigned={pledge.reload} />}
    </View>
  );
}

function PledgeBody({ view, onSigned }: { view: OwnPledge; onSigned: () => void }) {
  if (view.signature) return <SignedView signature={view.signature} title={view.text.title} />;
  if (!view.required) return <Text className='pledge__intro'>您的角色无需签署儿童保护承诺书。</Text>;
  return <SignForm view={view} onSigned={onSigned} />;
}

function SignForm({ view, onSigned }: { view: OwnPledge; onSigned: () => void }) {
  const pad = useRef<SignaturePadHandle>(null);
  const [readToEnd, setReadToEnd] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [hasInk, setHasInk] = useState(false);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const blocker = signBlockerOf({ readToEnd, typedName, hasInk, consent });

  async function submit() {
    if (busy) return;
    if (blocker) {
      void Taro.showToast({ title: blocker, icon: 'none' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const signaturePng = await pad.current?.toPngBase64();
      if (!signaturePng) throw new Error('请在签名框内手写签名');
      await api.signPledge({
        version: view.text.id,
        typedName,
        consent: true,
        signaturePng,
        client: { platform, userAgent: typeof navigator === 'undefined' ? undefined : navigator.userAgent.slice(0, 512) },
      });
      void Taro.showToast({ title: '已签署', icon: 'success' });
      onSigned();
    } catch (error) {
      if (isApiError(error)) setProblem(error);
      else void Taro.showToast({ title: error instanceof Error ? error.message : '签署失败，请稍后再试', icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: string) => (problem?.field === field ? fieldMessageOf(problem) : undefined);
  return (
    <View>
      <Text className='pledge__intro'>请完整阅读承诺书，滑动到末尾后填写姓名并手写签名。</Text>
      <ScrollView
        className='pledge-text'
        id='pledge-text'
        scrollY
        lowerThreshold={24}
        onScrollToLower={() => setReadToEnd(true)}
      >
        <Text className='pledge-text__title'>{view.text.title}</Text>
        <Text className='pledge-text__meta'>版本 {view.text.id} · {view.text.publishedOn} 发布</Text>
        {view.text.paragraphs.map((paragraph, index) => (
          <Text className='pledge-text__paragraph' key={index}>{paragraph}</Text>
        ))}
        <Text className='pledge-text__end' id='pledge-text-end'>— 全文完 —</Text>
      </ScrollView>
      {!readToEnd ? (
        <Text className='pledge__locked' id='pledge-locked'>请滑动阅读至末尾后签署</Text>
      ) : (
        <View id='pledge-form'>
          {problem && !problem.field ? <ErrorNotice error={problem} /> : null}
          <FormSection title='本人姓名' error={fieldError('typedName')}>
            <Input className='form-input' id='pledge-name' value={typedName} maxlength={50} placeholder='与账号姓名一致' onInput={(e) => setTypedName(e.detail.value)} />
          </FormSection>
          <FormSection title='手写签名' error={fieldError('signaturePng')}>
            <View className='pledge-pad'>
              <SignaturePad id='pledge-pad' ref={pad} onInkChange={setHasInk} />
            </View>
            <Button className='button button--default pledge-pad__clear' id='pledge-pad-clear' size='mini' onClick={() => pad.current?.clear()}>
              重写
            </Button>
          </FormSection>
          <View className='pledge-consent' id='pledge-consent' onClick={() => setConsent(!consent)}>
            <View className={`pledge-consent__box${consent ? ' pledge-consent__box--on' : ''}`}>{consent ? '✓' : ''}</View>
            <Text className='pledge-consent__text'>我已阅读并同意遵守《{view.text.title}》</Text>
          </View>
          {fieldError('consent') ? <Text className='form-error'>{fieldError('consent')}</Text> : null}
          <View className='pledge__submit'>
            <SubmitButton id='pledge-submit' busy={busy} label='签署' busyLabel='正在签署…' onClick={() => void submit()} />
          </View>
        </View>
      )}
    </View>
  );
}
