import Taro from '@tarojs/taro';
import { useState } from 'react';
import { API_PREFIX, reportExportPath, type ExportFormat, type MonthlyReportView } from '../../../api';
import { downloadReport } from '../../../platform/download-report';
import { currentSession } from '../../../services/session';

/** 下载 Excel / 下载 CSV: one download at a time, its failure said in a toast. */
export function useReportDownload(view: MonthlyReportView | null) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  async function download(format: ExportFormat) {
    const token = currentSession()?.token;
    if (!view || !token || busy) return;
    setBusy(format);
    try {
      const url = `${process.env.TARO_APP_API_BASE.replace(/\/+$/, '')}${API_PREFIX}${reportExportPath(view.region.id, view.month, format)}`;
      await downloadReport(url, token, `走访情况月度汇报表-${view.region.name}-${view.month}.${format}`, format);
    } catch (error) {
      void Taro.showToast({ title: error instanceof Error ? error.message : '下载失败，请稍后再试', icon: 'none' });
    } finally {
      setBusy(null);
    }
  }
  return { busy, download };
}
