import type { AuditEntry } from '../domain/audit.js';
import type { ChildListScope } from '../domain/access-policy.js';
import type { Child } from '../domain/child.js';
import type { Organization } from '../domain/organization.js';
import type { Region } from '../domain/region.js';
import type { User } from '../domain/user.js';

/**
 * What the API needs from storage, in the domain's words. Handlers never build keys or expressions
 * (STYLE.md habit 4); the DynamoDB adapters in this folder implement these.
 */
export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Null when there is none. */
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | null;
}

export interface ChildRepository {
  get(id: string): Promise<Child | null>;
  /** Creates the child, its membership links and the audit entry in one transaction; AlreadyExistsError on a taken id. */
  create(child: Child, audit: AuditEntry): Promise<void>;
  /**
   * Replaces the child if its stored version is still `expectedVersion` (else VersionConflictError), moving the
   * membership links that changed and writing the audit entry, all in one transaction.
   */
  update(previous: Child, next: Child, audit: AuditEntry): Promise<void>;
  list(scope: ChildListScope, page: PageRequest): Promise<Page<Child>>;
}

export interface UserRepository {
  get(id: string): Promise<User | null>;
  findByWechatOpenId(openId: string): Promise<User | null>;
  /** Create-once: AlreadyExistsError if the id or the openid is taken. */
  create(user: User): Promise<void>;
}

export interface RegionRepository {
  get(id: string): Promise<Region | null>;
  create(region: Region): Promise<void>;
  listChildrenOf(parentId: string): Promise<Region[]>;
}

export interface OrganizationRepository {
  get(id: string): Promise<Organization | null>;
  create(organization: Organization): Promise<void>;
}

export interface AuditRepository {
  record(entries: AuditEntry[]): Promise<void>;
  listByChild(childId: string, limit: number): Promise<AuditEntry[]>;
  listByActor(actorId: string, limit: number): Promise<AuditEntry[]>;
}

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one attempt for `key` in the current fixed window; shared by every Lambda instance. */
  hit(key: string, limit: number, windowSeconds: number, now: Date): Promise<RateLimitResult>;
}

export interface Repositories {
  children: ChildRepository;
  users: UserRepository;
  regions: RegionRepository;
  organizations: OrganizationRepository;
  audit: AuditRepository;
  rateLimiter: RateLimiter;
}
