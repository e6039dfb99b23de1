import { rolesThatSignThePledge, signedCurrentPledgeAt, type User } from '../../domain/user.js';
import { ended, type Answer } from './conversation-state.js';

const SAFETY_TIPS = [
  '您所在的地方最近还没有安排儿童安全教育活动，有了会在这里告诉您。',
  '先送上几条安全小提示：',
  '1. 不去河边、水塘边玩水，游泳要有大人陪着。',
  '2. 不跟陌生人走，不吃陌生人给的东西。',
  '3. 记住家里大人的电话，遇到危险马上打110。',
].join('\n');

/** 安全: no safety sessions exist yet (issue 11), so it says so kindly and gives a few tips. */
export function safetyTips(): Answer {
  return ended(SAFETY_TIPS);
}

/** 承诺书: the pledge is signed in the mini-program (R8, issue 11); only the roles that sign it are sent there. */
export function pledgeAnswer(user: User | null): Answer {
  if (user === null || !rolesThatSignThePledge.includes(user.role)) {
    return ended('儿童保护承诺书由社工、志愿者和服务机构签署，您不需要签。');
  }
  // R8: only a signature of the current version counts; after a new version the signer is asked again.
  if (signedCurrentPledgeAt(user) !== null) return ended('您已经签署了儿童保护承诺书。需要再看，请打开小程序首页 → 儿童保护承诺书。');
  if (user.pledgeVersion !== null) return ended('儿童保护承诺书已更新，请在小程序里重新签署：小程序首页 → 儿童保护承诺书。签署后才能查看和办理孩子的信息。');
  return ended('请在小程序里签署儿童保护承诺书：小程序首页 → 儿童保护承诺书。签署后才能查看和办理孩子的信息。');
}
