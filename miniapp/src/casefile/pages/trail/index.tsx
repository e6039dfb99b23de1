import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { asApiError, type AccessTrailEntry, type ApiError } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { formatDateTime } from '../../../lib/beijing-time';
import { api } from '../../../services/api';
import '../../casefile.css';

/**
 * Issue 12 part 5: who has seen this child: each read, export or change of the child's record by name, role and
 * time, newest first, 20 at a time. The server records this look too, so the reader finds it at the top.
 */
export default function AccessTrailPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const childId = params.childId ? decodeURIComponent(params.childId) : '';
  const [entries, setEntries] = useState<AccessTrailEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (from: string | null) => {
      setLoading(true);
      try {
        const page = await api.accessTrail(childId, from);
        setEntries((shown) => [...(from ? (shown ?? []) : []), ...page.items]);
        setCursor(page.nextCursor);
        setError(null);
      } catch (e) {
        setError(asApiError(e));
      } finally {
        setLoading(false);
      }
    },
    [childId],
  );

  useEffect(() => {
    if (session && childId) void load(null);
  }, [session, childId, load]);

  if (!session) return <View className='page' />;
  const now = new Date();
  return (
    <View className='page access-trail' id='access-trail-page'>
      {error ? <ErrorNotice error={error} /> : null}
      {entries === null ? (
        error ? null : <LoadingState />
      ) : entries.length === 0 ? (
        <EmptyState text='暂无查看记录' />
      ) : (
        <CellGroup title='谁查看过这名儿童'>
          {entries.map((entry, index) => (
            <Cell
              key={`${entry.at}-${index}`}
              className='access-trail__entry'
              title={
                <Text>
                  {entry.name}
                  <Text className='access-trail__role'>（{entry.roleName}）</Text>
                </Text>
              }
              note={formatDateTime(entry.at, now)}
              value={entry.refused ? `${entry.what}（被拒绝）` : entry.what}
            />
          ))}
        </CellGroup>
      )}
      {cursor ? (
        <View className='access-trail__more'>
          <Button className='button button--default' id='access-trail-more' disabled={loading || undefined} onClick={() => void load(cursor)}>
            {loading ? '加载中…' : '加载更多'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
