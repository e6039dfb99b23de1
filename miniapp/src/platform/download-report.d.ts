import type { ExportFormat } from '../api/report-types';

/**
 * Downloads a monthly report's spreadsheet from `url` with the session's token and hands it to the user: a file
 * saved by the browser (H5), or WeChat's document viewer with its menu to send or save it (weapp). Rejects with a
 * Chinese message when the download fails.
 */
export declare function downloadReport(url: string, token: string, fileName: string, format: ExportFormat): Promise<void>;
