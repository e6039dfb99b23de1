import type { PledgeDocumentFormat } from '../api/pledge-types';

/**
 * Downloads a signed pledge (PDF or PNG) with the session's token: a file the browser saves (H5); WeChat's document
 * viewer for a PDF and its image preview for a PNG (weapp). Rejects with a Chinese message when it fails.
 */
export declare function downloadPledge(url: string, token: string, fileName: string, format: PledgeDocumentFormat): Promise<void>;
