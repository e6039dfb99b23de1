import Taro from '@tarojs/taro';
import type { ExportFormat } from '../api/report-types';

/**
 * wx.downloadFile carries the session's header; wx.openDocument shows the file with WeChat's menu (send to a chat,
 * open in another app), which is how a cadre passes a spreadsheet on from a phone.
 */
export async function downloadReport(url: string, token: string, _fileName: string, format: ExportFormat): Promise<void> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({ url, header: { Authorization: `Bearer ${token}` } });
  if (statusCode !== 200) throw new Error(`下载失败（${statusCode}），请稍后再试`);
  // WeChat's viewer knows xlsx by the file's name; a CSV it cannot show is still offered by its menu.
  await Taro.openDocument({ filePath: tempFilePath, showMenu: true, ...(format === 'xlsx' ? { fileType: 'xlsx' as const } : {}) });
}
