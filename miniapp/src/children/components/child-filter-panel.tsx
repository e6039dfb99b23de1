import { Text, View } from '@tarojs/components';
import type { FilterVillage } from '../../api';
import { ChoiceChips, type Choice } from '../../components/choice-chips';
import { villagesByTown, type ChildSearch } from '../../lib/child-search';
import { childCategoryNames, riskLevelNames } from '../../lib/labels';

const ALL = 'all';

const riskChoices: Choice<string>[] = [
  { value: ALL, label: '全部' },
  ...(['red', 'yellow', 'green'] as const).map((level) => ({ value: level, label: riskLevelNames[level] })),
];
const categoryChoices: Choice<string>[] = [
  { value: ALL, label: '全部' },
  ...(Object.keys(childCategoryNames) as (keyof typeof childCategoryNames)[]).map((category) => ({ value: category, label: childCategoryNames[category] })),
];

function villageChoices(villages: readonly FilterVillage[]): Choice<string>[] {
  return villages.map((v) => ({ value: v.id, label: v.name }));
}

interface ChildFilterPanelProps {
  search: ChildSearch;
  villages: readonly FilterVillage[];
  /** Grades and categories are the workers' (a guardian never gets them). */
  showGrading: boolean;
  onChange: (change: Partial<ChildSearch>) => void;
}

/**
 * The filters as chips, one choice per group, 全部 to let a group go; a tap applies at once. Villages are named and
 * grouped under their town when there are several towns (全部 on a row of its own then); a list of one village offers
 * no village choice.
 */
export function ChildFilterPanel({ search, villages, showGrading, onChange }: ChildFilterPanelProps) {
  const towns = villagesByTown(villages);
  // A second tap on the chosen chip lets it go, as 全部 does.
  const choose = (key: 'villageId' | 'riskLevel' | 'category') => (value: string) =>
    onChange({ [key]: value === ALL || value === search[key] ? null : value });
  return (
    <View className='filter-panel' id='filter-panel'>
      {villages.length > 1 ? (
        <View className='filter-group'>
          <Text className='filter-group__title'>村（居）</Text>
          {towns.length === 1 ? (
            <ChoiceChips idPrefix='filter-village' choices={[{ value: ALL, label: '全部' }, ...villageChoices(towns[0].villages)]} selected={[search.villageId ?? ALL]} onToggle={choose('villageId')} />
          ) : (
            <View>
              <ChoiceChips idPrefix='filter-village' choices={[{ value: ALL, label: '全部' }]} selected={search.villageId ? [] : [ALL]} onToggle={choose('villageId')} />
              {towns.map((town) => (
                <View key={town.townId} className='filter-town'>
                  <Text className='filter-town__name'>{town.townName}</Text>
                  <ChoiceChips idPrefix='filter-village' choices={villageChoices(town.villages)} selected={search.villageId ? [search.villageId] : []} onToggle={choose('villageId')} />
                </View>
              ))}
            </View>
          )}
        </View>
      ) : null}
      {showGrading ? (
        <View className='filter-group'>
          <Text className='filter-group__title'>风险等级</Text>
          <ChoiceChips idPrefix='filter-risk' choices={riskChoices} selected={[search.riskLevel ?? ALL]} onToggle={choose('riskLevel')} />
        </View>
      ) : null}
      {showGrading ? (
        <View className='filter-group'>
          <Text className='filter-group__title'>儿童类别</Text>
          <ChoiceChips idPrefix='filter-category' choices={categoryChoices} selected={[search.category ?? ALL]} onToggle={choose('category')} />
        </View>
      ) : null}
    </View>
  );
}
