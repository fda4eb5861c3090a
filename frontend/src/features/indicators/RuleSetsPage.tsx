import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Collapse, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import type { IndicatorRuleSetCreateInput, IndicatorRuleSetsQuery } from '../../gql/graphql';
import { mapUserErrors, type FormErrors } from '../../lib/apollo/userErrors';
import { useAuth } from '../../lib/auth/AuthContext';
import { formatDate, formatDateTime, todayInVietnam } from '../../lib/format';
import { ruleSetCsv } from './indicatorCsv';
import { formatPoints } from './indicatorFormat';
import { ExportButtons } from './parts';

export const IndicatorRuleSetsQueryDocument = graphql(`
  query IndicatorRuleSets {
    indicatorRuleSets {
      id
      name
      effectiveFrom
      excellentFrom
      goodFrom
      averageFrom
      createdAt
      createdBy
      groups {
        group
        maxPoints
        indicators {
          code
          weight
          cap
          fullAt
        }
      }
    }
  }
`);

export const IndicatorRuleSetCreateMutation = graphql(`
  mutation IndicatorRuleSetCreate($input: IndicatorRuleSetCreateInput!) {
    indicatorRuleSetCreate(input: $input) {
      ruleSet {
        id
        name
        effectiveFrom
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type RuleSet = IndicatorRuleSetsQuery['indicatorRuleSets'][number];

/** A new rule set's input, starting from an existing one's weights, caps and thresholds. */
export function draftFrom(ruleSet: RuleSet, effectiveFrom: string): IndicatorRuleSetCreateInput {
  return {
    name: '',
    effectiveFrom,
    excellentFrom: ruleSet.excellentFrom,
    goodFrom: ruleSet.goodFrom,
    averageFrom: ruleSet.averageFrom,
    groups: ruleSet.groups.map((group) => ({
      group: group.group,
      maxPoints: group.maxPoints,
      indicators: group.indicators.map((rule) => ({ code: rule.code, weight: rule.weight, cap: rule.cap, fullAt: rule.fullAt })),
    })),
  };
}

/** The sum of the groups' maxima, which must be 100. */
export function maximaSum(draft: IndicatorRuleSetCreateInput): number {
  return Math.round(draft.groups.reduce((sum, group) => sum + group.maxPoints, 0) * 100) / 100;
}

/** Every rule set with its weights, caps and band thresholds; administrators add a new one here. */
export default function RuleSetsPage() {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  useDocumentTitle(t('ruleSets.title'));
  const { user } = useAuth();
  const isAdmin = user?.roles.includes('admin') ?? false;
  const query = useQuery(IndicatorRuleSetsQueryDocument);
  const ruleSets = query.data?.indicatorRuleSets;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/dashboard" size="sm">
        ← {t('dashboard.title')}
      </Anchor>
      <Title order={2}>{t('ruleSets.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('ruleSets.intro')}
      </Text>
      {query.error && !ruleSets ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : !ruleSets ? (
        <Loading label={t('ruleSets.loading')} />
      ) : (
        <>
          {isAdmin && ruleSets[0] && <NewRuleSet base={ruleSets[0]} onCreated={() => void query.refetch()} />}
          {ruleSets.map((ruleSet) => (
            <Paper key={ruleSet.id} withBorder p="md" data-testid="rule-set">
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Group gap="xs">
                    <Text fw={700}>{ruleSet.name}</Text>
                    <Badge variant="light" tt="none">
                      {t('ruleSets.from', { date: formatDate(ruleSet.effectiveFrom, i18n.language) })}
                    </Badge>
                  </Group>
                  <ExportButtons name={`${t('csv.ruleSet')}-${ruleSet.effectiveFrom}`} table={ruleSetCsv(ruleSet, t)} testId="rule-set-export" />
                </Group>
                <Text size="sm">
                  {t('ruleSets.bands', {
                    excellent: formatPoints(ruleSet.excellentFrom, i18n.language),
                    good: formatPoints(ruleSet.goodFrom, i18n.language),
                    average: formatPoints(ruleSet.averageFrom, i18n.language),
                  })}
                </Text>
                <Text size="xs" c="dimmed">
                  {ruleSet.createdBy
                    ? t('ruleSets.addedBy', { name: ruleSet.createdBy, at: formatDateTime(ruleSet.createdAt, i18n.language) })
                    : t('ruleSets.seeded')}
                </Text>
                <RulesTable ruleSet={ruleSet} />
              </Stack>
            </Paper>
          ))}
        </>
      )}
    </Stack>
  );
}

function RulesTable({ ruleSet }: { ruleSet: RuleSet }) {
  const { t, i18n } = useTranslation('indicators');
  const n = (value: number) => formatPoints(value, i18n.language);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.indicator')}</Table.Th>
            <Table.Th ta="right">{t('ruleSets.weight')}</Table.Th>
            <Table.Th ta="right">{t('columns.cap')}</Table.Th>
            <Table.Th ta="right">{t('ruleSets.fullAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ruleSet.groups.map((group) => (
            <Fragment key={group.group}>
              <Table.Tr bg="var(--mantine-color-gray-light)">
                <Table.Th colSpan={3}>{t(`groupName.${group.group}`)}</Table.Th>
                <Table.Th ta="right">{t('ruleSets.max', { points: n(group.maxPoints) })}</Table.Th>
              </Table.Tr>
              {group.indicators.map((rule) => (
                <Table.Tr key={rule.code}>
                  <Table.Td>{t(`indicatorName.${rule.code}`)}</Table.Td>
                  <Table.Td ta="right">{n(rule.weight)}</Table.Td>
                  <Table.Td ta="right">{n(rule.cap)}</Table.Td>
                  <Table.Td ta="right">{n(rule.fullAt * 100)} %</Table.Td>
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const EMPTY_ERRORS: FormErrors = { fields: {}, form: [], concurrentModification: false };

function NewRuleSet({ base, onCreated }: { base: RuleSet; onCreated: () => void }) {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const [open, { toggle, close }] = useDisclosure(false);
  const [draft, setDraft] = useState(() => draftFrom(base, todayInVietnam()));
  const [errors, setErrors] = useState<FormErrors>(EMPTY_ERRORS);
  const [created, setCreated] = useState<string>();
  const [create, creating] = useMutation(IndicatorRuleSetCreateMutation);
  const sum = maximaSum(draft);

  const fieldNames = [
    'name',
    'effectiveFrom',
    'excellentFrom',
    'goodFrom',
    'averageFrom',
    ...draft.groups.flatMap((group, g) => [
      `groups.${g}.maxPoints`,
      ...group.indicators.flatMap((_, i) => ['weight', 'cap', 'fullAt'].map((f) => `groups.${g}.indicators.${i}.${f}`)),
    ]),
  ];
  const describe = (error: { code: string; message: string }) =>
    i18n.exists(`indicators:ruleSets.userErrors.${error.code}`) ? t(`ruleSets.userErrors.${error.code}`) : error.message;

  const setRule = (g: number, i: number, key: 'weight' | 'cap' | 'fullAt', value: number) =>
    setDraft((d) => ({
      ...d,
      groups: d.groups.map((group, gi) =>
        gi !== g ? group : { ...group, indicators: group.indicators.map((rule, ii) => (ii !== i ? rule : { ...rule, [key]: value })) },
      ),
    }));
  const setMax = (g: number, value: number) => setDraft((d) => ({ ...d, groups: d.groups.map((group, gi) => (gi !== g ? group : { ...group, maxPoints: value })) }));
  const num = (value: string | number) => (typeof value === 'number' ? value : Number.NaN);

  const submit = async () => {
    setErrors(EMPTY_ERRORS);
    try {
      const result = await create({ variables: { input: { ...draft, name: draft.name.trim() } } });
      const payload = result.data?.indicatorRuleSetCreate;
      if (payload?.ruleSet) {
        setCreated(payload.ruleSet.name);
        close();
        onCreated();
      } else {
        setErrors(mapUserErrors(payload?.userErrors ?? [], fieldNames, describe));
      }
    } catch {
      // Shown below from the hook's error.
    }
  };

  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <Text fw={600}>{t('ruleSets.newTitle')}</Text>
        <Button variant="light" onClick={toggle} aria-expanded={open} data-testid="rule-set-new">
          {t('ruleSets.new')}
        </Button>
      </Group>
      {created && (
        <Alert color="teal" mt="sm" data-testid="rule-set-created">
          {t('ruleSets.created', { name: created })}
        </Alert>
      )}
      <Collapse expanded={open}>
        <Stack gap="sm" mt="sm">
          <Text size="xs" c="dimmed">
            {t('ruleSets.newHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('ruleSets.name')}
              required
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
              error={errors.fields.name}
              data-testid="rule-set-name"
            />
            <TextInput
              type="date"
              label={t('ruleSets.effectiveFrom')}
              required
              min={todayInVietnam()}
              value={draft.effectiveFrom}
              onChange={(e) => setDraft({ ...draft, effectiveFrom: e.currentTarget.value })}
              error={errors.fields.effectiveFrom}
              data-testid="rule-set-effective"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {(['excellentFrom', 'goodFrom', 'averageFrom'] as const).map((key) => (
              <NumberInput
                key={key}
                label={t(`ruleSets.${key}`)}
                min={0}
                max={100}
                decimalScale={2}
                value={draft[key]}
                onChange={(v) => setDraft({ ...draft, [key]: num(v) })}
                error={errors.fields[key]}
              />
            ))}
          </SimpleGrid>
          <Text size="sm" c={sum === 100 ? undefined : 'red'} data-testid="rule-set-sum">
            {t('ruleSets.sum', { sum: formatPoints(sum, i18n.language) })}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.indicator')}</Table.Th>
                  <Table.Th>{t('ruleSets.weight')}</Table.Th>
                  <Table.Th>{t('columns.cap')}</Table.Th>
                  <Table.Th>{t('ruleSets.fullAtRate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {draft.groups.map((group, g) => (
                  <Fragment key={group.group}>
                    <Table.Tr bg="var(--mantine-color-gray-light)">
                      <Table.Th colSpan={3}>{t(`groupName.${group.group}`)}</Table.Th>
                      <Table.Td>
                        <NumberInput
                          size="xs"
                          aria-label={t('ruleSets.maxOf', { group: t(`groupName.${group.group}`) })}
                          min={0}
                          max={100}
                          decimalScale={2}
                          value={group.maxPoints}
                          onChange={(v) => setMax(g, num(v))}
                          error={errors.fields[`groups.${g}.maxPoints`]}
                        />
                      </Table.Td>
                    </Table.Tr>
                    {group.indicators.map((rule, i) => (
                      <Table.Tr key={rule.code}>
                        <Table.Td fz="sm">{t(`indicatorName.${rule.code}`)}</Table.Td>
                        {(['weight', 'cap', 'fullAt'] as const).map((key) => (
                          <Table.Td key={key}>
                            <NumberInput
                              size="xs"
                              aria-label={`${t(`indicatorName.${rule.code}`)}: ${t(key === 'fullAt' ? 'ruleSets.fullAtRate' : key === 'cap' ? 'columns.cap' : 'ruleSets.weight')}`}
                              min={0}
                              max={key === 'fullAt' ? 1 : 100}
                              step={key === 'fullAt' ? 0.05 : 0.5}
                              decimalScale={2}
                              value={rule[key] ?? undefined}
                              onChange={(v) => setRule(g, i, key, num(v))}
                              error={errors.fields[`groups.${g}.indicators.${i}.${key}`]}
                            />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {errors.form.length > 0 && (
            <Alert color="red" role="alert" data-testid="rule-set-errors">
              {errors.form.map((message) => (
                <div key={message}>{message}</div>
              ))}
            </Alert>
          )}
          {creating.error && <ErrorMessage error={creating.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button onClick={() => void submit()} loading={creating.loading} data-testid="rule-set-submit">
              {t('ruleSets.create')}
            </Button>
          </Group>
        </Stack>
      </Collapse>
    </Paper>
  );
}
