import type { FullCaseView } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { closingReasonNames, followUpText, noticeChannelNames } from '../../../lib/case-plan-words';
import { formatDate } from '../../../lib/format';

/** R15 for the team: how and when the family was told, the first day the case may close, then the closing report. */
export function ClosingPart({ closing }: { closing: NonNullable<FullCaseView['closing']> }) {
  const { announcement, report } = closing;
  return (
    <CellGroup title='结案'>
      <Cell id='plan-closing-told' title='告知家庭' note={`${noticeChannelNames[announcement.how]} ${announcement.toldWhom}（${announcement.recordedBy.name}登记）`} value={formatDate(announcement.toldOn)} />
      {report ? null : <Cell id='plan-closing-earliest' title='最早结案日期' value={formatDate(announcement.earliestClosingOn)} />}
      {report ? (
        <>
          <Cell id='plan-closing-date' title='结案日期' value={formatDate(report.closedOn)} note={`${report.recordedBy.name}登记`} />
          <Cell id='plan-closing-reason' title='结案原因' value={closingReasonNames[report.reason]} />
          <Cell title='服务总结' note={report.summary} />
          <Cell title='结案时孩子的情况' note={report.situationAtClosing} />
          <Cell title='给家庭的话' note={report.familyMessage} />
          <Cell id='plan-closing-follow-up' title='结案后回访' note={`${formatDate(report.followUp.startsOn)}起，${followUpText(report.followUp)}`} />
        </>
      ) : null}
    </CellGroup>
  );
}
