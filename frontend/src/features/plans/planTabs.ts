import type { ComponentType } from 'react';
import type { PlanDetailFieldsFragment } from '../../gql/graphql';
import { PlanConclusionTab } from './PlanConclusionTab';
import { PlanFindingsTab } from './PlanFindingsTab';
import { PlanOverviewTab } from './PlanOverviewTab';
import type { PlanRole } from './planRole';
import { PlanSamplesTab } from './PlanSamplesTab';
import { PlanSelfReportsTab } from './PlanSelfReportsTab';
import { PlanStatisticsTab } from './PlanStatisticsTab';

/** What every tab of the plan page receives: the plan as the page read it and the caller's place on its team. */
export interface PlanTabProps {
  plan: PlanDetailFieldsFragment;
  role: PlanRole;
}

export interface PlanTab {
  /** The `?tab=` value. */
  key: string;
  /** Translation key of the tab's label, with its namespace. */
  labelKey: string;
  Component: ComponentType<PlanTabProps>;
}

/** The tabs of the plan page, in display order; the first is shown when the URL names none. */
export const PLAN_TABS: readonly PlanTab[] = [
  { key: 'overview', labelKey: 'plans:tabs.overview', Component: PlanOverviewTab },
  { key: 'statistics', labelKey: 'plans:tabs.statistics', Component: PlanStatisticsTab },
  { key: 'samples', labelKey: 'plans:tabs.samples', Component: PlanSamplesTab },
  { key: 'findings', labelKey: 'plans:tabs.findings', Component: PlanFindingsTab },
  { key: 'self-reports', labelKey: 'plans:tabs.selfReports', Component: PlanSelfReportsTab },
  { key: 'conclusion', labelKey: 'plans:tabs.conclusion', Component: PlanConclusionTab },
];

/** The tab a `?tab=` value names, the first tab when it names none. */
export function planTabOf(value: string | null): string {
  return PLAN_TABS.some((tab) => tab.key === value) ? value! : PLAN_TABS[0]!.key;
}
