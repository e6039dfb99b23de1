import type { Child } from './child.js';
import type { User } from './user.js';

/** R1: the execution team by role, in the order a family turns to them: the social worker who visits first. */
export const teamRoles = ['socialWorker', 'director', 'supervisor'] as const;
export type TeamRole = (typeof teamRoles)[number];

/**
 * A member of a child's team as the child's page shows them: by name and role, and their work phone (issue 7, B7).
 * Staff phones are work contacts; they reach only those who may read the child, and so, of families, the child's own.
 */
export interface TeamMember {
  role: TeamRole;
  userId: string;
  name: string;
  phone: string | null;
}

const idOf: Record<TeamRole, keyof NonNullable<Child['team']>> = {
  socialWorker: 'socialWorkerId',
  director: 'directorId',
  supervisor: 'supervisorId',
};

export function teamMembersOf(team: Child['team'], users: ReadonlyMap<string, User>): TeamMember[] {
  if (team === null) return [];
  return teamRoles.map((role) => {
    const user = users.get(team[idOf[role]]);
    return { role, userId: team[idOf[role]], name: user?.name ?? '', phone: user?.phone ?? null };
  });
}
