import type { Child } from '../domain/child.js';

/**
 * R22 and R15: what a family's inbox says about their child's case. Dates only, never the team's words: the closing
 * report's assessment of the family and the evaluation's note stay on the case (case-plan-access.ts).
 */

/** `2027-05-31` → `2027年5月31日`, the date format the mini-program shows. */
function dayText(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** R22: the evaluation cleared the return home; the guardian collects the child within three days. */
export function collectChildText(child: Pick<Child, 'name'>, collectBy: string): string {
  return `经评估，${child.name}可以回家了。请在${dayText(collectBy)}前到临时监护的机构领回孩子；如有困难，请尽快联系孩子的服务团队。`;
}

/** R15: the family is told before the case closes, at the earliest seven days on. */
export function caseClosingText(child: Pick<Child, 'name'>, earliestClosingOn: string): string {
  return `${child.name}的个案最早将于${dayText(earliestClosingOn)}结案。如有疑问，请联系孩子的服务团队。`;
}

/** R15: the case closed; the team keeps following up until the agreed end. */
export function caseClosedText(child: Pick<Child, 'name'>, closedOn: string, followUpEndsOn: string): string {
  return `${child.name}的个案已于${dayText(closedOn)}结案。服务团队会继续回访到${dayText(followUpEndsOn)}。`;
}
