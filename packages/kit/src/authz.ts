// Who may do what. Principals are Slack user ids (U…/W…) or user-group ids (S…). The gateway decides
// with user ids alone (pure); when only groups could grant access, the worker resolves membership.

export interface AccessRule {
  /** May run changing actions. */
  operators: string[];
  /** May approve a changing action on a protected resource (never their own request). */
  approvers: string[];
}

export type AccessDecision =
  | { outcome: 'allowed' }
  | { outcome: 'denied' }
  /** Not listed by user id, but these user groups may include the user. */
  | { outcome: 'check-groups'; groups: string[] };

export const isUserGroupId = (principal: string): boolean => /^S[A-Z0-9]{2,}$/.test(principal);
export const isUserId = (principal: string): boolean => /^[UW][A-Z0-9]{2,}$/.test(principal);

export function decideAccess(userId: string, principals: readonly string[]): AccessDecision {
  if (principals.includes(userId)) return { outcome: 'allowed' };
  const groups = principals.filter(isUserGroupId);
  return groups.length > 0 ? { outcome: 'check-groups', groups } : { outcome: 'denied' };
}

export type GroupMembersReader = (groupId: string) => Promise<string[]>;

/** The full check, for workers: resolves user groups through Slack (usergroups.users.list). */
export async function hasAccess(
  userId: string,
  principals: readonly string[],
  readGroupMembers: GroupMembersReader,
): Promise<boolean> {
  const decision = decideAccess(userId, principals);
  if (decision.outcome !== 'check-groups') return decision.outcome === 'allowed';
  for (const group of decision.groups) {
    if ((await readGroupMembers(group)).includes(userId)) return true;
  }
  return false;
}

/** Renders principals as Slack mentions for messages ("ask <@U1> or <!subteam^S2>"). */
export function mentionAll(principals: readonly string[]): string {
  return principals.map((p) => (isUserGroupId(p) ? `<!subteam^${p}>` : `<@${p}>`)).join(', ');
}
