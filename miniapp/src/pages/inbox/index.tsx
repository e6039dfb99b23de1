import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { InboxItem, Role } from '../../api';
import { CellGroup } from '../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../components/states';
import { WechatReminderRow } from '../../components/wechat-reminder-row';
import { useLoadOnShow } from '../../hooks/use-load-on-show';
import { useRequiredSession } from '../../hooks/use-required-session';
import { describeMessage, digestDestination, type DigestDestination } from '../../lib/inbox-format';
import { api } from '../../services/api';
import { routes } from '../../services/routes';
import './index.css';

/**
 * Every role's inbox (issue 7, B8): the newest messages first, unread ones marked, each saying what it is about in
 * words. Tapping one marks it read and opens the visit's or the difficult case's page, or for a morning digest the
 * list it counts (issue 9); one about a child or a case the reader may no longer read is only marked read.
 */

function openDigestList(destination: DigestDestination) {
  // The home page holds the due list and the guardian's visits to confirm; it is opened afresh, not stacked on the inbox.
  if (destination.kind === 'home') void Taro.reLaunch({ url: routes.home });
  else if (destination.kind === 'attention') void Taro.navigateTo({ url: routes.attention(destination.state) });
  else void Taro.navigateTo({ url: routes.concernQueue });
}
export default function InboxPage() {
  const session = useRequiredSession();
  const inbox = useLoadOnShow(session ? () => api.inbox() : null);
  const [readHere, setReadHere] = useState<string[]>([]);

  if (!session) return <View className='page' />;
  const now = new Date();
  const items = inbox.data?.items ?? null;

  async function open(item: InboxItem, opens: boolean) {
    if (item.readAt === null && !readHere.includes(item.id)) {
      setReadHere((ids) => [...ids, item.id]);
      // The visit is what the reader came for: a mark that fails (no signal) is tried again on the next tap.
      await api.markInboxRead(item.id).catch(() => setReadHere((ids) => ids.filter((id) => id !== item.id)));
    }
    if (!opens) return;
    const digest = digestDestination(item);
    if (digest !== null) openDigestList(digest);
    else if (item.kind === 'volunteerApplied') void Taro.navigateTo({ url: routes.volunteerReview });
    else if (item.report) void Taro.navigateTo({ url: routes.monthlyReport(item.report.regionId, item.report.month) });
    else if (item.organization) void Taro.navigateTo({ url: routes.monthlyReport(item.organization.districtId, item.organization.month) });
    else if (item.escalationId !== null) void Taro.navigateTo({ url: routes.escalation(item.escalationId) });
    else if (item.childId !== null && item.visitId !== null) void Taro.navigateTo({ url: routes.visit(item.childId, item.visitId) });
  }

  return (
    <View className='page inbox-page'>
      <WechatReminderRow />
      {inbox.error ? <ErrorNotice error={inbox.error} /> : null}
      {items === null && !inbox.error ? <LoadingState /> : null}
      {items?.length === 0 ? <EmptyState text='暂无消息' detail={emptyDetailOf(session.user.role)} /> : null}
      {items && items.length > 0 ? (
        <CellGroup>
          <View id='inbox-list'>
            {items.map((item) => (
              <Message key={item.id} item={item} read={item.readAt !== null || readHere.includes(item.id)} reader={session.user.role} now={now} onOpen={open} />
            ))}
          </View>
        </CellGroup>
      ) : null}
    </View>
  );
}

interface MessageProps {
  item: InboxItem;
  read: boolean;
  reader: Role;
  now: Date;
  onOpen: (item: InboxItem, opens: boolean) => void;
}

/** One message: a dot and bold type while unread (and 未读 in words, so colour is not the only sign). */
function Message({ item, read, reader, now, onOpen }: MessageProps) {
  const words = describeMessage(item, reader, now);
  return (
    <View
      id={`message-${item.id}`}
      className={`cell cell--link inbox-message ${read ? 'inbox-message--read' : 'inbox-message--unread'}`}
      hoverClass='cell--pressed'
      onClick={() => onOpen(item, words.opens)}
    >
      <View className='inbox-message__dot' />
      <View className='cell__body'>
        <Text className='inbox-message__title'>{words.title}</Text>
        <Text className='inbox-message__subject'>{words.subject}</Text>
        {words.quote ? <Text className='inbox-message__quote'>{words.quote}</Text> : null}
        <Text className='inbox-message__time'>
          {read ? '' : <Text className='inbox-message__unread'>未读 · </Text>}
          {words.receivedAt}
        </Text>
      </View>
      {words.opens ? <View className='cell__arrow' /> : null}
    </View>
  );
}

/** What reaches whom, so an empty inbox is not taken for a broken one. */
function emptyDetailOf(role: Role): string {
  if (role === 'guardian') return '有走访等待您确认、您提出的异议有了处理结果，会在这里告诉您';
  if (role === 'supervisor') return '每日督导提醒、监护人对走访有异议、异议处理结果、疑难个案待受理和超时，会在这里通知您';
  if (role === 'director') return '每日待办走访提醒、监护人对走访有异议、异议处理结果、本村儿童的疑难个案提请，会在这里通知您';
  if (role === 'districtOfficer' || role === 'cityOfficer') return '提请到本级的疑难个案、超时未受理的提醒，会在这里通知您';
  if (role === 'socialWorker') return '每日待办走访提醒、您登记的走访有异议处理结果时，会在这里通知您';
  return '有需要您知道的事情时，会在这里通知您';
}
