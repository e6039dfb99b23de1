import { Input, Text, View } from '@tarojs/components';
import { SEARCH_TEXT_MAX } from '../../lib/child-search';

interface ChildSearchBarProps {
  text: string;
  onText: (text: string) => void;
  /** The keyboard's 搜索 key: search now rather than after the pause. */
  onSubmit: () => void;
  /** Null: the role has no filters (a guardian), so no 筛选 button. */
  filterCount: number | null;
  panelOpen: boolean;
  onTogglePanel: () => void;
}

/** The name search and the 筛选 button, as WeChat's own search bars look: a white pill on the grey page. */
export function ChildSearchBar({ text, onText, onSubmit, filterCount, panelOpen, onTogglePanel }: ChildSearchBarProps) {
  return (
    <View className='child-search'>
      <View className='child-search__box'>
        <View className='child-search__icon' />
        <Input
          id='child-search'
          className='child-search__input'
          type='text'
          confirmType='search'
          placeholder='搜索儿童姓名'
          maxlength={SEARCH_TEXT_MAX}
          value={text}
          onInput={(e) => onText(e.detail.value)}
          onConfirm={onSubmit}
        />
        {text ? (
          <Text className='child-search__clear' id='child-search-clear' onClick={() => onText('')}>
            ✕
          </Text>
        ) : null}
      </View>
      {filterCount !== null ? (
        <Text
          id='filter-toggle'
          className={`filter-toggle${filterCount > 0 || panelOpen ? ' filter-toggle--on' : ''}`}
          onClick={onTogglePanel}
        >
          {panelOpen ? '收起' : filterCount > 0 ? `筛选 ${filterCount}` : '筛选'}
        </Text>
      ) : null}
    </View>
  );
}
