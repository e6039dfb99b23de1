import type { AuditAction } from '../domain/audit.js';
import type { Child } from '../domain/child.js';
import type { Actor } from '../domain/user.js';
import { readableChild } from '../app/child-guards.js';
import type { AppDeps } from './app.js';

/** Loads a child the actor may read, or refuses with 404 (app/child-guards.ts). */
export async function loadReadableChild(deps: Pick<AppDeps, 'repositories'>, actor: Actor, id: string, attempted: AuditAction): Promise<Child> {
  return readableChild(actor, await deps.repositories.children.get(id), attempted);
}
