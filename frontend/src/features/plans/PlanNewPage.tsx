import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { UnitSelect, UnitSelectTreeQuery } from '../../components/UnitSelect';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import { fieldName, type UserErrorLike } from '../../lib/apollo/userErrors';
import { useAuth } from '../../lib/auth/AuthContext';
import { formatDate, todayInVietnam } from '../../lib/format';
import { planUserErrorText } from './planUserErrors';
import { planPath } from './planVocabulary';
import {
  createInput,
  DATE_FIELDS,
  firstInvalidStep,
  HEADER_FIELDS,
  moveItem,
  validateStep,
  withLead,
  WIZARD_STEPS,
  type WizardStep,
  type WizardValues,
} from './planWizard';
import { useUnitOfficials } from './unitOfficials';

export const WizardPlanFields = graphql(`
  fragment WizardPlanFields on InspectionPlan {
    id
    number
    version
    status
  }
`);

export const PlanCreateMutation = graphql(`
  mutation PlanCreate($input: InspectionPlanCreateInput!) {
    inspectionPlanCreate(input: $input) {
      inspectionPlan {
        ...WizardPlanFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const PlanSetTargetsMutation = graphql(`
  mutation PlanSetTargets($input: InspectionPlanSetTargetsInput!) {
    inspectionPlanSetTargets(input: $input) {
      inspectionPlan {
        ...WizardPlanFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const PlanSetTeamMutation = graphql(`
  mutation PlanSetTeam($input: InspectionPlanSetTeamInput!) {
    inspectionPlanSetTeam(input: $input) {
      inspectionPlan {
        ...WizardPlanFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const PlanWizardApproveMutation = graphql(`
  mutation PlanWizardApprove($input: InspectionPlanTransitionInput!) {
    inspectionPlanApprove(input: $input) {
      inspectionPlan {
        ...WizardPlanFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** The plan as created so far: later steps send its version; a retry continues where the last one stopped. */
interface Created {
  id: string;
  number: string;
  version: number;
  targetsSet: boolean;
  teamSet: boolean;
}

const DEFAULT_AUTHORITY = 'Thanh tra tỉnh Nghệ An';

/** The four-step wizard that creates a plan as DRAFT, sets its targets and team, and lets the lead approve it at once. */
export default function PlanNewPage() {
  const { t, i18n } = useTranslation(['plans', 'common']);
  useDocumentTitle(t('wizard.title'));
  const navigate = useNavigate();
  const client = useApolloClient();
  const { user } = useAuth();
  const suggested = t('wizard.suggestedChecklist', { returnObjects: true });
  const [values, setValues] = useState<WizardValues>(() => ({
    number: '',
    title: '',
    issuingAuthority: DEFAULT_AUTHORITY,
    issueDate: todayInVietnam(),
    periodFrom: '',
    periodTo: '',
    selfReportDue: '',
    fieldworkFrom: '',
    fieldworkTo: '',
    conclusionDue: '',
    checklist: Array.isArray(suggested) ? suggested.map(String) : [''],
    targets: [],
    team: [],
  }));
  const [stepIndex, setStepIndex] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [approveNow, setApproveNow] = useState(true);
  const [created, setCreated] = useState<Created | null>(null);
  const [saving, setSaving] = useState(false);
  const step = WIZARD_STEPS[stepIndex]!;
  // Four labelled steps do not fit side by side on a phone.
  const narrow = useMediaQuery('(max-width: 36em)');
  const set = <K extends keyof WizardValues>(key: K, value: WizardValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const describe = (error: UserErrorLike) => planUserErrorText(error, t, (key) => i18n.exists(key));
  const callerLeads = values.team.some((member) => member.role === 'LEAD' && member.officialId === callerOfficialId(values, user?.username));

  const check = (which: WizardStep) => {
    const invalid = validateStep(which, values);
    setErrors(Object.fromEntries(Object.entries(invalid).map(([name, key]) => [name, t(key)])));
    return Object.keys(invalid).length === 0;
  };

  const next = () => {
    if (check(step)) {
      setServerErrors([]);
      setStepIndex((index) => Math.min(index + 1, WIZARD_STEPS.length - 1));
    }
  };
  const back = () => {
    setErrors({});
    setServerErrors([]);
    setStepIndex((index) => Math.max(index - 1, 0));
  };

  /** Shows a step's userErrors: next to the fields of `stepOf` that they name, the rest above the step. */
  const showUserErrors = (userErrors: readonly UserErrorLike[], stepOf: WizardStep, fieldOf: (name: string | null) => string | null) => {
    const fields: Record<string, string> = {};
    const rest: string[] = [];
    for (const error of userErrors) {
      const field = fieldOf(fieldName(error.field));
      if (field) fields[field] = fields[field] ? `${fields[field]} ${describe(error)}` : describe(error);
      else rest.push(describe(error));
    }
    setErrors(fields);
    setServerErrors(rest);
    setStepIndex(WIZARD_STEPS.indexOf(stepOf));
  };

  const create = async () => {
    const invalid = firstInvalidStep(values);
    if (invalid) {
      check(invalid);
      setStepIndex(WIZARD_STEPS.indexOf(invalid));
      return;
    }
    setSaving(true);
    setServerErrors([]);
    setFailure(null);
    try {
      let plan = created;
      if (!plan) {
        const { data } = await client.mutate({ mutation: PlanCreateMutation, variables: { input: createInput(values) } });
        const payload = data?.inspectionPlanCreate;
        if (!payload?.inspectionPlan || payload.userErrors.length > 0) {
          showUserErrors(payload?.userErrors ?? [], 'header', (name) => {
            const field = name?.replace(/^checklist\.(\d+)$/, 'checklist.$1') ?? null;
            return field && ((HEADER_FIELDS as readonly string[]).includes(field) || field.startsWith('checklist')) ? field : null;
          });
          return;
        }
        plan = { ...payload.inspectionPlan, targetsSet: false, teamSet: false };
        setCreated(plan);
      }
      if (!plan.targetsSet) {
        const { data } = await client.mutate({
          mutation: PlanSetTargetsMutation,
          variables: { input: { planId: plan.id, version: plan.version, unitIds: values.targets.map((unit) => unit.id) } },
        });
        const payload = data?.inspectionPlanSetTargets;
        if (!payload?.inspectionPlan || payload.userErrors.length > 0) {
          showUserErrors(payload?.userErrors ?? [], 'targets', (name) => (name?.startsWith('unitIds') ? 'targets' : null));
          return;
        }
        plan = { ...plan, version: payload.inspectionPlan.version, targetsSet: true };
        setCreated(plan);
      }
      if (!plan.teamSet) {
        const { data } = await client.mutate({
          mutation: PlanSetTeamMutation,
          variables: {
            input: { planId: plan.id, version: plan.version, members: values.team.map((member) => ({ officialId: member.officialId, role: member.role })) },
          },
        });
        const payload = data?.inspectionPlanSetTeam;
        if (!payload?.inspectionPlan || payload.userErrors.length > 0) {
          showUserErrors(payload?.userErrors ?? [], 'team', (name) => (name?.startsWith('members') ? 'team' : null));
          return;
        }
        plan = { ...plan, version: payload.inspectionPlan.version, teamSet: true };
        setCreated(plan);
      }
      if (approveNow && callerLeads) {
        const { data } = await client.mutate({ mutation: PlanWizardApproveMutation, variables: { input: { planId: plan.id, version: plan.version } } });
        const payload = data?.inspectionPlanApprove;
        if (!payload?.inspectionPlan || payload.userErrors.length > 0) {
          // The plan exists with its targets and team; approval can be done from its page.
          setServerErrors([t('wizard.approveFailed'), ...(payload?.userErrors ?? []).map(describe)]);
          return;
        }
      }
      navigate(planPath(plan.number));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/plans" fz="sm">
        ← {t('detail.back')}
      </Anchor>
      <Title order={2}>{t('wizard.title')}</Title>
      <Text c="dimmed" fz="sm">
        {t('wizard.intro')}
      </Text>
      <Stepper
        active={stepIndex}
        size="sm"
        orientation={narrow ? 'vertical' : 'horizontal'}
        allowNextStepsSelect={false} onStepClick={(index) => index < stepIndex && setStepIndex(index)}
      >
        {WIZARD_STEPS.map((name) => (
          <Stepper.Step key={name} label={t(`wizard.steps.${name}`)} data-testid={`wizard-step-${name}`} />
        ))}
      </Stepper>

      {created && (
        <Alert color="blue" variant="light" data-testid="wizard-created">
          {t('wizard.createdSoFar', { number: created.number })}
        </Alert>
      )}
      {serverErrors.length > 0 && (
        <Alert color="red" variant="light" data-testid="wizard-errors">
          <List size="sm">
            {serverErrors.map((message, index) => (
              <List.Item key={index}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {failure != null && <ErrorMessage error={failure} />}

      <Card withBorder>
        {step === 'header' && <HeaderStep values={values} set={set} errors={errors} locked={created !== null} />}
        {step === 'targets' && <TargetsStep values={values} set={set} errors={errors} />}
        {step === 'team' && <TeamStep values={values} set={set} errors={errors} />}
        {step === 'review' && (
          <ReviewStep values={values}>
            {callerLeads ? (
              <Checkbox
                mt="md"
                label={t('wizard.approveNow')}
                description={t('wizard.approveNowHelp')}
                checked={approveNow}
                onChange={(event) => setApproveNow(event.currentTarget.checked)}
                data-testid="wizard-approve"
              />
            ) : (
              <Text mt="md" fz="sm" c="dimmed" data-testid="wizard-approve-by-lead">
                {t('wizard.approveByLead')}
              </Text>
            )}
          </ReviewStep>
        )}
      </Card>

      <Group justify="space-between">
        <Button variant="default" onClick={back} disabled={stepIndex === 0 || saving} data-testid="wizard-back">
          {t('wizard.back')}
        </Button>
        {step === 'review' ? (
          <Button onClick={() => void create()} loading={saving} data-testid="wizard-create">
            {created ? t('wizard.continue') : approveNow && callerLeads ? t('wizard.createAndApprove') : t('wizard.create')}
          </Button>
        ) : (
          <Button onClick={next} data-testid="wizard-next">
            {t('wizard.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The caller's official id, when the caller is on the wizard's team (matched by login name). */
function callerOfficialId(values: WizardValues, username: string | undefined): string | undefined {
  return username ? values.team.find((member) => member.idpUsername === username)?.officialId : undefined;
}

interface StepProps {
  values: WizardValues;
  set: <K extends keyof WizardValues>(key: K, value: WizardValues[K]) => void;
  errors: Record<string, string>;
}

function HeaderStep({ values, set, errors, locked }: StepProps & { locked: boolean }) {
  const { t } = useTranslation('plans');
  const text = (field: 'number' | 'title' | 'issuingAuthority', required = true) => (
    <TextInput
      label={t(`wizard.fields.${field}`)}
      description={t(`wizard.help.${field}`)}
      required={required}
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={errors[field]}
      readOnly={locked}
      data-testid={`wizard-${field}`}
    />
  );
  const date = (field: (typeof DATE_FIELDS)[number], required = false) => (
    <TextInput
      type="date"
      label={t(`wizard.fields.${field}`)}
      description={t(`wizard.help.${field}`)}
      required={required}
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={errors[field]}
      readOnly={locked}
      data-testid={`wizard-${field}`}
    />
  );
  return (
    <Stack gap="sm">
      {locked && (
        <Text fz="sm" c="dimmed">
          {t('wizard.headerLocked')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {text('number')}
        {text('issuingAuthority')}
      </SimpleGrid>
      {text('title')}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {date('issueDate')}
        {date('periodFrom', true)}
        {date('periodTo', true)}
        {date('selfReportDue')}
        {date('fieldworkFrom')}
        {date('fieldworkTo')}
        {date('conclusionDue')}
      </SimpleGrid>
      <ChecklistEditor values={values} set={set} errors={errors} locked={locked} />
    </Stack>
  );
}

function ChecklistEditor({ values, set, errors, locked }: StepProps & { locked: boolean }) {
  const { t } = useTranslation('plans');
  const items = values.checklist;
  const update = (index: number, text: string) => set('checklist', items.map((item, i) => (i === index ? text : item)));
  return (
    <Stack gap={6}>
      <Text fw={500} fz="sm">
        {t('wizard.fields.checklist')}{' '}
        <Text span c="red">
          *
        </Text>
      </Text>
      <Text fz="xs" c="dimmed">
        {t('wizard.help.checklist')}
      </Text>
      {items.map((item, index) => (
        <Group key={index} gap={4} wrap="nowrap" align="flex-start" data-testid="wizard-checklist-item">
          <Text fz="sm" w={24} ta="right" pt={6}>
            {index + 1}.
          </Text>
          <Textarea
            style={{ flex: 1 }}
            rows={2}
            aria-label={t('wizard.checklistItem', { number: index + 1 })}
            value={item}
            onChange={(event) => update(index, event.currentTarget.value)}
            error={errors[`checklist.${index}`]}
            readOnly={locked}
            data-testid="wizard-checklist-text"
          />
          {!locked && (
            <>
              <ActionIcon variant="subtle" aria-label={t('wizard.moveUp')} disabled={index === 0} onClick={() => set('checklist', moveItem(items, index, -1))} mt={4}>
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={t('wizard.moveDown')}
                disabled={index === items.length - 1}
                onClick={() => set('checklist', moveItem(items, index, 1))}
                mt={4}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('wizard.removeItem', { number: index + 1 })}
                onClick={() => set('checklist', items.filter((_, i) => i !== index))}
                data-testid="wizard-checklist-remove"
                mt={4}
              >
                ×
              </ActionIcon>
            </>
          )}
        </Group>
      ))}
      {errors.checklist && (
        <Text c="red" fz="sm" data-testid="wizard-checklist-error">
          {errors.checklist}
        </Text>
      )}
      {!locked && (
        <Group>
          <Button variant="light" size="xs" onClick={() => set('checklist', [...items, ''])} data-testid="wizard-checklist-add">
            {t('wizard.addItem')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Every unit of the tree on `asOf` by id, for names in the lists (the same query UnitSelect runs, answered from the cache). */
function useUnitsById(asOf: string) {
  const { data } = useQuery(UnitSelectTreeQuery, { variables: { asOf } });
  return useMemo(() => new Map((data?.unitTree ?? []).map(({ unit }) => [unit.id, unit])), [data]);
}

function TargetsStep({ values, set, errors }: StepProps) {
  const { t } = useTranslation('plans');
  // Units as they stood at the end of the period: districts abolished since are still inspected for it.
  const asOf = values.periodTo || todayInVietnam();
  const units = useUnitsById(asOf);
  const [picked, setPicked] = useState<string | undefined>();
  const add = (unitId: string | undefined) => {
    setPicked(undefined);
    const unit = unitId ? units.get(unitId) : undefined;
    if (!unit || values.targets.some((target) => target.id === unit.id)) return;
    set('targets', [...values.targets, { id: unit.id, code: unit.code, name: unit.name }]);
  };
  return (
    <Stack gap="sm">
      <UnitSelect
        label={t('wizard.fields.targets')}
        description={t('wizard.help.targets')}
        placeholder={t('wizard.targetPlaceholder')}
        asOf={asOf}
        value={picked}
        onChange={add}
        error={errors.targets}
        data-testid="wizard-target-select"
      />
      {values.targets.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('wizard.noTargets')}
        </Text>
      ) : (
        <List spacing={4} data-testid="wizard-targets">
          {values.targets.map((unit) => (
            <List.Item key={unit.id} data-testid="wizard-target">
              <Group gap="xs" wrap="nowrap">
                <Text fz="sm">
                  {unit.name}{' '}
                  <Text span c="dimmed" ff="monospace" fz="xs">
                    {unit.code}
                  </Text>
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('wizard.removeTarget', { name: unit.name })}
                  onClick={() => set('targets', values.targets.filter((target) => target.id !== unit.id))}
                  data-testid="wizard-target-remove"
                >
                  ×
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function TeamStep({ values, set, errors }: StepProps) {
  const { t } = useTranslation('plans');
  const { user } = useAuth();
  const units = useUnitsById(todayInVietnam());
  const [unitId, setUnitId] = useState<string | undefined>();
  const [officialId, setOfficialId] = useState<string | null>(null);
  const { officials, loading } = useUnitOfficials(unitId);

  // The caller creates the plan and becomes its lead: offer them as lead from their own unit.
  const ownUnit = useMemo(() => [...units.values()].find((unit) => unit.code === user?.unitCode), [units, user?.unitCode]);
  const own = useUnitOfficials(ownUnit?.id);
  useEffect(() => {
    if (values.team.length > 0 || !user) return;
    const me = own.officials.find((official) => official.idpUsername === user.username);
    if (me && ownUnit) {
      set('team', [{ officialId: me.id, fullName: me.fullName, unitName: ownUnit.name, role: 'LEAD', idpUsername: me.idpUsername }]);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [own.officials, ownUnit]);

  const add = () => {
    const official = officials.find((o) => o.id === officialId);
    const unit = unitId ? units.get(unitId) : undefined;
    if (!official || !unit || values.team.some((member) => member.officialId === official.id)) return;
    const role = values.team.some((member) => member.role === 'LEAD') ? 'MEMBER' : 'LEAD';
    set('team', [...values.team, { officialId: official.id, fullName: official.fullName, unitName: unit.name, role, idpUsername: official.idpUsername }]);
    setOfficialId(null);
  };
  const lead = values.team.find((member) => member.role === 'LEAD')?.officialId ?? '';

  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        {t('wizard.help.team')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <UnitSelect
          label={t('wizard.teamUnit')}
          placeholder={t('wizard.teamUnitPlaceholder')}
          value={unitId}
          onChange={(next) => {
            setUnitId(next);
            setOfficialId(null);
          }}
          data-testid="wizard-team-unit"
        />
        <Select
          label={t('wizard.teamOfficial')}
          placeholder={unitId ? (loading ? t('wizard.loadingOfficials') : undefined) : t('wizard.pickUnitFirst')}
          data={officials
            .filter((official) => !values.team.some((member) => member.officialId === official.id))
            .map((official) => ({ value: official.id, label: `${official.fullName} · ${official.position}` }))}
          value={officialId}
          onChange={setOfficialId}
          searchable
          disabled={!unitId || loading}
          nothingFoundMessage={t('wizard.noOfficials')}
          data-testid="wizard-team-official"
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button variant="light" onClick={add} disabled={!officialId} data-testid="wizard-team-add">
          {t('wizard.addMember')}
        </Button>
      </Group>
      {values.team.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('wizard.noTeam')}
        </Text>
      ) : (
        <Radio.Group value={lead} onChange={(id) => set('team', withLead(values.team, id))} label={t('wizard.leadChoice')} description={t('wizard.leadChoiceHelp')}>
          <Stack gap={4} mt="xs" data-testid="wizard-team">
            {values.team.map((member) => (
              <Group key={member.officialId} gap="xs" wrap="nowrap" justify="space-between" data-testid="wizard-team-member">
                <Radio
                  value={member.officialId}
                  label={`${member.fullName} · ${member.unitName}`}
                  aria-label={t('wizard.makeLead', { name: member.fullName })}
                  data-testid="wizard-team-lead"
                />
                <Group gap={4} wrap="nowrap">
                  {member.role === 'LEAD' && (
                    <Badge size="sm" tt="none">
                      {t('detail.lead')}
                    </Badge>
                  )}
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('wizard.removeMember', { name: member.fullName })}
                    onClick={() => set('team', values.team.filter((m) => m.officialId !== member.officialId))}
                    data-testid="wizard-team-remove"
                  >
                    ×
                  </ActionIcon>
                </Group>
              </Group>
            ))}
          </Stack>
        </Radio.Group>
      )}
      {errors.team && (
        <Text c="red" fz="sm" data-testid="wizard-team-error">
          {errors.team}
        </Text>
      )}
    </Stack>
  );
}

function ReviewStep({ values, children }: { values: WizardValues; children: ReactNode }) {
  const { t, i18n } = useTranslation('plans');
  const date = (value: string) => (value ? formatDate(value, i18n.language) : t('detail.notSet'));
  const items = values.checklist.map((item) => item.trim()).filter(Boolean);
  return (
    <Stack gap="sm" data-testid="wizard-review">
      <Table variant="vertical" layout="fixed">
        <Table.Tbody>
          {(
            [
              [t('wizard.fields.number'), values.number.trim()],
              [t('wizard.fields.title'), values.title.trim()],
              [t('wizard.fields.issuingAuthority'), values.issuingAuthority.trim()],
              [t('wizard.fields.issueDate'), date(values.issueDate)],
              [t('detail.period'), `${date(values.periodFrom)} – ${date(values.periodTo)}`],
              [t('detail.selfReportDue'), date(values.selfReportDue)],
              [t('detail.fieldwork'), values.fieldworkFrom || values.fieldworkTo ? `${date(values.fieldworkFrom)} – ${date(values.fieldworkTo)}` : t('detail.notSet')],
              [t('detail.conclusionDue'), date(values.conclusionDue)],
            ] as const
          ).map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="40%">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4} size="h5">
        {t('detail.checklist')} ({items.length})
      </Title>
      <List type="ordered" size="sm">
        {items.map((item, index) => (
          <List.Item key={index}>{item}</List.Item>
        ))}
      </List>
      <Title order={4} size="h5">
        {t('detail.targets')} ({values.targets.length})
      </Title>
      <Text fz="sm" data-testid="wizard-review-targets">
        {values.targets.map((unit) => unit.name).join('; ')}
      </Text>
      <Title order={4} size="h5">
        {t('detail.team')} ({values.team.length})
      </Title>
      <List size="sm" data-testid="wizard-review-team">
        {values.team.map((member) => (
          <List.Item key={member.officialId}>
            {member.fullName} · {member.unitName}
            {member.role === 'LEAD' && ` (${t('detail.lead')})`}
          </List.Item>
        ))}
      </List>
      {children}
    </Stack>
  );
}
