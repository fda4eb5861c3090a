import { useQuery } from '@apollo/client/react';
import { Select, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql/gql';
import type { PickedProcedure } from './selfReportForm';

export const ProcedurePickerQuery = graphql(`
  query ProcedurePicker($unitId: ID!, $text: String) {
    procedures(filter: { unit: $unitId, text: $text }, first: 20) {
      nodes {
        id
        nationalCode
        name
      }
    }
  }
`);

/** The server already matched the text (ignoring diacritics); show what it found. */
const keepAll: OptionsFilter = ({ options }) => options;

const label = (procedure: PickedProcedure) => `${procedure.nationalCode} – ${procedure.name}`;

/** Picks a procedure of the unit's catalogue by code or name, searched on the server. */
export function ProcedurePicker({
  unitId,
  value,
  onChange,
  error,
  'data-testid': testId,
}: {
  unitId: string;
  value: PickedProcedure | null;
  onChange: (procedure: PickedProcedure | null) => void;
  error?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation('inspections');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // Once picked, the search box shows the picked label: do not search for it.
  const text = value && debounced === label(value) ? '' : debounced.trim();
  const { data, loading } = useQuery(ProcedurePickerQuery, { variables: { unitId, text: text || null } });
  const found = data?.procedures.nodes;
  const options = useMemo(() => {
    const list: PickedProcedure[] = [...(found ?? [])];
    if (value && !list.some((procedure) => procedure.id === value.id)) list.unshift(value);
    return list;
  }, [found, value]);

  return (
    <Select
      label={t('report.procedure')}
      placeholder={t('report.procedurePlaceholder')}
      required
      searchable
      clearable
      filter={keepAll}
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((procedure) => ({ value: procedure.id, label: label(procedure) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((procedure) => procedure.id === id) ?? null)}
      nothingFoundMessage={loading ? t('report.procedureSearching') : t('report.procedureNothing')}
      error={error}
      maxDropdownHeight={280}
      data-testid={testId}
    />
  );
}
