/**
 * In the browser: a file input, then a canvas of at most 1280 px on the longer side, exported as JPEG at falling
 * qualities until it fits (a phone photo of several MB comes out at 100–250 KB).
 */
const MAX_SIDE = 1280;
const QUALITIES = [0.8, 0.6, 0.4, 0.25];

function chooseFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Read as a data: URL: the page's Content-Security-Policy lets images come from data: but not from blob: URLs. */
function loadImage(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const failed = () => reject(new Error('无法读取这张照片，请换一张 JPEG 或 PNG 照片'));
    const reader = new FileReader();
    reader.onerror = failed;
    reader.onload = () => {
      const image = new Image();
      image.onload = () => resolve(image);
      image.onerror = failed;
      image.src = String(reader.result);
    };
    reader.readAsDataURL(file);
  });
}

export async function pickCompressedPhoto(maxBytes: number): Promise<string | null> {
  const file = await chooseFile();
  if (file === null) return null;
  const image = await loadImage(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('浏览器不支持压缩照片');
  // A PNG with transparency becomes a JPEG on white, not on black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  for (const quality of QUALITIES) {
    const base64 = canvas.toDataURL('image/jpeg', quality).split(',')[1] ?? '';
    if ((base64.length * 3) / 4 <= maxBytes) return base64;
  }
  throw new Error('照片压缩后仍然过大，请换一张照片');
}
