import { Text, View } from '@tarojs/components';
import type { FullCaseView } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { goalOutcomeNames } from '../../../lib/case-plan-words';
import { formatDate } from '../../../lib/format';

/**
 * R15: each periodic evaluation, newest first, with every goal's outcome in words. A review names goals by their
 * place in the plan; after the plan was revised a goal may have gone, then it is called by its number.
 */
export function ReviewList({ view }: { view: FullCaseView }) {
  const goals = view.plan?.goals ?? [];
  const reviews = [...view.reviews].sort((a, b) => (a.reviewedOn === b.reviewedOn ? b.recordedAt.localeCompare(a.recordedAt) : b.reviewedOn.localeCompare(a.reviewedOn)));
  return (
    <CellGroup title='定期评估'>
      {reviews.length === 0 ? <Cell title='尚无评估记录' /> : null}
      {reviews.map((review) => (
        <View key={review.id} id={`plan-review-${review.id}`} className='plan-review'>
          <Cell title={`${formatDate(review.reviewedOn)} 评估`} value={review.recordedByName} />
          {review.goals.map((outcome, index) => (
            <Cell key={index} className='plan-review__goal' title={goals[index]?.goal ?? `目标 ${index + 1}`} note={outcome.note || undefined}
              value={<Text className={`outcome outcome--${outcome.outcome}`}>{goalOutcomeNames[outcome.outcome]}</Text>} />
          ))}
          <Cell title='孩子的变化' note={review.childChange} />
          <Cell title='使用的资源' note={review.resourcesUsed} />
          {/* A closed case is reviewed no more: the date a review once set would mislead. */}
          {view.status === 'closed' ? null : <Cell title='下次评估' value={formatDate(review.nextReviewOn)} />}
        </View>
      ))}
    </CellGroup>
  );
}
