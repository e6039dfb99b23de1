import { Button, Text, View } from '@tarojs/components';
import type { PolicyView } from '../../../api';
import { RuleText } from '../../../components/rule-text';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { formatDateTime } from '../../../lib/beijing-time';
import { clampDays, nationalRulesNote, toggleRule } from '../../../lib/policy-choice';
import { AcknowledgeLimitsSection } from './acknowledge-limits-section';
import { PolicyFooter } from './policy-footer';
import { RuleOption } from './rule-option';
import { usePolicyEditor } from './use-policy-editor';
import { useRefreshProgress } from './use-refresh-progress';
import './index.css';

/**
 * The district officer chooses the district's visit rules (issue 7, B8): each rule in words with its code and
 * source, the days after which an unconfirmed visit is followed up, how long each level has to acknowledge a
 * difficult case or an urgent report (issue 8), and, before saving, what the change moves across the district's
 * children; saving asks first, as WeChat does. After a save the children are recomputed by a job whose progress the
 * footer shows until it is done (issue 9, part 2).
 */
export default function PolicyPage() {
  const session = useRequiredSession();
  const scope = session?.user.scope;
  const districtId = session?.user.role === 'districtOfficer' && scope?.level === 'district' ? scope.regionId : null;
  const editor = usePolicyEditor(districtId);
  const progress = useRefreshProgress(districtId, editor.saved?.refresh ?? null);

  if (!session) return <View className='page' />;
  if (!districtId) {
    return (
      <View className='page policy'>
        <EmptyState text='只有区民政局可以选择本区的走访规则' />
      </View>
    );
  }
  const { rules, saved, choice, loadError } = editor;
  if (loadError) {
    return (
      <View className='page policy'>
        <ErrorNotice error={loadError} />
        <View className='policy-retry'>
          <Button className='button button--default' id='policy-reload' onClick={editor.reload}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }
  if (!rules || !saved || !choice) {
    return (
      <View className='page policy'>
        <LoadingState />
      </View>
    );
  }

  const district = session.user.scopeName ?? '本区';
  const setDays = (days: number) => editor.setChoice({ ...choice, unconfirmedAfterDays: clampDays(days) });

  const refresh = progress.refresh?.status === 'running' || progress.watched ? progress.refresh : null;
  return (
    // The footer grows by the progress bar: the page keeps room for it below the last setting.
    <View className={`page policy${refresh ? ' policy--refreshing' : ''}`}>
      <PolicyState saved={saved} />
      <Text className='section-title'>{district}执行的走访规则（点选或取消）</Text>
      <View className='cell-group rule-options'>
        {rules.map((rule) => (
          <RuleOption key={rule.id} rule={rule} on={choice.ruleIds.includes(rule.id)} onToggle={() => editor.setChoice(toggleRule(choice, rule.id))} />
        ))}
      </View>
      <Text className='section-title'>监护人确认</Text>
      <View className='cell-group'>
        <View className='cell unconfirmed-days'>
          <View className='cell__body'>
            <Text className='cell__title'>未确认的走访几天后跟进</Text>
            <Text className='cell__note'>监护人超过这个天数既未确认也未提出异议的走访，列入督导员的跟进名单</Text>
          </View>
          <View className='stepper'>
            <Text className='stepper__button' id='days-minus' onClick={() => setDays(choice.unconfirmedAfterDays - 1)}>
              −
            </Text>
            <Text className='stepper__value' id='days-value'>
              {choice.unconfirmedAfterDays} 天
            </Text>
            <Text className='stepper__button' id='days-plus' onClick={() => setDays(choice.unconfirmedAfterDays + 1)}>
              ＋
            </Text>
          </View>
        </View>
      </View>
      <AcknowledgeLimitsSection limits={choice.acknowledgeLimits} onChange={(acknowledgeLimits) => editor.setChoice({ ...choice, acknowledgeLimits })} />
      <PolicyFooter editor={editor} refresh={refresh} />
    </View>
  );
}

/** Above the rules: that the district never chose, or when it last saved. */
function PolicyState({ saved }: { saved: PolicyView }) {
  return (
    <View>
      {saved.chosen ? (
        <Text className='policy-saved' id='policy-saved'>
          本区已选择走访规则{saved.updatedAt ? `，上次保存于 ${formatDateTime(saved.updatedAt, new Date())}` : ''}
        </Text>
      ) : (
        <View className='attention-notice' id='policy-national'>
          <RuleText rule={nationalRulesNote(saved)} />
          <Text className='policy-national__ask'>请选择本区执行的规则并保存；保持下面的勾选直接保存，即按民政部指引执行。</Text>
        </View>
      )}
    </View>
  );
}
