import type { ExportFormat } from '../api/report-types';

/** fetch with the session's header (a link alone cannot carry it), then a blob link the browser saves under the name. */
export async function downloadReport(url: string, token: string, fileName: string, _format: ExportFormat): Promise<void> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!response.ok) throw new Error(`下载失败（${response.status}），请稍后再试`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click returns; the address would only hold the memory.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
