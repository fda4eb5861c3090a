import type { AuthUser } from '../../lib/auth/user';

interface TeamLike {
  lead?: { idpUsername?: string | null } | null;
  team: ReadonlyArray<{ official: { idpUsername?: string | null } }>;
}

/** What the logged-in person may do on a plan: the lead approves, starts, concludes and closes; team members sample and record findings. */
export interface PlanRole {
  isLead: boolean;
  isMember: boolean;
}

/** The caller's place on the plan's team, matched by their login name (the server decides; this only hides what would be refused). */
export function planRole(plan: TeamLike, user: AuthUser | null): PlanRole {
  const username = user?.username;
  if (!username) return { isLead: false, isMember: false };
  const isLead = plan.lead?.idpUsername === username;
  return { isLead, isMember: isLead || plan.team.some((member) => member.official.idpUsername === username) };
}
