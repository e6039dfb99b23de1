import Taro from '@tarojs/taro';
import type { PledgeDocumentFormat } from '../api/pledge-types';

/** A PDF opens in WeChat's document viewer (send, save); an image in its preview (long-press to save or send). */
export async function downloadPledge(url: string, token: string, _fileName: string, format: PledgeDocumentFormat): Promise<void> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({ url, header: { Authorization: `Bearer ${token}` } });
  if (statusCode !== 200) throw new Error(statusCode === 422 ? '该承诺书记录异常，不能下载' : `下载失败（${statusCode}），请稍后再试`);
  if (format === 'pdf') await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
  else await Taro.previewImage({ urls: [tempFilePath] });
}
