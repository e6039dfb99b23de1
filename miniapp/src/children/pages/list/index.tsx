import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../../../api';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { appendPage, emptyPagedChildren, type PagedChildren } from '../../../lib/paging';
import { api } from '../../../services/api';
import { rememberRegionNames } from '../../../services/region-names';
import { routes } from '../../../services/routes';
import { ChildRow } from '../../components/child-row';
import './index.css';

const PAGE_SIZE = 20;

export default function ChildrenListPage() {
  const session = useRequiredSession();
  const [list, setList] = useState<PagedChildren>(emptyPagedChildren);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The latest list for callbacks that outlive a render (reach-bottom, pull-down).
  const listRef = useRef(list);
  const loadingRef = useRef(false);

  const load = useCallback(async (restart: boolean) => {
    if (loadingRef.current) return;
    if (!restart && listRef.current.loaded && !listRef.current.nextCursor) return;
    loadingRef.current = true;
    setLoading(true);
    setError(null);
    try {
      const page = await api.listChildren({ cursor: restart ? null : listRef.current.nextCursor, limit: PAGE_SIZE });
      rememberRegionNames(page.regionNames);
      listRef.current = appendPage(listRef.current, page, restart);
      setList(listRef.current);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      loadingRef.current = false;
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (session) void load(true);
  }, [session, load]);

  useReachBottom(() => void load(false));
  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <View className='page' />;
  const now = new Date();
  const open = (id: string) => void Taro.navigateTo({ url: routes.child(id) });

  return (
    <View className='page children'>
      {error ? <ErrorNotice error={error} /> : null}
      {list.items.length > 0 ? (
        <View className='cell-group child-list'>
          {list.items.map((child) => (
            <ChildRow key={child.id} child={child} regionNames={list.regionNames} now={now} onOpen={open} />
          ))}
        </View>
      ) : null}
      {!list.loaded && loading ? <LoadingState /> : null}
      {list.loaded && list.items.length === 0 ? (
        <EmptyState text='暂无儿童记录' detail='您的辖区或小组内还没有登记的儿童' />
      ) : null}
      {list.loaded && list.nextCursor ? (
        <View className='list-footer'>
          <Button className='button button--default load-more' id='load-more' loading={loading} onClick={() => void load(false)}>
            加载更多
          </Button>
        </View>
      ) : null}
      {list.loaded && !list.nextCursor && list.items.length > 0 ? (
        <Text className='list-footer list-end'>已显示全部 {list.items.length} 名</Text>
      ) : null}
    </View>
  );
}
