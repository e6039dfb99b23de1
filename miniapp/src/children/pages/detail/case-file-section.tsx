import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { API_PREFIX, asApiError, caseFilePath, type CaseFileFormat } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { mayReadAccessTrail, maySubmitCaseFile, submissionYearOn } from '../../../lib/case-file-words';
import { downloadCaseFile } from '../../../platform/download-case-file';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { currentSession } from '../../../services/session';

const FORMAT_WORDS: Record<CaseFileFormat, string> = { pdf: '导出档案（PDF）', zip: '导出档案（压缩包）' };

/**
 * Issue 12 (R7): the child's 档案: the one-child-one-file as a PDF or a zip of its parts (every export is recorded),
 * for the town's supervisor sending it to the district with the year's files, and 查看记录 (who has seen this child)
 * for supervisors and officers. Shown only to those who may export.
 */
export function CaseFileSection({ childId, childName, role }: { childId: string; childName: string; role: string }) {
  const [busy, setBusy] = useState<string | null>(null);

  async function download(format: CaseFileFormat) {
    const token = currentSession()?.token;
    if (!token || busy) return;
    setBusy(format);
    try {
      const url = `${process.env.TARO_APP_API_BASE.replace(/\/+$/, '')}${API_PREFIX}${caseFilePath(childId, format)}`;
      await downloadCaseFile(url, token, `儿童档案-${childName}.${format}`, format);
    } catch (error) {
      void Taro.showToast({ title: error instanceof Error ? error.message : '导出失败，请稍后再试', icon: 'none' });
    } finally {
      setBusy(null);
    }
  }

  async function submit() {
    if (busy) return;
    const year = submissionYearOn(new Date());
    const { confirm } = await Taro.showModal({ title: '报送档案', content: `将${childName}的${year}年度档案报送区民政局？报送后不可撤回。` });
    if (!confirm) return;
    setBusy('submit');
    try {
      const sent = await api.submitCaseFile(childId, year);
      void Taro.showToast({ title: sent.late ? '已报送（逾期）' : '已报送', icon: 'success' });
    } catch (error) {
      const problem = asApiError(error);
      void Taro.showToast({ title: problem.status === 409 ? '本年度档案已报送' : problem.message, icon: 'none' });
    } finally {
      setBusy(null);
    }
  }

  return (
    <CellGroup title='档案' className='case-file-section'>
      <View className='cell case-file-actions'>
        {(['pdf', 'zip'] as const).map((format) => (
          <Button
            key={format}
            id={`case-file-${format}`}
            className='button button--default button--small'
            size='mini'
            disabled={busy !== null || undefined}
            onClick={() => void download(format)}
          >
            {busy === format ? '导出中…' : FORMAT_WORDS[format]}
          </Button>
        ))}
      </View>
      {maySubmitCaseFile(role) ? (
        <Cell id='case-file-submit' title='报送区民政局' note={`${submissionYearOn(new Date())}年度档案，次年1月31日前`} onClick={() => void submit()} />
      ) : null}
      {mayReadAccessTrail(role) ? (
        <Cell id='case-file-trail' title='查看记录' note='谁查看、导出过这名儿童的档案' onClick={() => void Taro.navigateTo({ url: routes.caseFileTrail(childId) })} />
      ) : null}
    </CellGroup>
  );
}
