/**
 * R8 (seed 000 §六(三)): the texts of the child-protection pledge (《儿童保护承诺书》), one per version. A text once
 * published is never edited: a change is a new version, appended here, and the newest version is the current one;
 * everyone who must sign (rolesThatSignThePledge) signs again, with no data migration (an actor counts as signed only
 * for the current version, user.ts `actorOf`). Zod-free, so the mini-program may show the same text it signs.
 */
export interface PledgeText {
  /** `<year>-<n>`, e.g. `2026-1`. */
  id: string;
  title: string;
  /** Beijing date it took effect (YYYY-MM-DD). */
  publishedOn: string;
  paragraphs: readonly string[];
}

/**
 * Written for this product from R8 and from what seed 000 names as harm to children and families (leaking a child's
 * privacy, charging fees against the rules, harm), and the duty to report (强制报告).
 */
const pledge2026v1: PledgeText = {
  id: '2026-1',
  title: '儿童保护承诺书',
  publishedOn: '2026-01-01',
  paragraphs: [
    '我自愿参与困境儿童和农村留守儿童关爱保护服务。为保护儿童的生命安全、身心健康和合法权益，我郑重承诺：',
    '一、儿童利益最大化。在服务中始终把儿童的安全和利益放在首位，尊重每一个儿童的人格尊严，平等对待，不因儿童的家庭状况、身体状况、性别或其他原因歧视、贴标签。',
    '二、严格保护隐私。对服务中知悉的儿童及其家庭的姓名、住址、身份证号码、联系电话、健康状况、家庭困难和个案情况严格保密；不拍摄、不转发、不在微信群、朋友圈或其他网络平台发布可识别儿童身份的照片、视频和信息；只在本系统内、为服务所必需的范围内查看和使用儿童信息，服务结束后不留存、不外传。',
    '三、不伤害儿童。不以任何形式对儿童实施体罚、变相体罚、侮辱、恐吓、冷落或其他身心伤害；不与儿童发生任何不当身体接触，不单独将儿童带离其监护人或带至封闭、隐蔽的场所；不向儿童提供烟、酒、不适宜的读物或网络内容。',
    '四、不收取任何费用。不以任何名义向儿童及其家庭收取服务费用、索取或接受财物，不借服务推销商品或谋取个人利益。',
    '五、履行强制报告义务。在服务中发现儿童遭受或者疑似遭受虐待、性侵害、遗弃、监护缺失、意外伤害或面临其他危险情形的，立即向公安机关报告，并及时告知村（居）儿童主任、乡镇（街道）儿童督导员或民政部门，不隐瞒、不拖延，不自行调查取证以免对儿童造成二次伤害。',
    '六、遵守服务规范。服从所在机构和民政部门的管理，按要求如实记录走访与服务情况，不弄虚作假；遇到超出能力范围的情况及时求助，不擅自处理。',
    '我已阅读并理解以上内容。如有违反，愿意接受所在机构和民政部门的处理，情节严重的依法承担相应责任。',
  ],
};

/** Oldest first; append a new version at the end. */
export const pledgeTexts: readonly PledgeText[] = [pledge2026v1];

/** The version everyone must have signed: the newest published. */
export function currentPledgeText(): PledgeText {
  return pledgeTexts[pledgeTexts.length - 1];
}

export function pledgeTextOf(version: string): PledgeText | null {
  return pledgeTexts.find((text) => text.id === version) ?? null;
}

/**
 * The exact characters a signature's text hash covers: version, title, date and paragraphs, one per line. Any
 * change to a published text changes its hash, so a record proves which words were signed.
 */
export function canonicalPledgeText(text: PledgeText): string {
  return [`version:${text.id}`, `title:${text.title}`, `published:${text.publishedOn}`, ...text.paragraphs].join('\n');
}
