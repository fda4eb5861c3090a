import { ROLES, type Role } from '../lib/auth/user';

export interface NavItem {
  /** Route path, also the link target. */
  path: string;
  /** Translation key in the `common` namespace. */
  labelKey: string;
  /** Roles that may use the page; empty means public (also for visitors who are not logged in). */
  roles: readonly Role[];
  /** A page outside this SPA (the light public pages): the link loads it in full instead of routing. */
  reloadDocument?: boolean;
}

/** Every Lantern role: pages for anyone logged in. */
const ANY_ROLE: readonly Role[] = ROLES;

/** Staff: unit heads (scoped to their unit by the server), inspectors and administrators. */
const STAFF: readonly Role[] = ['unit_head', 'inspector', 'admin'];

export const HOME: NavItem = { path: '/', labelKey: 'nav.home', roles: [] };
export const ACCOUNT: NavItem = { path: '/me', labelKey: 'nav.account', roles: ANY_ROLE };
export const DOSSIERS: NavItem = { path: '/dossiers', labelKey: 'nav.dossiers', roles: STAFF };
/** Receiving at the one-stop shop: a unit's staff only, as the server's `dossierReceive` allows. */
export const RECEPTION: NavItem = { path: '/dossiers/new', labelKey: 'nav.reception', roles: ['unit_head'] };
export const PROCEDURES: NavItem = { path: '/procedures', labelKey: 'nav.procedures', roles: STAFF };
/** Inspection plans: visible to their team only (inspectors; administrators are not special here). */
export const PLANS: NavItem = { path: '/plans', labelKey: 'nav.plans', roles: ['inspector'] };
/** Creating a plan: inspectors only (the creator becomes its lead); reached from the plan list, not the menu. */
export const PLAN_NEW: NavItem = { path: '/plans/new', labelKey: 'nav.planNew', roles: ['inspector'] };
export const UNITS: NavItem = { path: '/units', labelKey: 'nav.units', roles: STAFF };
/** The unit head's inspection inbox: self-inspection reports to write, recommendations to answer. */
export const INSPECTIONS: NavItem = { path: '/inspections', labelKey: 'nav.inspections', roles: ['unit_head'] };
/** A self-inspection report and a finding: the unit's head and the plan's team (the server shows each their part). */
export const INSPECTION_RECORD_ROLES: readonly Role[] = STAFF;

/** The Decision 766 dashboard: inspectors and administrators see every unit, unit heads their subtree. */
export const DASHBOARD: NavItem = { path: '/dashboard', labelKey: 'nav.dashboard', roles: STAFF };
/** Published delays-by-official lists: public, linked from the dashboard rather than the navigation. */
export const PUBLIC_DELAYS_PATH = '/public/delays';

/** Public: a citizen looks up a dossier by receipt code and second factor, no login. */
export const LOOKUP: NavItem = { path: '/lookup', labelKey: 'nav.lookup', roles: [], reloadDocument: true };
/** Public: anyone sends feedback; `/feedback/:code` follows it. */
export const FEEDBACK: NavItem = { path: '/feedback', labelKey: 'nav.feedback', roles: [], reloadDocument: true };
/** A logged-in citizen's own dossiers (by the token's citizen_id). */
export const MY_DOSSIERS: NavItem = { path: '/my-dossiers', labelKey: 'nav.myDossiers', roles: ['citizen'] };
/** Feedback sent to units: unit heads answer their subtree's, inspectors and administrators follow all. */
export const FEEDBACK_INBOX: NavItem = { path: '/feedback-inbox', labelKey: 'nav.feedbackInbox', roles: STAFF };

/** The navigation, in display order. Routes that need a role take it from the same item. */
export const NAV_ITEMS: readonly NavItem[] = [HOME, DASHBOARD, DOSSIERS, RECEPTION, PLANS, INSPECTIONS, PROCEDURES, UNITS, ACCOUNT, LOOKUP, FEEDBACK, MY_DOSSIERS, FEEDBACK_INBOX];

/** Whether someone holding `roles` (none when not logged in) may use the item's page. */
export function mayUse(item: Pick<NavItem, 'roles'>, roles: readonly Role[]): boolean {
  return item.roles.length === 0 || item.roles.some((role) => roles.includes(role));
}

/** The items someone holding `roles` may see, in the original order. */
export function visibleNavItems<T extends Pick<NavItem, 'roles'>>(items: readonly T[], roles: readonly Role[]): T[] {
  return items.filter((item) => mayUse(item, roles));
}
