import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { FilterVillage } from '../../../api';
import { NationalPolicyNote } from '../../../components/national-policy-note';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { activeFiltersOf, chosenFilterCount, filterOf, isSearching, noSearch, type ChildSearch } from '../../../lib/child-search';
import { listDistrictOf } from '../../../lib/policy-choice';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { ActiveFilters } from '../../components/active-filters';
import { ChildFilterPanel } from '../../components/child-filter-panel';
import { ChildRow } from '../../components/child-row';
import { ChildSearchBar } from '../../components/child-search-bar';
import { useChildList } from './use-child-list';
import './index.css';

/** Typing pauses this long before the list is searched (the keyboard's 搜索 key searches at once). */
const TYPING_PAUSE_MS = 400;

export default function ChildrenListPage() {
  const session = useRequiredSession();
  const guardian = session?.user.role === 'guardian';
  // What is typed and chosen, and what the list was last asked for (the text after the pause).
  const [search, setSearch] = useState<ChildSearch>(noSearch);
  const [applied, setApplied] = useState<ChildSearch>(noSearch);
  const [panelOpen, setPanelOpen] = useState(false);
  const [villages, setVillages] = useState<FilterVillage[]>([]);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { list, loading, error, count, loadMore, reload } = useChildList(Boolean(session), filterOf(applied));

  useEffect(() => {
    if (session && !guardian) api.filterVillages().then(setVillages, () => undefined);
  }, [session, guardian]);
  useEffect(() => () => clearTimeout(typing.current ?? undefined), []);

  useReachBottom(() => void loadMore());
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <View className='page' />;

  const change = (next: ChildSearch, now: boolean) => {
    setSearch(next);
    clearTimeout(typing.current ?? undefined);
    if (now) setApplied(next);
    else typing.current = setTimeout(() => setApplied(next), TYPING_PAUSE_MS);
  };
  const onText = (text: string) => change({ ...search, text }, text === '');
  const choose = (part: Partial<ChildSearch>) => change({ ...search, ...part }, true);
  const clear = () => change(noSearch, true);
  const searching = isSearching(applied);
  const now = new Date();
  const open = (id: string) => void Taro.navigateTo({ url: routes.child(id) });

  return (
    <View className='page children'>
      <ChildSearchBar
        text={search.text}
        onText={onText}
        onSubmit={() => change(search, true)}
        filterCount={guardian ? null : chosenFilterCount(search)}
        panelOpen={panelOpen}
        onTogglePanel={() => setPanelOpen(!panelOpen)}
      />
      {panelOpen ? <ChildFilterPanel search={search} villages={villages} showGrading={!guardian} onChange={choose} /> : null}
      {searching ? (
        <ActiveFilters
          filters={activeFiltersOf(applied, villages)}
          count={count}
          onRemove={(key) => choose({ [key]: null })}
          onClear={clear}
        />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <NationalPolicyNote districtId={listDistrictOf(session.user, list.items)} />
      {list.items.length > 0 ? (
        <View className='cell-group child-list'>
          {list.items.map((child) => (
            <ChildRow key={child.id} child={child} regionNames={list.regionNames} now={now} onOpen={open} />
          ))}
        </View>
      ) : null}
      {!list.loaded && loading ? <LoadingState /> : null}
      {list.loaded && list.items.length === 0 && !list.nextCursor ? (
        searching ? (
          <View className='no-match'>
            <EmptyState text='没有符合条件的儿童' detail='换个名字，或少选几项筛选再试' />
            <View className='no-match__actions'>
              <Button className='button button--default' id='empty-clear-filters' onClick={clear}>
                清除筛选
              </Button>
            </View>
          </View>
        ) : (
          <EmptyState text='暂无儿童记录' detail='您的辖区或小组内还没有登记的儿童' />
        )
      ) : null}
      {list.loaded && list.nextCursor ? (
        <View className='list-footer'>
          <Button className='button button--default load-more' id='load-more' disabled={loading || undefined} onClick={() => void loadMore()}>
            {loading ? '加载中…' : list.items.length === 0 ? '还没有找到，继续查找' : '加载更多'}
          </Button>
        </View>
      ) : null}
      {list.loaded && !list.nextCursor && list.items.length > 0 ? (
        <Text className='list-footer list-end'>已显示全部 {list.items.length} 名</Text>
      ) : null}
    </View>
  );
}
