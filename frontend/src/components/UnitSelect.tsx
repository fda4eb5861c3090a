import { useQuery } from '@apollo/client/react';
import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql/gql';
import { todayInVietnam } from '../lib/format';
import { foldDiacritics } from '../lib/text';

export const UnitSelectTreeQuery = graphql(`
  query UnitSelectTree($asOf: Date) {
    unitTree(asOf: $asOf) {
      depth
      unit {
        id
        code
        name
      }
    }
  }
`);

export interface UnitSelectProps {
  label: string;
  value: string | undefined;
  onChange: (unitId: string | undefined) => void;
  placeholder?: string;
  description?: string;
  error?: string;
  required?: boolean;
  /** The tree as it stands on this date; today when omitted. */
  asOf?: string;
  'data-testid'?: string;
}

/** Matches name or code, ignoring case and diacritics ("do luong" finds "Đô Lương"). */
const filterUnits: OptionsFilter = ({ options, search }) => {
  const wanted = foldDiacritics(search.trim());
  if (!wanted) return options;
  return (options as ComboboxItem[]).filter((option) => foldDiacritics(option.label).includes(wanted));
};

/** Picks a unit from the tree the caller may see, indented by depth. */
export function UnitSelect({ label, value, onChange, placeholder, description, error, required, asOf, ...rest }: UnitSelectProps) {
  const { t } = useTranslation('common');
  const { data, loading, error: loadError } = useQuery(UnitSelectTreeQuery, { variables: { asOf: asOf ?? todayInVietnam() } });
  const options = useMemo(
    () =>
      (data?.unitTree ?? []).map(({ depth, unit }) => ({
        value: unit.id,
        label: `${'\u00a0\u00a0'.repeat(depth)}${unit.name} (${unit.code})`,
      })),
    [data],
  );
  return (
    <Select
      label={label}
      description={description}
      placeholder={loading ? t('unitSelect.loading') : (placeholder ?? t('unitSelect.placeholder'))}
      data={options}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      searchable
      clearable
      filter={filterUnits}
      nothingFoundMessage={t('unitSelect.nothingFound')}
      error={error ?? (loadError ? t('unitSelect.loadError') : undefined)}
      required={required}
      disabled={loading && !data}
      maxDropdownHeight={320}
      {...rest}
    />
  );
}
