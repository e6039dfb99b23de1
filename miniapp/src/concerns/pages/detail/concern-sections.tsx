import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ConcernView } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { ConcernStatusTag, UrgentTag } from '../../../components/concern-tags';
import { DialButton } from '../../../components/dial-button';
import { RiskTag, Tag } from '../../../components/tag';
import { formatDateTime } from '../../../lib/beijing-time';
import { channelText, concernTitle, raisedToText, waitingText } from '../../../lib/concern-words';
import { routes } from '../../../services/routes';

/** What was reported, where, when, and where it stands. */
export function ConcernHead({ concern }: { concern: ConcernView }) {
  const now = new Date();
  const raised = raisedToText(concern.raisedTo);
  return (
    <View className='concern-head'>
      <Text className='concern-head__kinds' id='concern-kinds'>
        {concernTitle(concern)}
      </Text>
      <View className='tags'>
        {concern.urgent ? <UrgentTag /> : null}
        <ConcernStatusTag status={concern.status} />
        {raised ? <Tag tone='red'>{raised}</Tag> : null}
        {concern.riskLevel ? <RiskTag level={concern.riskLevel} /> : null}
      </View>
      <Text className='concern-head__meta'>
        {[concern.villageName, `${formatDateTime(concern.createdAt, now)} 报告`, concern.status === 'received' ? waitingText(concern.createdAt, now) : null]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </View>
  );
}

/** The child: a registered one by name (its page a tap away), or the reporter's description of one. */
export function ConcernChild({ concern }: { concern: ConcernView }) {
  const { child } = concern;
  return (
    <CellGroup title='孩子'>
      {child.kind === 'known' ? (
        <Cell
          id='concern-child'
          title={concern.childName ?? '名单中的孩子'}
          note='名单中的孩子，点击查看档案'
          onClick={() => void Taro.navigateTo({ url: routes.child(child.childId) })}
        />
      ) : (
        <View className='concern-text' id='concern-child'>
          <Text className='concern-text__label'>名单外的孩子，报告人的描述：</Text>
          <Text className='concern-text__body'>{child.description}</Text>
        </View>
      )}
    </CellGroup>
  );
}

/** What the reporter wrote, as text: whatever markup it holds is shown, never run. */
export function ConcernDescription({ concern }: { concern: ConcernView }) {
  return (
    <CellGroup title='报告内容'>
      <View className='concern-text'>
        <Text className='concern-text__body' id='concern-description'>
          {concern.description}
        </Text>
        <Text className='concern-text__label concern-text__source'>来源：{channelText(concern.channel)}</Text>
      </View>
    </CellGroup>
  );
}

/**
 * Who reported, for the handlers only (the API shows it to no one else): to call back for details. Never to be told
 * to the child's family (R17).
 */
export function ConcernReporter({ concern }: { concern: ConcernView }) {
  const { name, phone } = concern.reporter;
  const account = concern.trail[0]?.byName ?? null;
  const anonymous = concern.channel === 'public' && !name && !phone;
  return (
    <View>
      <CellGroup title='报告人'>
        <View className='concern-text' id='concern-reporter'>
          {anonymous ? <Text className='concern-text__body'>匿名报告（未留称呼和电话）</Text> : null}
          {concern.channel !== 'public' ? <Text className='concern-text__body'>{account ?? '工作人员'}（小程序账号）</Text> : null}
          {name ? <Text className='concern-text__body'>称呼：{name}</Text> : null}
          {phone ? (
            <View className='concern-reporter__phone'>
              <Text className='concern-text__body'>电话：{phone}</Text>
              <DialButton number={phone} label='拨打' id='call-reporter' className='button--small button--default' />
            </View>
          ) : null}
        </View>
      </CellGroup>
      <Text className='group-footer'>报告人的信息只给办理人员看，不得告诉孩子的家人。</Text>
    </View>
  );
}

/** R17: what the reporter sees with the tracking code once it is closed. */
export function ClosingFeedback({ concern }: { concern: ConcernView }) {
  if (!concern.closingFeedback) return null;
  return (
    <CellGroup title='给报告人的反馈'>
      <View className='concern-text'>
        <Text className='concern-text__body' id='concern-feedback'>
          {concern.closingFeedback}
        </Text>
      </View>
    </CellGroup>
  );
}
