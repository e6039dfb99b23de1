import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../components/cell';
import { routes } from '../../services/routes';

const inspectingRoles = ['districtOfficer', 'cityOfficer'];
const gradedRoles = ['supervisor', 'director', 'socialWorker'];

/** Whether the home shows the inspection and evaluation entries to this role (issue 12 parts 6 and 7). */
export function showsInspection(role: string): boolean {
  return inspectingRoles.includes(role) || gradedRoles.includes(role);
}

/**
 * Officers: 回访抽查 (seed 000 §六(一)), and the district's 年度考核 (R23, graded by the district bureau); the workers
 * graded (supervisors, directors, social workers): 我的考核.
 */
export function InspectionSection({ role }: { role: string }) {
  const go = (url: string) => () => void Taro.navigateTo({ url });
  if (gradedRoles.includes(role)) {
    return (
      <CellGroup title='考核'>
        <Cell id='entry-my-evaluation' title='我的考核' note='年度考核结果，7天内可申请复核' onClick={go(routes.myEvaluation)} />
      </CellGroup>
    );
  }
  return (
    <CellGroup title='督查考核'>
      <Cell id='entry-callback-inspection' title='回访抽查' note='随机抽取上月走访家庭，电话回访核实' onClick={go(routes.callbackInspection)} />
      {role === 'districtOfficer' ? <Cell id='entry-grade-workers' title='年度考核' note='本区督导员、儿童主任、社工的年度考核' onClick={go(routes.gradeWorkers)} /> : null}
    </CellGroup>
  );
}
