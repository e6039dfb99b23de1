import { Button, Image, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { asApiError, type ApiError, type SafetySession } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { FormSection, TextField } from '../../../components/form-section';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { formatDate } from '../../../lib/format';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { SAFETY_PHOTO_MAX_BYTES, SAFETY_PHOTOS_MAX } from '../../../lib/safety-form';
import { pickCompressedPhoto } from '../../../platform/photo-picker';
import { api } from '../../../services/api';
import '../../safety.css';

function HoldForm({ session, onDone }: { session: SafetySession; onDone: () => void }) {
  const [attendance, setAttendance] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function addPhoto() {
    try {
      const photo = await pickCompressedPhoto(SAFETY_PHOTO_MAX_BYTES);
      if (photo) setPhotos((list) => [...list, photo].slice(0, SAFETY_PHOTOS_MAX));
    } catch (e) {
      void Taro.showModal({ title: '照片没有添加', content: (e as Error).message, showCancel: false });
    }
  }

  async function send(act: () => Promise<unknown>, done: string) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await act();
      void Taro.showToast({ title: done, icon: 'success' });
      onDone();
    } catch (e) {
      setFailure(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  function hold() {
    const count = Number(attendance);
    if (!Number.isInteger(count) || count < 1) return setError('请填写参加人数');
    if (photos.length === 0) return setError('请添加一到两张活动照片');
    setError(null);
    void send(() => api.holdSafetySession(session.id, { version: session.version, attendance: count, photos }), '已记录');
  }

  return (
    <View>
      <FormSection title='参加人数' error={error ?? undefined}>
        <Input className='form-input' id='safety-attendance' type='number' placeholder='如：35' value={attendance} onInput={(e) => setAttendance(e.detail.value)} />
      </FormSection>
      <FormSection title={`活动照片（${photos.length}/${SAFETY_PHOTOS_MAX}）`}>
        <View className='safety-photos' id='safety-photos'>
          {photos.map((photo, i) => (
            <Image key={i} className='safety-photo' id={`safety-photo-${i}`} src={`data:image/jpeg;base64,${photo}`} mode='aspectFill' onClick={() => setPhotos((list) => list.filter((_, j) => j !== i))} />
          ))}
        </View>
        {photos.length < SAFETY_PHOTOS_MAX ? (
          <Button className='button button--default' id='safety-add-photo' onClick={() => void addPhoto()}>
            添加照片
          </Button>
        ) : null}
        <Text className='form-hint'>照片会在手机上压缩后上传，点照片可以移除。</Text>
      </FormSection>
      {failure ? <ErrorNotice error={failure} /> : null}
      <View className='safety-actions'>
        <SubmitButton id='safety-hold-submit' busy={busy} label='记录为已开展' busyLabel='正在上传…' onClick={hold} />
      </View>
      <FormSection title='取消活动'>
        <TextField id='safety-cancel-reason' value={reason} limit={200} placeholder='取消的原因，如：暴雨预警，改期' onChange={setReason} />
        <Button
          className='button button--warn'
          id='safety-cancel'
          disabled={busy || reason.trim() === '' || undefined}
          onClick={() => void send(() => api.cancelSafetySession(session.id, { version: session.version, reason: reason.trim() }), '已取消')}
        >
          取消这次活动
        </Button>
      </FormSection>
    </View>
  );
}

/** R12: a planned session recorded held (attendance, one or two photos compressed on the phone) or cancelled. */
export default function SafetyHoldPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const id = params.id ?? '';
  const load = useCallback(() => api.safetySession(id), [id]);
  const loaded = useLoadOnShow(session && id ? load : null);
  const view = loaded.data;
  if (!session) return <View className='page' />;
  if (!id) return <View className='page'><EmptyState text='未指定活动' /></View>;
  return (
    <View className='page safety-hold'>
      {loaded.error ? <ErrorNotice error={loaded.error} /> : null}
      {!view && !loaded.error ? <LoadingState /> : null}
      {view ? (
        <View>
          <CellGroup title='活动'>
            <Cell title={view.topicNames.join('、')} note={`${formatDate(view.date)} · ${view.audience.name} · ${view.place}`} value={view.statusName} id='safety-hold-session' />
            <Cell title='组织者' value={view.organizerName} />
            {view.attendance !== null ? <Cell title='参加人数' value={`${view.attendance} 人`} /> : null}
            {view.cancelReason ? <Cell title='取消原因' note={view.cancelReason} /> : null}
          </CellGroup>
          {view.status === 'planned' ? <HoldForm session={view} onDone={() => void Taro.navigateBack()} /> : null}
        </View>
      ) : null}
    </View>
  );
}
