import { View } from '@tarojs/components';
import type { ConcernView } from '../../../api';
import { CellGroup } from '../../../components/cell';
import { TrailStepRow } from '../../../components/trail-step';
import { formatDateTime } from '../../../lib/beijing-time';
import { trailStepText } from '../../../lib/concern-words';

/** 办理经过: every step from the report on, oldest first, with who took it, when, and their note. */
export function ConcernTrail({ concern }: { concern: ConcernView }) {
  const now = new Date();
  return (
    <CellGroup title='办理经过' className='concern-trail'>
      <View id='concern-trail'>
        {concern.trail.map((step, index) => (
          <TrailStepRow key={`${step.at}-${index}`} id={`trail-step-${index}`} when={formatDateTime(step.at, now)} {...trailStepText(step, concern)} />
        ))}
      </View>
    </CellGroup>
  );
}
