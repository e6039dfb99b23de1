import type { CaseFileFormat } from '../api/case-file-types';
import { downloadReport } from './download-report.h5';

/** The browser saves the file from a blob link (a download, not an image, so the CSP's img-src does not apply). */
export async function downloadCaseFile(url: string, token: string, fileName: string, _format: CaseFileFormat): Promise<void> {
  await downloadReport(url, token, fileName, 'csv');
}
