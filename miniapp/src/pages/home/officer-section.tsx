import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { Cell, CellGroup } from '../../components/cell';
import { RuleText } from '../../components/rule-text';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { nationalRulesNote, policySummary } from '../../lib/policy-choice';
import { districtPolicy } from '../../services/district-policies';
import { routes } from '../../services/routes';

/**
 * The district officer's part of the home (issue 7, B8): the district's visit rules, and while the district has never
 * chosen them, a prompt to choose. Loaded again when the home shows, so it is current after a save.
 */
export function OfficerSection({ districtId }: { districtId: string }) {
  const load = useCallback(() => districtPolicy(districtId), [districtId]);
  const { data: policy } = useLoadOnShow(load);
  const open = () => void Taro.navigateTo({ url: routes.policy });
  return (
    <View>
      {policy && !policy.chosen ? (
        <View className='attention-notice policy-prompt' id='policy-prompt' onClick={open} hoverClass='policy-prompt--pressed'>
          <RuleText rule={nationalRulesNote(policy)} />
          <Text className='policy-prompt__go'>请选择本区的走访规则 ›</Text>
        </View>
      ) : null}
      <CellGroup title='区民政局'>
        <Cell
          id='entry-policy'
          title='走访规则与受理时限'
          note={policy ? <RuleText rule={policySummary(policy)} /> : undefined}
          value={policy ? undefined : '…'}
          onClick={open}
        />
        <Cell id='entry-case-file-submissions' title='档案报送' note='各镇儿童档案年度报送情况，次年1月31日前' onClick={() => void Taro.navigateTo({ url: routes.caseFileSubmissions })} />
      </CellGroup>
    </View>
  );
}
