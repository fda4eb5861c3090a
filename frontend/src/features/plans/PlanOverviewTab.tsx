import { Badge, Button, Card, Group, List, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FactsTable } from '../../components/FactsTable';
import { formatDate } from '../../lib/format';
import { PlanLifecycleActions } from './PlanLifecycleActions';
import type { PlanTabProps } from './planTabs';
import { planEditPath } from './planVocabulary';

/** The plan's facts, deadlines, checklist, targets and team, and the lifecycle steps its lead may take. */
export function PlanOverviewTab({ plan, role }: PlanTabProps) {
  const { t, i18n } = useTranslation('plans');
  const date = (value?: string | null) => (value ? formatDate(value, i18n.language) : t('detail.notSet'));
  const range = (from?: string | null, to?: string | null) => (from || to ? `${date(from)} – ${date(to)}` : t('detail.notSet'));

  return (
    <>
      {role.isLead && <PlanLifecycleActions plan={plan} />}
      {role.isMember && plan.status === 'DRAFT' && (
        <Group justify="flex-end" mb="md">
          <Button component={Link} to={planEditPath(plan.number)} variant="light" data-testid="plan-edit">
            {t('edit.button')}
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('detail.facts')}
          </Title>
          <FactsTable
            testId="plan-facts"
            facts={[
              [t('detail.authority'), plan.issuingAuthority],
              [t('detail.issueDate'), date(plan.issueDate)],
              [t('detail.period'), range(plan.periodFrom, plan.periodTo)],
              [t('detail.selfReportDue'), date(plan.selfReportDue)],
              [t('detail.fieldwork'), range(plan.fieldworkFrom, plan.fieldworkTo)],
              [t('detail.conclusionDue'), date(plan.conclusionDue)],
            ]}
          />
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('detail.checklist')}
          </Title>
          {plan.checklist.length === 0 ? (
            <Text c="dimmed">{t('detail.none')}</Text>
          ) : (
            <List type="ordered" spacing={4} data-testid="plan-checklist">
              {[...plan.checklist]
                .sort((a, b) => a.ordinal - b.ordinal)
                .map((item) => (
                  <List.Item key={item.ordinal}>{item.text}</List.Item>
                ))}
            </List>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('detail.targets')}
          </Title>
          {plan.targets.length === 0 ? (
            <Text c="dimmed">{t('detail.none')}</Text>
          ) : (
            <List spacing={4} data-testid="plan-targets">
              {plan.targets.map((unit) => (
                <List.Item key={unit.id}>
                  {unit.name}{' '}
                  <Text span c="dimmed" fz="sm" ff="monospace">
                    {unit.code}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('detail.team')}
          </Title>
          {plan.team.length === 0 ? (
            <Text c="dimmed">{t('detail.none')}</Text>
          ) : (
            <List spacing={4} data-testid="plan-team">
              {plan.team.map((member) => (
                <List.Item key={member.official.id} data-testid="plan-team-member">
                  <Group gap={6} wrap="wrap">
                    <Text span fw={member.role === 'LEAD' ? 700 : undefined}>
                      {member.official.fullName}
                    </Text>
                    {member.role === 'LEAD' && (
                      <Badge size="sm" variant="filled" tt="none" data-testid="plan-lead">
                        {t('detail.lead')}
                      </Badge>
                    )}
                    <Text span c="dimmed" fz="sm">
                      {member.official.unit.name}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </SimpleGrid>
    </>
  );
}
