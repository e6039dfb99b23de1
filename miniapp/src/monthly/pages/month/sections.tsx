import { Button, Text, View } from '@tarojs/components';
import type { MonthlyReportView, ReportPart } from '../../../api';
import { Cell, CellGroup } from '../../../components/cell';
import { activitiesSentence, keyFigures, nameOf, submissionWords, submittedCount } from '../../../lib/report-words';

const toneClass = { done: 'submission--done', late: 'submission--late', missing: 'submission--missing', none: '' } as const;

/** ‹ 上月 · 2026年10月 · 下月 ›; no month after the last one rolled up. */
export function MonthSwitcher({ label, onPrevious, onNext }: { label: string; onPrevious: () => void; onNext: (() => void) | null }) {
  return (
    <View className='month-switcher'>
      <Button className='button button--default button--small' id='month-previous' onClick={onPrevious}>‹ 上月</Button>
      <Text className='month-switcher__label' id='report-month'>{label}</Text>
      <Button className='button button--default button--small' id='month-next' disabled={onNext === null || undefined} onClick={() => onNext?.()}>
        下月 ›
      </Button>
    </View>
  );
}

/** The region's own submission: who sent it and when (late in red), or its deadline and the 提交 button. */
export function SubmissionCard({ view, now, busy, onSubmit }: { view: MonthlyReportView; now: Date; busy: boolean; onSubmit: () => void }) {
  if (!view.submits) return null;
  const words = submissionWords(view, now);
  const ready = view.figures !== null;
  return (
    <View className='submission-card' id='report-submission'>
      <Text className='submission-card__title'>{view.region.level === 'town' ? '报区民政局' : '报市民政局'}</Text>
      <Text className={`submission-card__status ${toneClass[words.tone]}`} id='report-submission-status'>{words.text}</Text>
      {view.canSubmit && view.submission === null ? (
        <Button className='button button--primary' id='report-submit' disabled={!ready || busy || undefined} onClick={onSubmit}>
          {busy ? '正在提交…' : ready ? '提交汇报' : '汇总完成后可提交'}
        </Button>
      ) : null}
    </View>
  );
}

/** The figures a cadre looks at first, two to a row. */
export function KeyFigures({ view }: { view: MonthlyReportView }) {
  if (view.figures === null) return null;
  const figures = view.figures;
  return (
    <View>
      <View className='key-figures' id='report-figures'>
        {keyFigures.map((key) => (
          <View className={`key-figure${key === 'visitsMissing' && figures[key] > 0 ? ' key-figure--red' : ''}`} key={key} id={`figure-${key}`}>
            <Text className='key-figure__value'>{figures[key]}</Text>
            <Text className='key-figure__name'>{nameOf(view, key)}</Text>
          </View>
        ))}
      </View>
      <Text className='group-footer' id='report-activities'>
        {activitiesSentence(figures)}（R5：服务机构每年至少举办 2 次集体活动）
      </Text>
    </View>
  );
}

function partNote(view: MonthlyReportView, part: ReportPart): string {
  if (part.figures === null) return '本月无数据';
  return `${nameOf(view, 'visitsDone')} ${part.figures.visitsDone} / ${nameOf(view, 'visitsDue')} ${part.figures.visitsDue} · ${nameOf(view, 'childrenServed')} ${part.figures.childrenServed}`;
}

/** Each village, town or district of the region, with whether it sent its report; a town or district opens its own. */
export function PartsList({ view, now, onOpen }: { view: MonthlyReportView; now: Date; onOpen: ((part: ReportPart) => void) | null }) {
  const count = submittedCount(view);
  return (
    <CellGroup title={count ? `下级汇报（${count}）` : '各村（居）'}>
      <View id='report-parts'>
        {view.parts.map((part) => {
          const words = submissionWords(part, now);
          return (
            <Cell
              key={part.regionId}
              id={`part-${part.regionId}`}
              className='report-part'
              title={part.name}
              note={partNote(view, part)}
              onClick={onOpen && part.submits ? () => onOpen(part) : undefined}
            >
              {words.text ? <Text className={`report-part__submission ${toneClass[words.tone]}`}>{words.text}</Text> : null}
            </Cell>
          );
        })}
      </View>
    </CellGroup>
  );
}

/** 服务机构提醒 (R9): the district's organizations without service in the month nor the month before; none, nothing. */
export function IdleOrganizations({ view }: { view: MonthlyReportView }) {
  if (view.idleOrganizations.length === 0) return null;
  return (
    <CellGroup title='服务机构提醒'>
      <View id='report-idle-organizations'>
        {view.idleOrganizations.map((organization) => (
          <Cell key={organization.id} id={`idle-${organization.id}`} title={organization.name} note='连续两个月未提供服务，应责令整改（R9）' />
        ))}
      </View>
    </CellGroup>
  );
}
