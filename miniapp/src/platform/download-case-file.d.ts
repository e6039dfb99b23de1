import type { CaseFileFormat } from '../api/case-file-types';

/**
 * Downloads a child's file (R7) with the session's token: a file the browser saves (H5); on WeChat the PDF opens in
 * its document viewer (send, save) and the zip, which WeChat cannot open, goes to a chat as a file. Rejects with a
 * Chinese message when it fails.
 */
export declare function downloadCaseFile(url: string, token: string, fileName: string, format: CaseFileFormat): Promise<void>;
