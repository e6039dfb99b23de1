import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PublicRegion, VolunteerApplicationRow } from '../../../api';
import { Cell } from '../../../components/cell';
import { ChoiceChips } from '../../../components/choice-chips';
import { useOneAtATime } from '../../../hooks/use-one-at-a-time';
import { formatDateTime } from '../../../lib/beijing-time';

const REASON_LIMIT = 200;

/**
 * One application: 通过 (in the town chosen, if any: the volunteer serves there), or 不通过 with a reason the applicant
 * will read (required).
 */
export function ReviewRow({ row, towns, onApprove, onRefuse }: {
  row: VolunteerApplicationRow;
  towns: readonly PublicRegion[];
  onApprove: (townId: string | null) => Promise<void>;
  onRefuse: (reason: string) => Promise<void>;
}) {
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [townId, setTownId] = useState<string | null>(null);
  const { busy, run } = useOneAtATime();

  function refuse() {
    if (reason.trim() === '') return setProblem('请填写不通过的原因，申请人会看到');
    setProblem(null);
    void run(() => onRefuse(reason.trim()));
  }

  return (
    <Cell
      id={`application-${row.id}`}
      className='review-row'
      title={row.name}
      note={`${row.phoneMasked} · ${formatDateTime(row.appliedAt, new Date())} 申请`}
    >
      {towns.length > 0 ? (
        <View className='review-row__towns'>
          <Text className='form-hint'>服务的镇（街道），可不选</Text>
          <ChoiceChips
            idPrefix={`town-${row.id}`}
            choices={towns.map((town) => ({ value: town.id, label: town.name }))}
            selected={townId ? [townId] : []}
            onToggle={(id) => setTownId((current) => (current === id ? null : id))}
          />
        </View>
      ) : null}
      <View className='review-row__buttons'>
        <Button className='button button--primary button--small' id={`approve-${row.id}`} disabled={busy || undefined} onClick={() => void run(() => onApprove(townId))}>
          通过
        </Button>
        <Button className='button button--default button--small' id={`refuse-${row.id}`} disabled={busy || undefined} onClick={() => setRefusing(true)}>
          不通过
        </Button>
      </View>
      {refusing ? (
        <View className='review-row__refusal'>
          <Input
            className='form-input'
            id={`refusal-reason-${row.id}`}
            type='text'
            placeholder='不通过的原因（申请人可见）'
            maxlength={REASON_LIMIT}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          {problem ? <Text className='form-error'>{problem}</Text> : null}
          <Button className='button button--warn button--small' id={`refuse-confirm-${row.id}`} disabled={busy || undefined} onClick={refuse}>
            确认不通过
          </Button>
        </View>
      ) : null}
    </Cell>
  );
}
