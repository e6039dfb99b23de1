/** Issue 11 part 2: what the organization's inbox is told of a new application (no name or phone: the list has them). */
export const VOLUNTEER_APPLIED_TEXT = '有新的志愿者申请加入本组织，请在“志愿者申请”中审核。';
