import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import type { PlanDetailFieldsFragment } from '../../gql/graphql';
import { fieldName, type UserErrorLike } from '../../lib/apollo/userErrors';
import { useAuth } from '../../lib/auth/AuthContext';
import { PlanDetailQuery } from './PlanDetailPage';
import { HeaderStep, TargetsStep, TeamStep } from './PlanFormSteps';
import { planRole } from './planRole';
import { PlanStatusBadge } from './PlanStatusBadge';
import { planUserErrorText } from './planUserErrors';
import { planPath, safeDecode } from './planVocabulary';
import { HEADER_FIELDS, updateInput, validateStep, valuesOfPlan, type WizardStep, type WizardValues } from './planWizard';

export const PlanUpdateMutation = graphql(`
  mutation PlanUpdate($input: InspectionPlanUpdateInput!) {
    inspectionPlanUpdate(input: $input) {
      inspectionPlan {
        ...PlanDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const PlanEditTargetsMutation = graphql(`
  mutation PlanEditTargets($input: InspectionPlanSetTargetsInput!) {
    inspectionPlanSetTargets(input: $input) {
      inspectionPlan {
        ...PlanDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const PlanEditTeamMutation = graphql(`
  mutation PlanEditTeam($input: InspectionPlanSetTeamInput!) {
    inspectionPlanSetTeam(input: $input) {
      inspectionPlan {
        ...PlanDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** Edits a DRAFT plan (its team): header, dates and checklist, targets, team, each saved on its own with the version read. */
export default function PlanEditPage() {
  const { t } = useTranslation(['plans', 'common']);
  const number = safeDecode(useParams().number ?? '');
  const { user } = useAuth();
  useDocumentTitle(t('edit.documentTitle', { number }));
  const { data, loading, error, refetch } = useQuery(PlanDetailQuery, { variables: { number }, fetchPolicy: 'cache-and-network' });
  // Bumped on "reload": the form starts again from the plan as stored now.
  const [generation, setGeneration] = useState(0);
  const plan = data?.inspectionPlan;

  if (loading && !data) return <Loading label={t('detail.loading')} />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;

  const back = (
    <Anchor component={Link} to={plan ? planPath(plan.number) : '/plans'} fz="sm">
      ← {plan ? t('edit.backToPlan', { number: plan.number }) : t('detail.back')}
    </Anchor>
  );
  if (!plan) {
    return (
      <Stack gap="md">
        {back}
        <Alert color="yellow" data-testid="plan-not-found">
          {t('detail.notFound', { number })}
        </Alert>
      </Stack>
    );
  }
  const role = planRole(plan, user);
  if (plan.status !== 'DRAFT' || !role.isMember) {
    return (
      <Stack gap="md">
        {back}
        <Alert color="yellow" data-testid="plan-edit-refused">
          {t(plan.status !== 'DRAFT' ? 'edit.notDraft' : 'edit.notMember')}
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={960}>
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={2}>{t('edit.title', { number: plan.number })}</Title>
          <Text c="dimmed" fz="sm">
            {t('edit.intro')}
          </Text>
        </Stack>
        <PlanStatusBadge status={plan.status} />
      </Group>
      <PlanEditForm
        key={`${plan.id}-${generation}`}
        plan={plan}
        onReload={async () => {
          await refetch();
          setGeneration((value) => value + 1);
        }}
      />
    </Stack>
  );
}

type Section = Exclude<WizardStep, 'review'>;

interface SectionErrors {
  fields: Record<string, string>;
  form: string[];
}

const NO_ERRORS: SectionErrors = { fields: {}, form: [] };

/** Which input a userError of a section belongs to: header fields and checklist items, the target list, the team. */
function inputOf(section: Section, name: string | null): string | null {
  if (!name) return null;
  if (section === 'header') return (HEADER_FIELDS as readonly string[]).includes(name) || /^checklist(\.\d+)?$/.test(name) ? name : null;
  if (section === 'targets') return name.startsWith('unitIds') ? 'targets' : null;
  return name.startsWith('members') ? 'team' : null;
}

function PlanEditForm({ plan, onReload }: { plan: PlanDetailFieldsFragment; onReload: () => Promise<void> }) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const { user } = useAuth();
  const [values, setValues] = useState<WizardValues>(() => valuesOfPlan(plan));
  const [errors, setErrors] = useState<Record<Section, SectionErrors>>({ header: NO_ERRORS, targets: NO_ERRORS, team: NO_ERRORS });
  const [saved, setSaved] = useState<Section | null>(null);
  const [concurrent, setConcurrent] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [update, updating] = useMutation(PlanUpdateMutation);
  const [setTargets, settingTargets] = useMutation(PlanEditTargetsMutation);
  const [setTeam, settingTeam] = useMutation(PlanEditTeamMutation);
  const set = <K extends keyof WizardValues>(key: K, value: WizardValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const describe = (error: UserErrorLike) => planUserErrorText(error, t, (key) => i18n.exists(key));
  const showErrors = (section: Section, next: SectionErrors) => setErrors((current) => ({ ...current, [section]: next }));

  /** Checks a section, sends it and shows what the server answers; true when saved. */
  const save = async (section: Section, send: () => Promise<{ inspectionPlan?: unknown; userErrors: readonly UserErrorLike[] } | undefined>) => {
    setSaved(null);
    setFailure(null);
    const invalid = validateStep(section, values);
    if (Object.keys(invalid).length > 0) {
      showErrors(section, { fields: Object.fromEntries(Object.entries(invalid).map(([name, key]) => [name, t(key)])), form: [] });
      return;
    }
    showErrors(section, NO_ERRORS);
    try {
      const payload = await send();
      const userErrors = payload?.userErrors ?? [];
      if (userErrors.some((error) => error.code === 'CONCURRENT_MODIFICATION')) {
        setConcurrent(true);
        return;
      }
      if (userErrors.length > 0 || !payload?.inspectionPlan) {
        const result: SectionErrors = { fields: {}, form: [] };
        for (const error of userErrors) {
          const input = inputOf(section, fieldName(error.field));
          if (input) result.fields[input] = result.fields[input] ? `${result.fields[input]} ${describe(error)}` : describe(error);
          else result.form.push(describe(error));
        }
        showErrors(section, result);
        return;
      }
      setSaved(section);
    } catch (error) {
      setFailure(error);
    }
  };

  const saveHeader = () =>
    save('header', async () => (await update({ variables: { input: updateInput(plan.id, plan.version, values) } })).data?.inspectionPlanUpdate);
  const saveTargets = () =>
    save('targets', async () => (await setTargets({ variables: { input: { planId: plan.id, version: plan.version, unitIds: values.targets.map((unit) => unit.id) } } })).data?.inspectionPlanSetTargets);
  const saveTeam = () =>
    save('team', async () => {
      const members = values.team.map((member) => ({ officialId: member.officialId, role: member.role }));
      return (await setTeam({ variables: { input: { planId: plan.id, version: plan.version, members } } })).data?.inspectionPlanSetTeam;
    });
  // Leaving the team takes the plan out of the caller's sight: ask first.
  const callerStays = values.team.some((member) => member.idpUsername != null && member.idpUsername === user?.username);

  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  };

  return (
    <Stack gap="md">
      {concurrent && (
        <Alert color="orange" role="alert" title={t('edit.concurrentTitle')} data-testid="concurrent-modification">
          <Stack gap="xs" align="flex-start">
            <Text fz="sm">{t('edit.concurrent')}</Text>
            <Button size="xs" variant="light" onClick={() => void reload()} loading={reloading} data-testid="edit-reload">
              {t('edit.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {failure != null && <ErrorMessage error={failure} />}

      <EditSection
        section="header"
        title={t('edit.sections.header')}
        errors={errors.header}
        saved={saved === 'header'}
        saving={updating.loading}
        onSave={() => void saveHeader()}
      >
        <HeaderStep values={values} set={set} errors={errors.header.fields} locked={false} numberLocked />
      </EditSection>
      <EditSection
        section="targets"
        title={t('edit.sections.targets')}
        errors={errors.targets}
        saved={saved === 'targets'}
        saving={settingTargets.loading}
        onSave={() => void saveTargets()}
      >
        <TargetsStep values={values} set={set} errors={errors.targets.fields} />
      </EditSection>
      <EditSection
        section="team"
        title={t('edit.sections.team')}
        errors={errors.team}
        saved={saved === 'team'}
        saving={settingTeam.loading}
        onSave={() => (callerStays ? void saveTeam() : setConfirmLeave(true))}
      >
        <TeamStep values={values} set={set} errors={errors.team.fields} />
      </EditSection>

      <Modal opened={confirmLeave} onClose={() => setConfirmLeave(false)} title={t('edit.leaveTitle')} centered>
        <Text fz="sm">{t('edit.leaveText')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirmLeave(false)}>
            {t('common:cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirmLeave(false);
              void saveTeam();
            }}
            data-testid="edit-leave-confirm"
          >
            {t('edit.leaveConfirm')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

function EditSection({
  section,
  title,
  errors,
  saved,
  saving,
  onSave,
  children,
}: {
  section: Section;
  title: string;
  errors: SectionErrors;
  saved: boolean;
  saving: boolean;
  onSave: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('plans');
  return (
    <Card withBorder data-testid={`edit-section-${section}`}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
      {errors.form.length > 0 && (
        <Alert color="red" variant="light" mt="sm" data-testid={`edit-errors-${section}`}>
          <List size="sm">
            {errors.form.map((message, index) => (
              <List.Item key={index}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="flex-end" mt="md" gap="sm">
        {saved && (
          <Text c="teal" fz="sm" role="status" data-testid={`edit-saved-${section}`}>
            {t('edit.saved')}
          </Text>
        )}
        <Button onClick={onSave} loading={saving} data-testid={`edit-save-${section}`}>
          {t(`edit.save.${section}`)}
        </Button>
      </Group>
    </Card>
  );
}
