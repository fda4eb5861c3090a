import { Badge, Button, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorBand, IndicatorNoDataReason } from '../../gql/graphql';
import { downloadText, toCsv } from '../../lib/csv';
import { todayInVietnam } from '../../lib/format';
import { BAND_COLOURS } from './indicatorFormat';

/** Badges in narrow table cells keep their whole word instead of an ellipsis. */
const WHOLE_LABEL = { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } } as const;

/** "No data", with why, where an indicator cannot be computed: never a 0 % or 100 %. */
export function NoDataBadge({ reason }: { reason: IndicatorNoDataReason | null | undefined }) {
  const { t } = useTranslation('indicators');
  return (
    <Tooltip label={t(`noDataReason.${reason ?? 'ZERO_DENOMINATOR'}`)} multiline w={260} withArrow>
      <Badge color="gray" variant="outline" radius="sm" tt="none" styles={WHOLE_LABEL} data-testid="indicator-nodata" data-reason={reason ?? undefined}>
        {t('noData')}
      </Badge>
    </Tooltip>
  );
}

/** The band in words, in its colour. */
export function BandBadge({ band, size = 'md' }: { band: IndicatorBand; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('indicators');
  return (
    <Badge color={BAND_COLOURS[band]} variant="light" radius="sm" tt="none" size={size} styles={WHOLE_LABEL} data-testid="band" data-band={band}>
      {t(`band.${band}`)}
    </Badge>
  );
}

/** A table as a CSV file named `<name>-<today>.csv`. */
export function ExportCsvButton({
  name,
  header,
  rows,
  testId,
}: {
  name: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  testId: string;
}) {
  const { t } = useTranslation('indicators');
  return (
    <Button
      variant="default"
      size="xs"
      disabled={rows.length === 0}
      onClick={() => downloadText(`${name}-${todayInVietnam()}.csv`, toCsv(header, rows))}
      data-testid={testId}
    >
      {t('exportCsv')}
    </Button>
  );
}
