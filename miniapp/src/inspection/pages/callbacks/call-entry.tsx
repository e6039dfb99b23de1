import { Button, Text, View } from '@tarojs/components';
import type { CallEntry as Entry, RecordCallbackInput } from '../../../api';
import { DialButton } from '../../../components/dial-button';
import { Tag } from '../../../components/tag';
import { callbackOutcomeNames, labelOf } from '../../../lib/labels';
import { CallbackForm } from './callback-form';
import { formatDate } from '../../../lib/format';

function appText(app: Entry['app']): string {
  const parts = [app.confirmed ? `已确认${app.confirmed}次` : '', app.disputed ? `有异议${app.disputed}次` : '', app.unanswered ? `未答复${app.unanswered}次` : ''];
  return parts.filter(Boolean).join('，') || '无';
}

function callbackText(callback: NonNullable<Entry['callback']>): string {
  const detail = callback.outcome === 'notConfirmed' ? `：${callback.familySaid ?? ''}` : callback.outcome === 'unreachable' ? `（尝试${callback.tries ?? 0}次）` : '';
  return `${labelOf(callbackOutcomeNames, callback.outcome)}${detail}`;
}

/** One family of the call list: who to call (the phone shown for this call only), the month's visits, both answers. */
export function CallEntry({ entry, open, busy, onOpen, onClose, onRecord }: {
  entry: Entry;
  open: boolean;
  busy: boolean;
  onOpen: () => void;
  onClose: () => void;
  onRecord: (input: RecordCallbackInput) => void;
}) {
  return (
    <View className={`call-entry${entry.disagrees ? ' call-entry--disagrees' : ''}`} id={`call-${entry.childId}`}>
      <View className='call-entry__head'>
        <Text className='call-entry__child'>{entry.childName}</Text>
        {entry.disagrees ? <Tag tone='red'>回访与应用内确认不一致</Tag> : null}
      </View>
      {entry.guardians.map((guardian, index) => (
        <View className='call-entry__guardian' key={`${guardian.name}-${index}`}>
          <Text>{guardian.relation} {guardian.name} {guardian.phone ?? '（无电话）'}</Text>
          {guardian.phone ? <DialButton number={guardian.phone} label='拨打' id={`dial-${entry.childId}-${index}`} className='button--small' /> : null}
        </View>
      ))}
      {entry.visits.map((visit, index) => (
        <Text className='call-entry__line' key={`${visit.date}-${index}`}>走访：{formatDate(visit.date)} · {visit.who.join('、')}</Text>
      ))}
      <Text className='call-entry__line'>监护人在应用中：{appText(entry.app)}</Text>
      {entry.callback ? (
        <Text className='call-entry__result' id={`result-${entry.childId}`}>
          回访结果：{callbackText(entry.callback)}{entry.callback.note ? `（${entry.callback.note}）` : ''} · {entry.callback.recordedByName}
        </Text>
      ) : open ? (
        <CallbackForm childId={entry.childId} busy={busy} onSubmit={onRecord} onCancel={onClose} />
      ) : (
        <Button className='button button--primary button--small' id={`record-${entry.childId}`} onClick={onOpen}>记录回访结果</Button>
      )}
    </View>
  );
}
