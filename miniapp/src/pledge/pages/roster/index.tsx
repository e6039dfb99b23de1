import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { API_PREFIX, pledgeDocumentPath, type PledgeDocumentFormat, type PledgeRoster, type PledgeRosterEntry } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { formatDateTime } from '../../../lib/beijing-time';
import { roleNames } from '../../../lib/labels';
import { rosterStatusNames } from '../../../lib/pledge-words';
import { downloadPledge } from '../../../platform/download-pledge';
import { api } from '../../../services/api';
import { currentSession } from '../../../services/session';
import '../sign/index.css';

/**
 * 承诺书签署情况 (R8, issue 11): the org admin sees who of the organization has signed the current pledge and who has
 * not, and downloads a signed one as PDF or image. A record changed after signing shows 记录异常 and is not offered.
 */
export default function PledgeRosterPage() {
  const session = useRequiredSession();
  const roster = useLoadOnShow(session ? () => api.pledgeRoster() : null);
  if (!session) return <View className='page' />;
  return (
    <View className='page pledge-roster' id='pledge-roster-page'>
      {roster.error ? <ErrorNotice error={roster.error} /> : null}
      {roster.data === null ? (roster.error ? null : <LoadingState />) : <RosterBody roster={roster.data} />}
    </View>
  );
}

function RosterBody({ roster }: { roster: PledgeRoster }) {
  const [busy, setBusy] = useState<string | null>(null);
  if (roster.entries.length === 0) return <EmptyState text='本机构暂无需要签署的人员' />;
  const signed = roster.entries.filter((entry) => entry.status === 'signed').length;

  async function download(entry: PledgeRosterEntry, format: PledgeDocumentFormat) {
    const token = currentSession()?.token;
    if (!token || busy) return;
    setBusy(`${entry.userId}-${format}`);
    try {
      const url = `${process.env.TARO_APP_API_BASE.replace(/\/+$/, '')}${API_PREFIX}${pledgeDocumentPath(entry.userId, roster.version, format)}`;
      await downloadPledge(url, token, `儿童保护承诺书-${entry.name}-${roster.version}.${format}`, format);
    } catch (error) {
      void Taro.showToast({ title: error instanceof Error ? error.message : '下载失败，请稍后再试', icon: 'none' });
    } finally {
      setBusy(null);
    }
  }

  return (
    <View>
      <Text className='pledge__intro' id='pledge-roster-summary'>
        《{roster.title}》版本 {roster.version}：已签署 {signed} 人，共 {roster.entries.length} 人
      </Text>
      <CellGroup title='人员'>
        {roster.entries.map((entry) => (
          <Cell
            key={entry.userId}
            id={`pledge-roster-${entry.userId}`}
            title={entry.name}
            note={[roleNames[entry.role], entry.signedAt ? formatDateTime(entry.signedAt, new Date()) : null].filter(Boolean).join(' · ')}
            value={rosterStatusNames[entry.status]}
          >
            {entry.downloadable ? (
              <View className='pledge-roster__actions'>
                <Button className='button button--default button--small' size='mini' onClick={() => void download(entry, 'pdf')}>
                  {busy === `${entry.userId}-pdf` ? '下载中…' : '下载 PDF'}
                </Button>
                <Button className='button button--default button--small' size='mini' onClick={() => void download(entry, 'png')}>
                  {busy === `${entry.userId}-png` ? '下载中…' : '下载图片'}
                </Button>
              </View>
            ) : null}
          </Cell>
        ))}
      </CellGroup>
    </View>
  );
}
