import { useQuery } from '@apollo/client/react';
import { ActionIcon, Badge, Button, Group, List, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitSelect, UnitSelectTreeQuery } from '../../components/UnitSelect';
import { useAuth } from '../../lib/auth/AuthContext';
import { todayInVietnam } from '../../lib/format';
import { DATE_FIELDS, moveItem, withLead, type WizardValues } from './planWizard';
import { useUnitOfficials } from './unitOfficials';

/*
 * The steps of a plan's form, shared by the creation wizard and the editing of a DRAFT plan:
 * header and checklist, target units, team.
 */

export interface StepProps {
  values: WizardValues;
  set: <K extends keyof WizardValues>(key: K, value: WizardValues[K]) => void;
  errors: Record<string, string>;
}

/** The header, dates and checklist; `locked` makes it all read-only, `numberLocked` only the number (it cannot change once created). */
export function HeaderStep({ values, set, errors, locked, numberLocked = false }: StepProps & { locked: boolean; numberLocked?: boolean }) {
  const { t } = useTranslation('plans');
  const text = (field: 'number' | 'title' | 'issuingAuthority', required = true) => (
    <TextInput
      label={t(`wizard.fields.${field}`)}
      description={field === 'number' && numberLocked ? t('edit.numberFixed') : t(`wizard.help.${field}`)}
      required={required}
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={errors[field]}
      readOnly={locked || (field === 'number' && numberLocked)}
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

export function TargetsStep({ values, set, errors }: StepProps) {
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

export function TeamStep({ values, set, errors }: StepProps) {
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

