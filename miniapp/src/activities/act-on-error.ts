import Taro from '@tarojs/taro';
import { isApiError } from '../api';
import { isPledgeRequired } from '../lib/pledge-words';
import { routes } from '../services/routes';

/**
 * Says why an activity's action was refused; R8's refusal leads to the pledge, since signing it is what unlocks it.
 */
export async function tellRefusal(error: unknown, title: string): Promise<void> {
  if (isApiError(error) && isPledgeRequired(error)) {
    const { confirm } = await Taro.showModal({ title: '请先签署承诺书', content: error.detail ?? error.title, confirmText: '去签署' });
    if (confirm) void Taro.navigateTo({ url: routes.pledge });
    return;
  }
  void Taro.showModal({ title, content: isApiError(error) ? error.detail || error.title : '请稍后再试', showCancel: false });
}
