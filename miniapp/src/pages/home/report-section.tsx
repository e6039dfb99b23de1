import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/cell';
import { routes } from '../../services/routes';

/** Issue 9, R4: the way to the monthly report for those who send or read it (supervisor, district and city officers). */
export function ReportSection({ sends }: { sends: boolean }) {
  return (
    <CellGroup title='月度汇报'>
      <Cell
        id='entry-monthly-report'
        title='走访情况月度汇报'
        note={sends ? '上月数据、赛马比拼，提交与下载' : '上月数据、赛马比拼、下级提交情况与下载'}
        onClick={() => void Taro.navigateTo({ url: routes.monthlyReport() })}
      />
    </CellGroup>
  );
}
