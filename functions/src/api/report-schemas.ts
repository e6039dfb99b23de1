import { z } from '@hono/zod-openapi';
import { monthlyFiguresSchema, monthSchema } from '../domain/monthly-report.js';
import { idSchema, regionLevelSchema } from '../domain/region.js';

export const reportMonthParamsSchema = z.object({ regionId: idSchema, month: monthSchema });
export const reportYearParamsSchema = z.object({
  regionId: idSchema,
  year: z.string().regex(/^20\d{2}$/, '年份格式应为 YYYY（2000–2099）'),
});
export const exportQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']) }).strict();

const submissionViewSchema = z.object({ submittedAt: z.string(), submittedByName: z.string(), late: z.boolean() });
const submissionStatusShape = {
  submits: z.boolean(),
  deadline: z.string().nullable(),
  submission: submissionViewSchema.nullable(),
};

export const monthlyReportViewSchema = z
  .object({
    region: z.object({ id: idSchema, name: z.string(), level: regionLevelSchema }),
    month: monthSchema,
    figures: monthlyFiguresSchema.nullable(),
    computedAt: z.string().nullable(),
    ...submissionStatusShape,
    canSubmit: z.boolean(),
    /** The figures' Chinese names in the report's order, so the app shows the server's words (monthlyFigureNames). */
    figureNames: z.array(z.object({ key: z.string(), name: z.string() })),
    parts: z.array(
      z.object({ regionId: idSchema, name: z.string(), level: regionLevelSchema, figures: monthlyFiguresSchema.nullable(), ...submissionStatusShape }),
    ),
    /** R9 (服务机构提醒): a district's organizations without service in the month nor the month before. */
    idleOrganizations: z.array(z.object({ id: idSchema, name: z.string() })),
  })
  .openapi('MonthlyReportView');

export const reportYearViewSchema = z
  .object({
    region: z.object({ id: idSchema, name: z.string(), level: regionLevelSchema }),
    year: z.number().int(),
    months: z.array(monthSchema),
    totals: z.array(monthlyFiguresSchema.nullable()),
    parts: z.array(z.object({ regionId: idSchema, name: z.string(), figures: z.array(monthlyFiguresSchema.nullable()) })),
  })
  .openapi('ReportYearView');

export const submissionResultSchema = z
  .object({ month: monthSchema, regionId: idSchema, submission: submissionViewSchema, deadline: z.string() })
  .openapi('ReportSubmissionResult');
