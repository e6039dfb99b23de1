import { describe, expect, it } from 'vitest';
import { childProfileShape, childSchema, createChildInputSchema, type Child } from '../../functions/src/domain/child.js';
import { organizationSchema } from '../../functions/src/domain/organization.js';
import { regionSchema } from '../../functions/src/domain/region.js';
import { userSchema } from '../../functions/src/domain/user.js';
import { checkInInputSchema, confirmVisitInputSchema } from '../../functions/src/domain/visit.js';
import { buildDemoArea } from '../../functions/src/local/demo-area.js';
import { planDemoVisits } from '../../functions/src/local/demo-visits.js';

/**
 * The demo area is written straight through the repositories, but it stands for what people would have entered:
 * it must pass the API's input schemas (issue 6: text and dates) exactly as it is, nothing trimmed or normalised.
 */
const NOW = new Date('2026-11-23T02:00:00.000Z');
const area = buildDemoArea();

describe('the demo area passes the stricter input schemas unchanged', () => {
  it.each(area.children.map((child) => [child.id, child] as const))('%s as a registration and as a stored child', (_id, child) => {
    const profile = Object.fromEntries(Object.keys(childProfileShape).map((key) => [key, child[key as keyof Child]]));

    expect(createChildInputSchema.parse(profile)).toEqual(profile);
    expect(childSchema.parse(child)).toEqual(child);
  });

  it('its regions, organizations and users', () => {
    expect(area.regions.map((region) => regionSchema.parse(region))).toEqual(area.regions);
    expect(area.organizations.map((organization) => organizationSchema.parse(organization))).toEqual(area.organizations);
    expect(area.users.map((user) => userSchema.parse(user))).toEqual(area.users);
  });

  it('its check-ins and the guardians’ answers', () => {
    const checkIns = planDemoVisits(area, NOW).flatMap((history) => history.checkIns);
    expect(checkIns.length).toBeGreaterThan(area.children.length);

    for (const { input, answer } of checkIns) {
      expect(checkInInputSchema.parse(input)).toEqual(input);
      if (answer !== null) {
        const body = { decision: answer.decision, reasons: answer.reasons, note: answer.note, version: answer.version };
        expect(confirmVisitInputSchema.parse(body)).toEqual(body);
      }
    }
  });
});
