import Taro from '@tarojs/taro';

/** Qualities tried in turn until the photo fits: WeChat's compressImage on a width of at most 1280 px. */
const QUALITIES = [70, 50, 30];
const MAX_WIDTH = 1280;

export async function pickCompressedPhoto(maxBytes: number): Promise<string | null> {
  let chosen: Taro.chooseMedia.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return null;
  }
  const src = chosen.tempFiles[0]?.tempFilePath;
  if (!src) return null;
  const files = Taro.getFileSystemManager();
  for (const quality of QUALITIES) {
    const { tempFilePath } = await Taro.compressImage({ src, quality, compressedWidth: MAX_WIDTH });
    const base64 = files.readFileSync(tempFilePath, 'base64') as string;
    if ((base64.length * 3) / 4 <= maxBytes) return base64;
  }
  throw new Error('照片压缩后仍然过大，请换一张照片');
}
