/**
 * R12 (004 §二(六) "十防"): the preventions a safety session may cover. The seed names ten and more; these eleven are
 * what the product offers. The code names are stored; the Chinese names are shown. Zod-free, so the mini-program may
 * import it for the topic picker.
 */
export const safetyTopics = [
  'drowning',
  'bullying',
  'internetAddiction',
  'trafficking',
  'fire',
  'electricShock',
  'falls',
  'traffic',
  'foodPoisoning',
  'sexualAbuse',
  'psychologicalCrisis',
] as const;
export type SafetyTopic = (typeof safetyTopics)[number];

export const safetyTopicNames: Record<SafetyTopic, string> = {
  drowning: '防溺水',
  bullying: '防欺凌',
  internetAddiction: '防网络沉迷',
  trafficking: '防拐卖',
  fire: '防火灾',
  electricShock: '防触电',
  falls: '防坠落',
  traffic: '交通安全',
  foodPoisoning: '防食物中毒',
  sexualAbuse: '防性侵',
  psychologicalCrisis: '心理危机',
};

/**
 * R12's "holidays and vacations get extra attention": drowning peaks with the summer (swimming in rivers and ponds),
 * so from April to June (Beijing months) the picker and the tracker put 防溺水 first, with a hint.
 */
export const DROWNING_SEASON_MONTHS: readonly number[] = [4, 5, 6];

export const DROWNING_SEASON_HINT = '暑期将至，溺水是夏季儿童意外死亡的首要原因：请优先安排防溺水教育（R12）';

/** Whether `date` (YYYY-MM-DD, Beijing) falls in the weeks before summer when drowning comes first. */
export function isDrowningSeason(date: string): boolean {
  return DROWNING_SEASON_MONTHS.includes(Number(date.slice(5, 7)));
}

/** The topics in the order the picker shows them on `date`: drowning first before summer, else as listed. */
export function topicsInSeason(date: string): { topics: SafetyTopic[]; hint: string | null } {
  if (!isDrowningSeason(date)) return { topics: [...safetyTopics], hint: null };
  return { topics: ['drowning', ...safetyTopics.filter((topic) => topic !== 'drowning')], hint: DROWNING_SEASON_HINT };
}
