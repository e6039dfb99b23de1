import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError, type ReportPart } from '../../../api';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { useLoadOnShow } from '../../../hooks/use-load-on-show';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { lastMonthOf, monthLabel, quarterOfMonth, visitBars, yearLines } from '../../../lib/report-words';
import { api } from '../../../services/api';
import { routes } from '../../../services/routes';
import { ChartCanvas } from '../../components/chart-canvas';
import { drawVisitBars, drawYearLines } from '../../lib/charts';
import { IdleOrganizations, KeyFigures, MonthSwitcher, PartsList, SubmissionCard } from './sections';
import { useReportDownload } from './use-report-download';
import './index.css';

function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * 月度汇报 (issue 9, R4, R24) for the town's supervisor and the district's and city's officers: the month's figures
 * (last month by default), a chart of its villages' or towns' visits, the towns racing over the year, each part's
 * submission, the region's own 提交, and the 走访情况月度汇报表 to download. Opens on the reader's own region, or on
 * the one in its address (a town from the district's list, a reminder in the inbox).
 */
export default function MonthlyReportPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const now = useMemo(() => new Date(), []);
  const latest = lastMonthOf(now);
  const regionId = params.regionId ?? session?.user.scope?.regionId ?? null;
  const [month, setMonth] = useState(params.month ?? latest);
  const [submitting, setSubmitting] = useState(false);

  const loadReport = useCallback(() => api.monthlyReport(regionId!, month), [regionId, month]);
  const loadYear = useCallback(() => api.reportYear(regionId!, Number(month.slice(0, 4))), [regionId, month]);
  const report = useLoadOnShow(session && regionId ? loadReport : null);
  const year = useLoadOnShow(session && regionId ? loadYear : null);
  // The hook loads on mount and on show; a month chosen here loads at once.
  const shownMonth = useRef(month);
  useEffect(() => {
    if (month === shownMonth.current) return;
    shownMonth.current = month;
    report.reload();
    year.reload();
  }, [month]);
  const view = report.data?.month === month ? report.data : null;
  const { busy: downloading, download } = useReportDownload(view);

  const bars = useMemo(() => (view ? drawVisitBars(visitBars(view)) : null), [view]);
  const lines = useMemo(() => (year.data ? drawYearLines(yearLines(year.data, latest)) : null), [year.data, latest]);

  if (!session) return <View className='page' />;
  if (!regionId) return <View className='page'><EmptyState text='您的账号没有所属地区' detail='月度汇报供镇（街道）儿童督导员和区、市民政局查看' /></View>;

  async function submit() {
    if (!view) return;
    const { confirm } = await Taro.showModal({
      title: `提交${monthLabel(view.month)}汇报`,
      content: `提交后不能修改。确定将${view.region.name}的汇报报送${view.region.level === 'town' ? '区民政局' : '市民政局'}吗？`,
      confirmText: '提交',
    });
    if (!confirm) return;
    setSubmitting(true);
    try {
      await api.submitReport(view.region.id, view.month);
      void Taro.showToast({ title: '已提交', icon: 'success' });
    } catch (error) {
      void Taro.showModal({ title: '没能提交', content: isApiError(error) ? error.detail || error.title : '请稍后再试', showCancel: false });
    } finally {
      setSubmitting(false);
      report.reload();
    }
  }

  const openPart = (part: ReportPart) => void Taro.navigateTo({ url: routes.monthlyReport(part.regionId, month) });
  const racers = year.data && year.data.parts.length > 1 ? yearLines(year.data, latest) : [];

  return (
    <View className='page monthly-page'>
      <View className='monthly-head'>
        <Text className='monthly-head__region' id='report-region'>{view?.region.name ?? ''}</Text>
        <MonthSwitcher label={monthLabel(month)} onPrevious={() => setMonth(shiftMonth(month, -1))} onNext={month < latest ? () => setMonth(shiftMonth(month, 1)) : null} />
      </View>
      {report.error ? <ErrorNotice error={report.error} /> : null}
      {!view && !report.error ? <LoadingState /> : null}
      {view && view.figures === null ? <EmptyState text={`${monthLabel(month)}的数据尚未汇总`} detail='每月 1 日汇总上月的走访数据' /> : null}
      {view ? <SubmissionCard view={view} now={now} busy={submitting} onSubmit={() => void submit()} /> : null}
      {view ? <KeyFigures view={view} /> : null}
      {view ? <IdleOrganizations view={view} /> : null}
      {view && view.figures !== null && bars ? (
        <View className='chart-card'>
          <Text className='section-title'>各{view.parts[0]?.level === 'village' ? '村（居）' : view.parts[0]?.level === 'town' ? '镇（街道）' : '区'}走访情况</Text>
          <ChartCanvas id='chart-visits' height={220} draw={bars} label='应走访与已走访次数' />
        </View>
      ) : null}
      {racers.length > 0 && lines ? (
        <View className='chart-card'>
          <Text className='section-title'>赛马比拼：{year.data!.year}年走访完成率</Text>
          <ChartCanvas id='chart-year' height={240} draw={lines} label='全年各月走访完成率' />
        </View>
      ) : null}
      {view ? <PartsList view={view} now={now} onOpen={view.region.level === 'town' ? null : openPart} /> : null}
      {view && view.region.level === 'town' ? (
        <View className='downloads'>
          <Button className='button button--default' id='open-dispatch' onClick={() => void Taro.navigateTo({ url: routes.quarterlyDispatch(view.region.id, quarterOfMonth(month)) })}>
            季度简报
          </Button>
        </View>
      ) : null}
      {view && view.figures !== null ? (
        <View className='downloads'>
          <Button className='button button--default' id='download-xlsx' disabled={downloading !== null || undefined} onClick={() => void download('xlsx')}>
            {downloading === 'xlsx' ? '正在下载…' : '下载 Excel'}
          </Button>
          <Button className='button button--default' id='download-csv' disabled={downloading !== null || undefined} onClick={() => void download('csv')}>
            {downloading === 'csv' ? '正在下载…' : '下载 CSV'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
