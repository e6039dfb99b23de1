import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FullCaseView } from '../../../api';
import { shanghaiDateOf } from '../../../lib/beijing-time';
import { caseActionsOf, type CaseAction } from '../../../lib/case-plan-words';
import { formatDate } from '../../../lib/format';
import { routes } from '../../../services/routes';

const actionPages: Record<CaseAction, { label: string; url: (childId: string) => string }> = {
  review: { label: '登记定期评估', url: routes.reviewCasePlan },
  handbook: { label: '登记发放关爱手册', url: routes.recordHandbook },
  announce: { label: '告知家庭结案', url: routes.announceClosing },
  close: { label: '结案', url: routes.closeCase },
};

/** R2, R15: the next steps of the case open to a reader who may change it; closing says from which day it may. */
export function CaseActions({ view }: { view: FullCaseView }) {
  const actions = caseActionsOf(view);
  if (actions.length === 0) return null;
  const earliest = view.closing?.announcement.earliestClosingOn;
  const today = shanghaiDateOf(new Date());
  return (
    <View className='page-actions case-actions' id='case-actions'>
      {actions.map((action) => (
        <View key={action}>
          <Button className='button button--default' id={`case-${action}`}
            onClick={() => void Taro.navigateTo({ url: actionPages[action].url(view.childId) })}>
            {actionPages[action].label}
          </Button>
          {action === 'close' && earliest ? (
            <Text className='case-actions__note' id='case-close-earliest'>
              {earliest <= today ? '告知已满七天，今天可以结案' : `${formatDate(earliest)}起可以结案（告知家庭须满七天）`}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
