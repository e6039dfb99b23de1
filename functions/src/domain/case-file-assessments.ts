import { entry, sectionOf, type CaseFileSection } from './case-file.js';
import { assessmentDimensions, assessmentSources, type Assessment } from './guardianship-assessment.js';
import { assessmentDimensionNames, assessmentKindNames, assessmentScoreNames, assessmentSourceNames, riskLevelNames } from './labels.js';

/**
 * R7's file carries the guardianship assessments (R18) oldest first, as a file is read: each dimension's score in
 * words with its notes, who was heard, the conclusion, the level it set and the recommendations.
 */
export function assessmentsSectionOf(assessments: readonly Assessment[], names: ReadonlyMap<string, string>): CaseFileSection {
  const ordered = [...assessments].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.recordedAt.localeCompare(b.recordedAt));
  return sectionOf(
    'assessments',
    ordered.map((assessment) => {
      const scores = assessmentDimensions.map((dimension): [string, string] => {
        const { score, notes } = assessment.dimensions[dimension];
        const words = assessmentScoreNames[String(score) as keyof typeof assessmentScoreNames];
        return [assessmentDimensionNames[dimension], `${score}分（${words}）${notes ? `：${notes}` : ''}`];
      });
      const heard = assessmentSources.filter((source) => assessment.sources[source].heard);
      const learned = heard.map((source) => `${assessmentSourceNames[source]}${assessment.sources[source].learned ? `：${assessment.sources[source].learned}` : ''}`);
      return entry([
        ['评估日期', assessment.heldOn],
        ['评估类型', assessmentKindNames[assessment.kind]],
        ['参加人员', assessment.presentUserIds.map((id) => names.get(id) ?? '（账号已注销）').join('、')],
        ...scores,
        ['听取意见', learned.join('；') || '无'],
        ['评估结论', assessment.conclusion],
        ['风险等级', `${riskLevelNames[assessment.riskLevel]}（评估前：${riskLevelNames[assessment.previousRiskLevel]}）`],
        ['建议', assessment.recommendations],
      ]);
    }),
  );
}
