import type { ChildDetail } from '../api';

/**
 * The children opened since the app started, kept in memory so the check-in form still knows the child's name
 * and team when the network is gone by the time the worker fills it in (a visit is often recorded at the home).
 */
const children = new Map<string, ChildDetail>();

export function rememberChild(child: ChildDetail): void {
  children.set(child.id, child);
}

export function knownChild(id: string): ChildDetail | undefined {
  return children.get(id);
}
