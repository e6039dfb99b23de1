import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { asApiError, registrationTicketOf, type ApiError, type DevUser, type LoginResult } from '../../api';
import { Cell, CellGroup } from '../../components/cell';
import { ErrorNotice, LoadingState } from '../../components/states';
import { Tag } from '../../components/tag';
import { api } from '../../services/api';
import { devWechatIdentity } from '../../services/dev-wechat-identity';
import { continueRegistration } from '../../services/volunteer-registration';

/** In the browser: the local server's demo accounts, one tap each. Without dev login (404) there is nothing to offer. */
export function LoginPanel({ onLoggedIn }: { onLoggedIn: (result: LoginResult) => void }) {
  const [users, setUsers] = useState<DevUser[] | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  useEffect(() => {
    api.devUsers().then(setUsers, (e: unknown) => {
      const failure = asApiError(e);
      if (failure.status === 404) setUnavailable(true);
      else setError(failure);
    });
  }, []);

  async function logIn(user: DevUser) {
    if (busyId) return;
    setBusyId(user.id);
    setError(null);
    try {
      const result = await api.devLogin(user.id);
      // The demo list already knows the account's area by name; keep it for the home page.
      onLoggedIn({ ...result, user: { ...result.user, scopeName: result.user.scopeName ?? user.scopeName } });
    } catch (e) {
      setError(asApiError(e, '登录失败，请重试'));
      setBusyId(null);
    }
  }

  /**
   * Issue 11 part 2: H5 has no wx.login, so the local server makes up a WeChat user, kept on this phone: the first
   * tap applies as them, a later one logs them in once approved (or shows the application while it waits).
   */
  async function registerAsVolunteer() {
    if (busyId) return;
    setBusyId('volunteer');
    setError(null);
    try {
      const kept = devWechatIdentity.load();
      if (kept === null) {
        const identity = await api.devWechatIdentity();
        devWechatIdentity.save(identity.openId);
        continueRegistration(identity.registrationTicket);
      } else onLoggedIn(await api.devWechatLogin(kept));
    } catch (e) {
      const ticket = registrationTicketOf(e);
      if (ticket) continueRegistration(ticket);
      else setError(asApiError(e, '操作失败，请重试'));
    } finally {
      setBusyId(null);
    }
  }

  if (unavailable) {
    return (
      <View className='login-unavailable'>
        <Text className='state__text'>此网址未开启演示登录，请在微信中打开“守护”小程序。</Text>
      </View>
    );
  }
  return (
    <View>
      {error ? <ErrorNotice error={error} /> : null}
      {users === null && !error ? <LoadingState /> : null}
      {users && users.length > 0 ? (
        <CellGroup title='选择演示账号登录' className='demo-users'>
          {users.map((user) => (
            <Cell
              key={user.id}
              id={`demo-user-${user.id}`}
              className='demo-user'
              title={user.name}
              value={busyId === user.id ? '登录中…' : user.scopeName ?? '无辖区'}
              onClick={() => void logIn(user)}
            >
              <View className='tags'>
                <Tag tone='primary'>{user.roleName}</Tag>
              </View>
            </Cell>
          ))}
        </CellGroup>
      ) : null}
      {users ? (
        <CellGroup title='志愿者'>
          <Cell
            id='entry-volunteer-register'
            title='我是新志愿者，注册'
            note='申请加入社会组织；审核通过后，在此登录'
            value={busyId === 'volunteer' ? '请稍候…' : undefined}
            onClick={() => void registerAsVolunteer()}
          />
        </CellGroup>
      ) : null}
    </View>
  );
}
