import type { Child } from '../domain/child.js';
import { currentLevelState, type Escalation } from '../domain/escalation.js';
import { levelAbove, type EscalationLevel } from '../domain/escalation-levels.js';
import { INBOX_TEXT_MAX } from '../domain/inbox.js';
import { escalationLevelNames } from '../domain/labels.js';
import { truncateText } from '../domain/text.js';
import { beijingDateTimeText } from './visit-messages.js';

/**
 * The Chinese texts of the inbox messages about a difficult case (R6), built by the consumer from the records read by
 * id. The problem itself is not quoted: the message says whose case, where it is and by when; the case says the rest.
 */
const holderOf: Record<EscalationLevel, string> = {
  town: '乡镇（街道）儿童督导员',
  district: '区民政局',
  city: '市民政局',
};

function urgency(escalation: Pick<Escalation, 'urgent'>): string {
  return escalation.urgent ? '（紧急）' : '';
}

/** For the level that now holds it: whose case, and by when to acknowledge it. */
export function escalationArrivedText(child: Pick<Child, 'name'>, escalation: Escalation): string {
  const by = beijingDateTimeText(new Date(currentLevelState(escalation).acknowledgeBy));
  return truncateText(`${child.name}的疑难个案已提请${holderOf[escalation.level]}${urgency(escalation)}，请于${by}前受理`, INBOX_TEXT_MAX);
}

/** For those told when it goes to the town (the children's director, the organization): who holds it now. */
export function escalationInformedText(child: Pick<Child, 'name'>, escalation: Escalation): string {
  return truncateText(`${child.name}的疑难个案已提请${holderOf[escalation.level]}${urgency(escalation)}`, INBOX_TEXT_MAX);
}

/** For the level that let its deadline pass; below the city, the level above now sees it in red. */
export function escalationOverdueText(child: Pick<Child, 'name'>, escalation: Escalation, level: EscalationLevel): string {
  const state = escalation.levels.find((s) => s.level === level)!;
  const by = beijingDateTimeText(new Date(state.acknowledgeBy));
  const above = levelAbove(level);
  const seen = above === null ? '' : `，${escalationLevelNames[above]}已可见`;
  return truncateText(`${child.name}的疑难个案超时未受理（应于${by}前受理），请尽快受理${seen}`, INBOX_TEXT_MAX);
}
