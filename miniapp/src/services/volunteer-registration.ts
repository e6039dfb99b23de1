import Taro from '@tarojs/taro';
import { phoneStorage } from '../platform/phone-storage';
import { routes } from './routes';

/**
 * Issue 11 part 2: a WeChat user without an account on their way to becoming a volunteer. The registration ticket
 * the server gave them is kept on the phone (it is short-lived and opens nothing but their own application), so the
 * form and the status page find it without putting it in a page's address.
 */
const TICKET_KEY = 'shouhu.volunteerTicket';

export const registrationTicket = {
  load(): string | null {
    const value = phoneStorage.get(TICKET_KEY);
    return typeof value === 'string' && value !== '' ? value : null;
  },
  save(ticket: string) {
    phoneStorage.set(TICKET_KEY, ticket);
  },
  clear() {
    phoneStorage.remove(TICKET_KEY);
  },
};

/** A not-registered answer: keep its ticket and show the application, which leads to the form when there is none. */
export function continueRegistration(ticket: string): void {
  registrationTicket.save(ticket);
  void Taro.navigateTo({ url: routes.volunteerApplication });
}
