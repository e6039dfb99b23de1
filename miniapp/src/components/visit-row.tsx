import { Text, View } from '@tarojs/components';
import type { ChildDetail, Visit } from '../api';
import { formatTimeRange } from '../lib/beijing-time';
import { confirmationText, r3ResultText, visitKindText, whoCameText } from '../lib/visit-format';
import { isWithdrawn } from '../lib/visit-history';
import { Cell } from './cell';
import { RuleText } from './rule-text';
import { Tag } from './tag';
import { VisitStateTags } from './visit-state-tags';
import './visit-row.css';

interface VisitRowProps {
  visit: Visit;
  /** The child's team, to say who came by role when the answer carries no names. */
  team?: ChildDetail['team'];
  /** In lists that mix children: the child is the title, the time goes below it. */
  childName?: string;
  /** Extra words after the confirmation (e.g. 已 5 天未确认). */
  extra?: string;
  onClick?: () => void;
}

/**
 * One visit: when, how, who came, and the guardian's answer (待确认 / 监护人已确认 / 有异议 + reasons), the
 * supervisor's settlement, or that it was withdrawn.
 */
export function VisitRow({ visit, team, childName, extra, onClick }: VisitRowProps) {
  const now = new Date();
  const when = formatTimeRange(visit.startedAt, visit.endedAt, now);
  const r3 = r3ResultText(visit.r3);
  const how = `${visitKindText(visit)} · ${whoCameText(visit, team)}`;
  return (
    <Cell id={`visit-${visit.id}`} className='visit-row' title={childName ?? when} note={childName ? when : how} onClick={onClick}>
      {childName ? <Text className='cell__note'>{how}</Text> : null}
      <View className='tags visit-row__tags'>
        <VisitStateTags visit={visit} answerText={confirmationText(visit.confirmation)} />
        {r3 && !visit.r3?.met && !isWithdrawn(visit) ? (
          <Tag tone='grey' className='r3-tag'>
            <RuleText text={r3} />
          </Tag>
        ) : null}
        {visit.locationMissing ? <Tag tone='grey'>未定位</Tag> : null}
        {extra ? <Tag tone='neutral'>{extra}</Tag> : null}
      </View>
    </Cell>
  );
}
