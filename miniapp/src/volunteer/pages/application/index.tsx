import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { asApiError, registrationTicketOf, type ApiError, type LoginResult, type OwnVolunteerApplication } from '../../../api';
import { ErrorNotice, LoadingState } from '../../../components/states';
import { SubmitButton } from '../../../components/submit-button';
import { useOneAtATime } from '../../../hooks/use-one-at-a-time';
import { formatDateTime } from '../../../lib/beijing-time';
import { logInWithWechat } from '../../../platform/wechat-identity';
import { routes } from '../../../services/routes';
import { api } from '../../../services/api';
import { startSession } from '../../../services/session';
import { registrationTicket } from '../../../services/volunteer-registration';
import '../volunteer.css';

const NOT_FOUND = 404;
const EXPIRED = 401;

const meaning: Record<OwnVolunteerApplication['status'], string> = {
  pending: '社会组织正在审核您的申请，请耐心等待。',
  approved: '您已成为志愿者。进入后请先签署《儿童保护承诺书》。',
  refused: '很抱歉，您的申请未通过。',
};

function enter(result: LoginResult) {
  startSession(result);
  registrationTicket.clear();
  void Taro.reLaunch({ url: routes.home });
}

/**
 * 我的志愿者申请 (issue 11 part 2): 审核中 / 未通过 with the reason / 已通过 with 进入, which logs the applicant in
 * with the same WeChat. The ticket comes from the phone; an expired one is renewed by logging in with WeChat again,
 * which, once approved, is the login itself. Without an application the form opens instead.
 */
export default function VolunteerApplicationPage() {
  const [application, setApplication] = useState<OwnVolunteerApplication | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { busy, run } = useOneAtATime();

  const load = useCallback(async (renewed = false) => {
    const ticket = registrationTicket.load();
    try {
      if (ticket === null) throw asApiError(null);
      setApplication(await api.myVolunteerApplication(ticket));
      setFailure(null);
    } catch (e) {
      const error = asApiError(e);
      if (error.status === NOT_FOUND) return void Taro.redirectTo({ url: routes.volunteerRegister });
      if (renewed || (ticket !== null && error.status !== EXPIRED)) return setFailure(error);
      try {
        enter(await logInWithWechat());
      } catch (again) {
        const fresh = registrationTicketOf(again);
        if (fresh === null) return setFailure(asApiError(again, '请重新登录'));
        registrationTicket.save(fresh);
        await load(true);
      }
    }
  }, []);

  useDidShow(() => void load());

  async function logIn() {
    try {
      enter(await logInWithWechat());
    } catch (e) {
      setFailure(asApiError(e, '登录失败，请重试'));
    }
  }

  return (
    <View className='page volunteer' id='volunteer-application'>
      {failure ? <ErrorNotice error={failure} /> : null}
      {application === null && failure === null ? <LoadingState /> : null}
      {application ? (
        <View className='volunteer-status' id='application-status'>
          <Text className={`volunteer-status__word volunteer-status__word--${application.status}`} id='application-status-word'>
            {application.statusName}
          </Text>
          <Text className='volunteer-status__line'>{meaning[application.status]}</Text>
          {application.refusalReason ? (
            <Text className='volunteer-status__line' id='application-refusal-reason'>
              原因：{application.refusalReason}
            </Text>
          ) : null}
          <Text className='volunteer-status__line'>
            {application.name} · {application.organizationName}
          </Text>
          <Text className='volunteer-status__line'>提交于 {formatDateTime(application.appliedAt, new Date())}</Text>
        </View>
      ) : null}
      {application?.status === 'approved' ? (
        <View className='volunteer__actions'>
          <SubmitButton id='application-enter' busy={busy} label='进入' busyLabel='正在进入…' onClick={() => void run(logIn)} />
        </View>
      ) : null}
    </View>
  );
}
