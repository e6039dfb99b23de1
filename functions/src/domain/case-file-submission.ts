import { z } from 'zod';
import { shanghaiDate } from './time.js';

/**
 * R7 (000 §五.7): the year's files of a district's children go to the district by 31 January of the next year. One
 * submission per child and year records who sent it, when, and the SHA-256 of the PDF sent, so the copy the district
 * keeps can be checked against the record.
 */
export const caseFileYearSchema = z.coerce.number().int().min(2020).max(2100);

export const caseFileSubmissionSchema = z
  .object({
    districtId: z.string().min(1),
    townId: z.string().min(1),
    year: z.number().int(),
    childId: z.string().min(1),
    submittedBy: z.string().min(1),
    submittedByName: z.string(),
    submittedAt: z.iso.datetime({ offset: true }),
    pdfSha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Sent after 31 January (Beijing) of the next year. */
    late: z.boolean(),
  })
  .strict();
export type CaseFileSubmission = z.infer<typeof caseFileSubmissionSchema>;

/** R7: the last day the year's files are due, as a Beijing date. */
export function submissionDeadlineOf(year: number): string {
  return `${year + 1}-01-31`;
}

/** Late when the Beijing date of sending is after the deadline (UTC 16:00 on 31 January is already 1 February). */
export function isLateSubmission(year: number, at: Date): boolean {
  return shanghaiDate(at) > submissionDeadlineOf(year);
}

/** The year whose files are being gathered now: in January, last year's (still due); otherwise this year's. */
export function submissionYearOn(now: Date): number {
  const [year, month] = shanghaiDate(now).split('-').map(Number) as [number, number];
  return month === 1 ? year - 1 : year;
}

/** The district's progress (N / M 已提交) and each town's. */
export interface SubmissionCount {
  submitted: number;
  late: number;
  total: number;
}
