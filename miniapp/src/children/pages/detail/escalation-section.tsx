import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { EscalationView } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { UrgentTag } from '../../../components/concern-tags';
import { ErrorNotice, LoadingState } from '../../../components/states';
import { Tag, type TagTone } from '../../../components/tag';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { formatDateTime } from '../../../lib/beijing-time';
import { acknowledgeByText } from '../../../lib/escalation-deadline';
import { caseStandingText, caseTitle, newestSteps, trailStepWords } from '../../../lib/escalation-words';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import './escalation-section.css';

/** A phone shows the latest steps of each case; the rest on request, the whole case on its own page. */
const STEPS_SHOWN = 2;
/** Cases shown before 查看全部: the page has several sections, and the newest cases are the ones at work. */
const CASES_SHOWN = 3;
/** Not the reader's to see (a role that reads no cases, a child out of reach): the section is simply not there. */
const HIDDEN = [403, 404];

function statusTone(escalation: EscalationView): TagTone {
  if (escalation.overdue) return 'red';
  if (escalation.status === 'raised') return 'yellow';
  return escalation.status === 'resolved' ? 'grey' : 'neutral';
}

function TrailSteps({ escalation, now }: { escalation: EscalationView; now: Date }) {
  const [all, setAll] = useState(false);
  const total = escalation.trail.length;
  const steps = newestSteps(escalation.trail, all ? total : STEPS_SHOWN);
  return (
    <View className='case-trail'>
      {steps.map(({ step, index }) => {
        const { who, what, note } = trailStepWords(step, index === 0);
        return (
          <View key={index} className={`case-step${step.action === 'overdue' ? ' case-step--overdue' : ''}`}>
            <Text className='case-step__what'>{what}</Text>
            <Text className='case-step__who'>
              {who} · {formatDateTime(step.at, now)}
            </Text>
            {note ? <Text className='case-step__note'>{note}</Text> : null}
          </View>
        );
      })}
      {total > STEPS_SHOWN ? (
        <Text className='link case-trail__toggle' id={`case-trail-toggle-${escalation.id}`} onClick={() => setAll(!all)}>
          {all ? '收起' : `查看全部经过（共 ${total} 步）`}
        </Text>
      ) : null}
    </View>
  );
}

/** One case: what it is about, where it stands and who holds it, by when they must act (red once past), its latest steps. */
function CaseCard({ escalation, now }: { escalation: EscalationView; now: Date }) {
  const waiting = escalation.status === 'raised';
  return (
    <View className={`case-card${escalation.overdue ? ' case-card--overdue' : ''}`} id={`case-${escalation.id}`}>
      <Cell
        className='case-card__head'
        id={`case-open-${escalation.id}`}
        title={caseTitle(escalation.problem)}
        onClick={() => void Taro.navigateTo({ url: routes.escalation(escalation.id) })}
      >
        <View className='tags'>
          {escalation.urgent ? <UrgentTag /> : null}
          <Tag tone={statusTone(escalation)} className='case-status'>
            {caseStandingText(escalation)}
          </Tag>
        </View>
        {waiting ? (
          <Text className={`case-card__deadline${escalation.overdue ? ' case-card__deadline--overdue' : ''}`}>
            {acknowledgeByText(escalation.acknowledgeBy, escalation.overdue, now)}
          </Text>
        ) : null}
      </Cell>
      <TrailSteps escalation={escalation} now={now} />
    </View>
  );
}

/**
 * 疑难个案 (issue 8, R6) on the child's page, for those who work the child's case: each case newest first with its
 * latest steps, and for the child's social worker or the village's director the way to raise one.
 */
export function EscalationSection({ childId, mayRaise }: { childId: string; mayRaise: boolean }) {
  const { data, error } = useLoadOnShow(() => api.childEscalations(childId));
  const [all, setAll] = useState(false);
  if (error && HIDDEN.includes(error.status)) return null;
  const now = new Date();
  const items = data?.items ?? [];
  const shown = all ? items : items.slice(0, CASES_SHOWN);
  return (
    <CellGroup title='疑难个案' className='child-escalations'>
      <View id='child-escalations'>
        {error ? <ErrorNotice error={error} /> : null}
        {data === null && !error ? <LoadingState /> : null}
        {data && items.length === 0 && !mayRaise ? <Text className='child-escalations__none'>没有疑难个案</Text> : null}
        {shown.map((escalation) => (
          <CaseCard key={escalation.id} escalation={escalation} now={now} />
        ))}
        {items.length > CASES_SHOWN ? (
          <View className='list-footer child-escalations__more' id='escalations-more' onClick={() => setAll(!all)}>
            <Text className='link'>{all ? '收起' : `查看全部 ${items.length} 个疑难个案`}</Text>
          </View>
        ) : null}
        {mayRaise ? (
          <Cell
            id='raise-escalation'
            className='raise-escalation'
            title='提请疑难个案'
            note='村里解决不了的困难，提请乡镇（街道）儿童督导员协调'
            onClick={() => void Taro.navigateTo({ url: routes.raiseEscalation(childId) })}
          />
        ) : null}
      </View>
    </CellGroup>
  );
}
