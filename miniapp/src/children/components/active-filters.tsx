import { Text, View } from '@tarojs/components';
import type { ActiveFilter, FoundCount } from '../../lib/child-search';

interface ActiveFiltersProps {
  filters: ActiveFilter[];
  count: FoundCount;
  onRemove: (key: ActiveFilter['key']) => void;
  onClear: () => void;
}

/** What the list is narrowed to, each removable with one tap, and how many children that finds. */
export function ActiveFilters({ filters, count, onRemove, onClear }: ActiveFiltersProps) {
  return (
    <View className='active-filters' id='active-filters'>
      {filters.map((filter) => (
        <Text key={filter.key} className='active-filter' id={`active-filter-${filter.key}`} onClick={() => onRemove(filter.key)}>
          {filter.label} ✕
        </Text>
      ))}
      {count !== null ? (
        <Text className='result-count' id='result-count'>
          {count === 'counting' ? '正在查找…' : `找到 ${count} 名儿童`}
        </Text>
      ) : null}
      <Text className='link clear-filters' id='clear-filters' onClick={onClear}>
        清除
      </Text>
    </View>
  );
}
