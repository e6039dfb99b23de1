import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { VisitDetail } from '../../../api';
import { RuleText } from '../../../components/rule-text';
import { Tag } from '../../../components/tag';
import { VisitStateTags } from '../../../components/visit-state-tags';
import { formatDateTime, formatDuration, formatTimeRange } from '../../../lib/beijing-time';
import { labelOf, visitPurposeNames } from '../../../lib/labels';
import { withdrawalOf } from '../../../lib/visit-history';
import {
  locationText,
  R3_SHORT_ON_RECORD,
  r3ResultText,
  servicesText,
  visitKindText,
  whoCameText,
} from '../../../lib/visit-format';
import { routes } from '../../../services/routes';
import { VisitField, VisitSection } from './visit-field';

type AnswerState = VisitDetail['confirmation']['state'];

/** Whose answer it is, said in full: on its own page a visit has room for it. */
export const answerStateTexts: Record<AnswerState, string> = {
  pending: '待监护人确认',
  confirmed: '监护人已确认',
  disputed: '监护人有异议',
};

/** The settlement form is at the foot of a long page, after what the supervisor must read first. */
function jumpTo(selector: string) {
  return Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined);
}

/** The child (a tap opens their page), the kind of visit and when, and where it stands, in tags of words. */
export function VisitHeader({ visit, now }: { visit: VisitDetail; now: Date }) {
  const withdrawn = withdrawalOf(visit, now);
  return (
    <View className='visit-header'>
      <Text className='visit-header__child link' id='visit-child' onClick={() => void Taro.navigateTo({ url: routes.child(visit.childId) })}>
        {visit.childName}
      </Text>
      <Text className='visit-header__what'>
        {visitKindText(visit)} · {formatTimeRange(visit.startedAt, visit.endedAt, now)}
      </Text>
      <View className='tags visit-header__tags'>
        <VisitStateTags visit={visit} answerText={answerStateTexts[visit.confirmation.state]} />
        {visit.corrections.some((c) => c.kind === 'corrected') ? (
          <Tag tone='grey' className='corrected-tag'>
            已更正
          </Tag>
        ) : null}
      </View>
      {visit.actions.settle ? (
        <Text className='link visit-header__jump' id='visit-go-settle' onClick={() => void jumpTo('#settle-form')}>
          监护人有异议，请核实后在下方处理 ›
        </Text>
      ) : null}
      {withdrawn ? (
        <View className='visit-withdrawn' id='visit-withdrawn'>
          <Text className='visit-withdrawn__title'>这条记录已撤回，不再算作完成的走访</Text>
          <Text className='visit-withdrawn__detail'>
            {withdrawn.byWhen}
            {withdrawn.reason ? `：${withdrawn.reason}` : ''}
          </Text>
        </View>
      ) : null}
    </View>
  );
}

/** When, how, where, who: what every reader may see (a guardian sees no location). */
export function VisitFacts({ visit, now }: { visit: VisitDetail; now: Date }) {
  const place = [visit.villageName, visit.location !== undefined ? locationText(visit.location) : ''].filter(Boolean);
  return (
    <VisitSection title='走访情况' id='visit-facts'>
      <VisitField label='走访时间' id='visit-time' note={`共${formatDuration(visit.startedAt, visit.endedAt)}`}>
        {formatTimeRange(visit.startedAt, visit.endedAt, now)}
      </VisitField>
      <VisitField label='走访方式'>
        {visitKindText(visit)} · {labelOf(visitPurposeNames, visit.purpose)}
      </VisitField>
      {place.length > 0 ? (
        <VisitField label='走访地点' id='visit-place'>
          {place.join(' · ')}
        </VisitField>
      ) : null}
      <VisitField label='来访人员' id='visit-people'>
        {whoCameText(visit)}
      </VisitField>
      <VisitField label='登记人'>
        {visit.names[visit.recordedBy] || '工作人员'} · {formatDateTime(visit.recordedAt, now)}
      </VisitField>
    </VisitSection>
  );
}

/** What was done, and, for staff only, the worker's record and what they found (absent from a guardian's answer). */
export function VisitWork({ visit }: { visit: VisitDetail }) {
  return (
    <VisitSection title='服务情况' id='visit-work'>
      <VisitField label='服务内容' id='visit-services'>
        {servicesText(visit.services)}
      </VisitField>
      {visit.notes !== undefined ? (
        <VisitField label='服务记录' id='visit-notes'>
          {visit.notes || '未填写'}
        </VisitField>
      ) : null}
      {visit.problemsFound !== undefined ? (
        <VisitField label='发现的问题' id='visit-problems'>
          {visit.problemsFound || '无'}
        </VisitField>
      ) : null}
    </VisitSection>
  );
}

/** R3's verdict in words, its code as a small tag; a visit short of it is on record but does not do R3's visit. */
export function VisitR3({ visit }: { visit: VisitDetail }) {
  const text = r3ResultText(visit.r3);
  if (!text || !visit.r3) return null;
  const met = visit.r3.met;
  return (
    <VisitSection title='每月入户走访要求' id='visit-r3-section'>
      <View className='visit-r3'>
        <Tag tone={met ? 'primary' : 'yellow'} className={`r3-result r3-result--${met ? 'met' : 'unmet'}`} id='visit-r3'>
          <RuleText text={text} />
        </Tag>
        {met ? null : (
          <Text className='visit-r3__still-due' id='visit-r3-still-due'>
            {R3_SHORT_ON_RECORD}
          </Text>
        )}
      </View>
    </VisitSection>
  );
}
