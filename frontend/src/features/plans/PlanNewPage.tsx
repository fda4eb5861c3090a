import { useApolloClient } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import { fieldName, type UserErrorLike } from '../../lib/apollo/userErrors';
import { useAuth } from '../../lib/auth/AuthContext';
import { formatDate, todayInVietnam } from '../../lib/format';
import { planUserErrorText } from './planUserErrors';
import { planPath } from './planVocabulary';
import {
  createInput,
  firstInvalidStep,
  HEADER_FIELDS,
  validateStep,
  WIZARD_STEPS,
  type WizardStep,
  type WizardValues,
} from './planWizard';
import { HeaderStep, TargetsStep, TeamStep } from './PlanFormSteps';

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
