import { Text, View } from '@tarojs/components';
import type { ChildSummary } from '../../api';
import { RiskTag, Tag } from '../../components/tag';
import { formatAge } from '../../lib/age';
import { villageNameOf } from '../../lib/format';
import { childCategoryNames, childStatusNames, genderNames, labelOf } from '../../lib/labels';

interface ChildRowProps {
  child: ChildSummary;
  regionNames: Record<string, string>;
  now: Date;
  onOpen: (id: string) => void;
}

/** One child in the roster: only masked personal data; grading only when the role receives it. */
export function ChildRow({ child, regionNames, now, onOpen }: ChildRowProps) {
  const place = [villageNameOf(child.region, regionNames), child.addressMasked].filter(Boolean).join(' · ');
  return (
    <View className='cell cell--link child-row' id={`child-row-${child.id}`} onClick={() => onOpen(child.id)}>
      <View className='cell__body'>
        <View className='child-row__head'>
          <Text className='child-row__name'>{child.name}</Text>
          <Text className='child-row__meta'>
            {labelOf(genderNames, child.gender)} · {formatAge(child.birthDate, now)}
          </Text>
        </View>
        <Text className='cell__note child-row__place'>{place}</Text>
        <View className='tags'>
          {child.riskLevel ? <RiskTag level={child.riskLevel} /> : null}
          {child.categories?.map((category) => (
            <Tag key={category} tone='neutral' className='category-tag'>
              {labelOf(childCategoryNames, category)}
            </Tag>
          ))}
          {child.status === 'closed' ? <Tag tone='grey'>{labelOf(childStatusNames, child.status)}</Tag> : null}
        </View>
      </View>
      <View className='cell__arrow' />
    </View>
  );
}
