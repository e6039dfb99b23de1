import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError, type ChildPage } from '../../../api';
import { EmptyState, ErrorNotice, LoadingState } from '../../../components/states';
import { RiskTag, Tag } from '../../../components/tag';
import { useRequiredSession } from '../../../hooks/use-required-session';
import { NationalPolicyNote } from '../../../components/national-policy-note';
import { PendingUploads } from '../../../components/pending-uploads';
import { formatAge } from '../../../lib/age';
import { canCheckIn } from '../../../lib/check-in-form';
import { mayRaiseEscalation, mayReadEscalations } from '../../../lib/escalation-words';
import { mayReadDistrictPolicy } from '../../../lib/policy-choice';
import { childStatusNames, genderNames, isVisitingWorker, labelOf } from '../../../lib/labels';
import { api } from '../../../services/api';
import { rememberChild } from '../../../services/child-cache';
import { routes } from '../../../services/routes';
import { BasicInfo, Circumstances, GuardiansSection, LegalBasisSection, TeamSection } from './sections';
import { CasePlanSection } from './case-plan-section';
import { GuardianshipSection } from './guardianship-section';
import { mayReadStateGuardianship } from '../../../lib/state-guardianship-words';
import { EscalationSection } from './escalation-section';
import { CaseFileSection } from './case-file-section';
import { mayExportCaseFile } from '../../../lib/case-file-words';
import { AssessmentSection } from './assessment-section';
import { mayOverrideRisk, mayReadAssessments, mayRecordAssessment } from '../../../lib/assessment-words';
import { ReportChildLink } from './report-link';
import { CheckInButton, NextDueSection, VisitHistory } from './visit-sections';
import './index.css';

/** 404 means "no such child" or "not yours to see": the server does not say which, and neither do we. */
const NOT_FOUND = 404;

export default function ChildDetailPage() {
  const session = useRequiredSession();
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const [child, setChild] = useState<ChildPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // Issue 12: back from an assessment (or after an override) the risk level has changed: the record is read again.
  const [shown, setShown] = useState(0);
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else setShown((n) => n + 1);
  });

  useEffect(() => {
    if (!session || !id) return;
    api.getChild(id).then(
      (found) => {
        rememberChild(found);
        setChild(found);
      },
      (e: unknown) => setError(asApiError(e)),
    );
  }, [session, id, shown]);

  if (!session) return <View className='page' />;
  if (!id || error?.status === NOT_FOUND) {
    return (
      <View className='page child-detail child-not-found'>
        <EmptyState text='未找到该儿童或无权查看' />
        <View className='child-detail__actions'>
          <Button className='button button--default' onClick={() => void Taro.reLaunch({ url: routes.home })}>
            返回首页
          </Button>
        </View>
      </View>
    );
  }
  if (error) {
    return (
      <View className='page child-detail'>
        <ErrorNotice error={error} />
      </View>
    );
  }
  if (!child) {
    return (
      <View className='page child-detail'>
        <LoadingState />
      </View>
    );
  }

  const forFamily = session.user.role === 'guardian';
  return (
    <View className='page child-detail' id={`child-${child.id}`}>
      <View className='child-detail__header'>
        <Text className='child-detail__name' id='child-name'>
          {child.name}
        </Text>
        <Text className='child-detail__meta'>
          {labelOf(genderNames, child.gender)} · {formatAge(child.birthDate, new Date())}
        </Text>
        <View className='tags'>
          {child.riskLevel ? <RiskTag level={child.riskLevel} /> : null}
          <Tag tone={child.status === 'active' ? 'primary' : 'grey'} className='status-tag'>
            {labelOf(childStatusNames, child.status)}
          </Tag>
        </View>
      </View>
      {/* A family's first question is whom to call: the team comes before the record for them. */}
      {forFamily ? <TeamSection members={child.teamMembers} /> : null}
      {canCheckIn(session.user, child) ? <CheckInButton childId={child.id} /> : null}
      <ReportChildLink childId={child.id} />
      {isVisitingWorker(session.user.role) ? <PendingUploads childId={child.id} /> : null}
      {/* Keyed by the child's version: a risk override changes the schedule without the page showing again. */}
      {session.user.role !== 'guardian' ? <NextDueSection key={child.version} childId={child.id} /> : null}
      {mayReadDistrictPolicy(session.user.role) ? <NationalPolicyNote districtId={child.region.districtId} /> : null}
      {mayReadAssessments(session.user.role) ? (
        <AssessmentSection
          child={child}
          mayRecord={mayRecordAssessment(session.user, child)}
          mayOverride={mayOverrideRisk(session.user.role, child)}
          onChanged={() => setShown((n) => n + 1)}
        />
      ) : null}
      {mayReadEscalations(session.user.role) ? (
        <EscalationSection childId={child.id} mayRaise={mayRaiseEscalation(session.user, child)} />
      ) : null}
      {session.user.role !== 'orgAdmin' ? <CasePlanSection childId={child.id} /> : null}
      {mayReadStateGuardianship(session.user.role) ? <GuardianshipSection childId={child.id} /> : null}
      <VisitHistory child={child} />
      <BasicInfo child={child} />
      <Circumstances child={child} />
      <GuardiansSection guardians={child.guardians} />
      {forFamily ? null : <TeamSection members={child.teamMembers} />}
      <LegalBasisSection child={child} />
      {mayExportCaseFile(session.user, child) ? <CaseFileSection childId={child.id} childName={child.name} role={session.user.role} /> : null}
    </View>
  );
}
