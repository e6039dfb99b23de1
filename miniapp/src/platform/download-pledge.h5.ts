import type { PledgeDocumentFormat } from '../api/pledge-types';
import { downloadReport } from './download-report.h5';

/** The same fetch-and-save as the monthly report's spreadsheet. */
export async function downloadPledge(url: string, token: string, fileName: string, _format: PledgeDocumentFormat): Promise<void> {
  await downloadReport(url, token, fileName, 'csv');
}
