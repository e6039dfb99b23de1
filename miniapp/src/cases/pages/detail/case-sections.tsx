import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EscalationView } from '../../../api';
import { CaseStatusTag, OverdueTag } from '../../../components/case-tags';
import { Cell, CellGroup } from '../../../components/cell';
import { UrgentTag } from '../../../components/concern-tags';
import { TrailStepRow } from '../../../components/trail-step';
import { WrittenText } from '../../../components/written-text';
import { formatDateTime } from '../../../lib/beijing-time';
import { deadlineText, holderOf, trailStepWords, whereNowText } from '../../../lib/escalation-words';
import { routes } from '../../../services/routes';

/** Whose case, where it stands, and by when the level that holds it must acknowledge it (red once past). */
export function CaseHead({ escalation }: { escalation: EscalationView }) {
  const now = new Date();
  const deadline = deadlineText(escalation, now);
  return (
    <View className='case-head'>
      <Cell
        id='case-child'
        className='case-head__child'
        title={escalation.childName}
        note={escalation.villageName ? `${escalation.villageName} · 查看儿童档案` : '查看儿童档案'}
        onClick={() => void Taro.navigateTo({ url: routes.child(escalation.childId) })}
      />
      <View className='case-head__state'>
        <View className='tags'>
          {escalation.urgent ? <UrgentTag /> : null}
          <CaseStatusTag status={escalation.status} />
          {escalation.overdue ? <OverdueTag /> : null}
        </View>
        <Text className='case-head__where' id='case-where'>
          {whereNowText(escalation)}
        </Text>
        {deadline ? (
          <Text className={`case-head__deadline${escalation.overdue ? ' case-head__deadline--overdue' : ''}`} id='case-deadline'>
            {deadline}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

/** The handling form (疑难个案处置表) as the raiser filled it in; who and when is the trail's first step. */
export function CaseForm({ escalation }: { escalation: EscalationView }) {
  return (
    <CellGroup title={`疑难个案处置表${escalation.urgent ? '（紧急）' : ''}`}>
      <WrittenText label='问题' text={escalation.problem} id='case-problem' />
      <WrittenText label='已采取的措施' text={escalation.tried} id='case-tried' />
      <WrittenText label='需要的帮助' text={escalation.helpNeeded} id='case-help-needed' />
    </CellGroup>
  );
}

/** What the level that resolved it did, and which level that was. */
export function CaseResolution({ escalation }: { escalation: EscalationView }) {
  if (escalation.status !== 'resolved' || !escalation.resolution) return null;
  return (
    <CellGroup title={`处理结果（${holderOf(escalation.level)}）`}>
      <WrittenText label='做了什么，结果如何' text={escalation.resolution} id='case-resolution' />
    </CellGroup>
  );
}

/** 办理经过: every step from the raise on, oldest first: what, at which level, who (系统 for the product), when, the note. */
export function CaseTrail({ escalation }: { escalation: EscalationView }) {
  const now = new Date();
  return (
    <CellGroup title='办理经过'>
      <View id='case-trail'>
        {escalation.trail.map((step, index) => (
          <TrailStepRow key={`${step.at}-${index}`} id={`case-step-${index}`} when={formatDateTime(step.at, now)} {...trailStepWords(step, index === 0)} />
        ))}
      </View>
    </CellGroup>
  );
}
