import type { FamilyCaseView } from '../api';
import { familyClosingLines } from '../lib/case-plan-words';
import { Cell } from './cell';

/**
 * R15 for the family: the case will close from a day (the family was told in advance), or it closed on a day, with
 * the team's message and how long the visits go on. Plain sentences, dates as people write them.
 */
export function FamilyClosingNotice({ notice, id }: { notice: NonNullable<FamilyCaseView['closingNotice']>; id: string }) {
  const [first, ...rest] = familyClosingLines(notice);
  return (
    <>
      <Cell id={id} className='family-closing' title={first} note={rest.length > 0 ? rest.join('') : undefined} />
      {notice.familyMessage ? <Cell id={`${id}-message`} title='社工想对您说' note={notice.familyMessage} /> : null}
    </>
  );
}
