import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { asApiError, type ApiError, type CallbackSampleView, type RecordCallbackInput } from '../../../api';
import { ErrorNotice, EmptyState, LoadingState } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { formatDateTime } from '../../../lib/beijing-time';
import { lastMonths, monthText } from '../../../lib/inspection-months';
import { api } from '../../../services/api';
import { CallEntry } from './call-entry';
import './index.css';

const DEFAULT_SIZE = 10;

/**
 * 回访抽查 (seed 000 §六(一)): the officer draws families visited in a month at random from a seed they see (换一批
 * draws with a new one), calls each guardian and records the outcome beside the guardian's own answers in the app.
 * The phones are shown here only; the server records every showing in each child's trail.
 */
export default function CallbackInspectionPage() {
  const session = useRequiredSession();
  const months = lastMonths(new Date(), 6);
  const [monthIndex, setMonthIndex] = useState(0);
  const [size, setSize] = useState(String(DEFAULT_SIZE));
  const [sample, setSample] = useState<CallbackSampleView | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!session) return;
    // The latest sample of the area, if any: the officer picks up the calls where they left them.
    api.callbackSamples().then(
      async (rows) => {
        if (rows.length > 0) setSample(await api.callbackSample(rows[0].id));
        setLoading(false);
      },
      (e: unknown) => {
        setError(asApiError(e));
        setLoading(false);
      },
    );
  }, [session]);

  async function draw(seed?: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setSample(await api.drawCallbackSample({ month: months[monthIndex], size: Number(size) || DEFAULT_SIZE, ...(seed ? { seed } : {}) }));
      setOpen(null);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  async function record(childId: string, input: RecordCallbackInput) {
    if (!sample || busy) return;
    setBusy(true);
    try {
      setSample(await api.recordCallback(sample.id, childId, input));
      setOpen(null);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  if (!session) return <View className='page' />;
  const summary = sample?.summary;
  return (
    <View className='page inspection-page'>
      <View className='draw-form' id='draw-form'>
        <Picker mode='selector' range={months.map(monthText)} value={monthIndex} onChange={(e) => setMonthIndex(Number(e.detail.value))}>
          <View className='draw-form__row' id='draw-month'>
            <Text>抽查月份</Text>
            <Text className='draw-form__value'>{monthText(months[monthIndex])} ›</Text>
          </View>
        </Picker>
        <View className='draw-form__row'>
          <Text>抽取户数（1–30）</Text>
          <Input className='draw-form__input' id='draw-size' type='number' value={size} onInput={(e) => setSize(e.detail.value)} />
        </View>
        <SubmitButton id='draw-submit' busy={busy} label={sample ? '换一批' : '随机抽取'} busyLabel='抽取中…' onClick={() => void draw()} />
      </View>
      {error ? <ErrorNotice error={error} /> : null}
      {loading ? <LoadingState /> : null}
      {!loading && !sample && !error ? <EmptyState text='还没有抽查批次' detail='选择月份和户数后随机抽取' /> : null}
      {sample && summary ? (
        <View>
          <View className='sample-head' id='sample-head'>
            <Text className='sample-head__title'>{sample.areaName} {monthText(sample.month)}走访回访</Text>
            <Text className='sample-head__seed' id='sample-seed'>随机种子 {sample.seed}</Text>
            <Text className='sample-head__note'>
              从{sample.candidates}户有走访的家庭中抽取{summary.drawn}户 · {sample.drawnByName} {formatDateTime(sample.drawnAt, new Date())}
            </Text>
            <Button className='button button--default button--small' id='redraw-same-seed' onClick={() => void draw(sample.seed)}>用此种子重抽（核验）</Button>
          </View>
          <View className='sample-summary' id='sample-summary'>
            <Text>已回访 {summary.called}/{summary.drawn}</Text>
            <Text>确认 {summary.confirmed}</Text>
            <Text>未确认 {summary.notConfirmed}</Text>
            <Text>无法联系 {summary.unreachable}</Text>
            <Text>确认率 {summary.confirmedPercent === null ? '—' : `${summary.confirmedPercent}%`}</Text>
            <Text className={summary.disagreements ? 'sample-summary--warn' : ''}>不一致 {summary.disagreements}</Text>
          </View>
          {sample.entries.length === 0 ? <EmptyState text='该月没有入户走访的家庭' /> : null}
          {sample.entries.map((entry) => (
            <CallEntry
              key={entry.childId}
              entry={entry}
              open={open === entry.childId}
              busy={busy}
              onOpen={() => setOpen(entry.childId)}
              onClose={() => setOpen(null)}
              onRecord={(input) => void record(entry.childId, input)}
            />
          ))}
          <Text className='group-footer'>监护人电话仅用于本次回访，每次显示均记入该儿童的查阅记录。</Text>
        </View>
      ) : null}
    </View>
  );
}
