import Taro from '@tarojs/taro';
import type { CaseFileFormat } from '../api/case-file-types';

export async function downloadCaseFile(url: string, token: string, fileName: string, format: CaseFileFormat): Promise<void> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({ url, header: { Authorization: `Bearer ${token}` } });
  if (statusCode === 403) throw new Error('当前角色无权导出该儿童档案');
  if (statusCode !== 200) throw new Error(`下载失败（${statusCode}），请稍后再试`);
  if (format === 'pdf') await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
  else await Taro.shareFileMessage({ filePath: tempFilePath, fileName });
}
