import { useQuery } from '@apollo/client/react';
import { Group, Paper, Stack, Switch, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { UnitSelect, UnitSelectTreeQuery } from '../../components/UnitSelect';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useAuth } from '../../lib/auth/AuthContext';
import { BacklogPanel } from './BacklogPanel';
import { dashboardSearchParams, dashboardTabs, delaysMonthOf, parseDashboardParams, periodAsOf, shownTab, type DashboardState, type DashboardTab } from './dashboardParams';
import { DelaysPanel } from './DelaysPanel';
import { NearlyDuePanel } from './NearlyDuePanel';
import { PeriodPicker } from './PeriodPicker';
import { RankingPanel } from './RankingPanel';
import { ScorecardPanel } from './ScorecardPanel';
import { TrendPanel } from './TrendPanel';

/**
 * The Decision 766 dashboard: a unit (the caller's top unit by default) and a period, both in the
 * URL, and tabs for the scorecard, the ranking, the trend, the work lists (overdue backlog and
 * nearly-due dossiers) and the monthly delays list, ordered for the reader's role: inspectors land
 * on the province's ranking, unit heads on their unit's work lists.
 */
export default function DashboardPage() {
  const { t } = useTranslation(['indicators', 'common']);
  useDocumentTitle(t('dashboard.title'));
  const { user } = useAuth();
  const roles = user?.roles ?? [];
  const [searchParams, setSearchParams] = useSearchParams();
  const state = parseDashboardParams(searchParams);
  const go = (changes: Partial<DashboardState>) => setSearchParams(dashboardSearchParams({ ...state, ...changes }));
  const tabs = dashboardTabs(roles);
  const tab = shownTab(state.tab, roles);

  const asOf = periodAsOf(state.period);
  const tree = useQuery(UnitSelectTreeQuery, { variables: { asOf } });
  const entries = (tree.data ?? tree.previousData)?.unitTree ?? [];
  const unit = state.unit ?? entries[0]?.unit.id;
  const unitOptions = entries.map((entry) => ({ value: entry.unit.id, label: `${entry.unit.name} (${entry.unit.code})` }));

  return (
    <Stack gap="md">
      <Title order={2}>{t('dashboard.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('dashboard.intro')}
      </Text>
      <Paper withBorder p="sm">
        <Group gap="md" align="flex-end" wrap="wrap">
          <UnitSelect
            label={t('dashboard.unit')}
            placeholder={t('dashboard.unitPlaceholder')}
            value={unit}
            asOf={asOf}
            onChange={(next) => go({ unit: next })}
            data-testid="dashboard-unit"
          />
          <Switch
            label={t('dashboard.includeSubunits')}
            checked={state.includeSubunits}
            onChange={(event) => go({ includeSubunits: event.currentTarget.checked })}
            data-testid="dashboard-subunits"
          />
          <PeriodPicker value={state.period} onChange={(period) => go({ period })} />
        </Group>
      </Paper>

      {tree.error && !unit ? (
        <ErrorMessage error={tree.error} onRetry={() => void tree.refetch()} />
      ) : !unit ? (
        tree.loading ? (
          <Loading label={t('dashboard.loadingUnits')} />
        ) : (
          <Text data-testid="dashboard-no-unit">{t('dashboard.noUnit')}</Text>
        )
      ) : (
        <Tabs value={tab} onChange={(next) => go({ tab: !next || next === tabs[0] ? undefined : (next as DashboardTab) })} keepMounted={false}>
          <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }} data-testid="dashboard-tabs">
            {tabs.map((item) => (
              <Tabs.Tab key={item} value={item} data-testid={`dashboard-tab-${item}`}>
                {t(`dashboard.tabs.${item}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="scorecard" pt="md">
            <ScorecardPanel scope={{ unit, includeSubunits: state.includeSubunits, period: state.period }} />
          </Tabs.Panel>
          <Tabs.Panel value="ranking" pt="md">
            <RankingPanel
              scope={{ unit, includeSubunits: state.includeSubunits, period: state.period, level: state.rankLevel }}
              onLevel={(rankLevel) => go({ rankLevel })}
            />
          </Tabs.Panel>
          <Tabs.Panel value="trend" pt="md">
            <TrendPanel scope={{ unit, includeSubunits: state.includeSubunits, period: state.period }} unitOptions={unitOptions} />
          </Tabs.Panel>
          <Tabs.Panel value="work" pt="md">
            <Stack gap="md">
              <BacklogPanel unit={unit} />
              <NearlyDuePanel key={unit} unit={unit} within={state.within} onWithin={(within) => go({ within })} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="delays" pt="md">
            <DelaysPanel unit={unit} month={delaysMonthOf(state)} roles={roles} onMonth={(delaysMonth) => go({ delaysMonth })} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
