import { Badge, Button, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { IndicatorBand, IndicatorNoDataReason } from '../../gql/graphql';
import { saveBlob } from '../../lib/download';
import { formatNumber, todayInVietnam } from '../../lib/format';
import { BAND_COLOURS } from './indicatorFormat';
import { EXPORT_FORMATS, exportFile, type ExportFormat, type ExportTable } from './tableExport';

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

/** What an export control exports: a table at hand, or one it loads first (every page of a paged list). */
export type ExportSource =
  | { table: ExportTable }
  | { load: (onProgress: (loaded: number, total: number) => void) => Promise<{ table: ExportTable; totalCount: number; capped: boolean }> };

/**
 * Buttons saving a table as `<name>-<today>.csv` or `<name>-<today>.xlsx`. A paged list is loaded
 * whole first, with its progress shown, and the reader is told when the row cap cut it short.
 */
export function ExportButtons({ name, testId, disabled = false, ...source }: { name: string; testId: string; disabled?: boolean } & ExportSource) {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const language = i18n.language;
  const [progress, setProgress] = useState<{ format: ExportFormat; loaded: number; total: number }>();
  const [capped, setCapped] = useState<{ rows: number; total: number }>();
  const [failure, setFailure] = useState<unknown>();
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const empty = 'table' in source && source.table.rows.length === 0;

  const run = async (format: ExportFormat) => {
    setFailure(undefined);
    setCapped(undefined);
    try {
      let table: ExportTable;
      if ('table' in source) {
        table = source.table;
      } else {
        setProgress({ format, loaded: 0, total: 0 });
        const loaded = await source.load((done, total) => alive.current && setProgress({ format, loaded: done, total }));
        if (!alive.current) return;
        table = loaded.table;
        if (loaded.capped) setCapped({ rows: loaded.table.rows.length, total: loaded.totalCount });
      }
      const file = exportFile(table, name, format, language, todayInVietnam());
      saveBlob(file.filename, file.blob);
    } catch (error) {
      if (alive.current) setFailure(error);
    } finally {
      if (alive.current) setProgress(undefined);
    }
  };

  return (
    <Stack gap={4} align="flex-end" data-testid={testId}>
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('export.label')}
        </Text>
        {EXPORT_FORMATS.map((format) => (
          <Button
            key={format}
            variant="default"
            size="xs"
            disabled={disabled || empty || progress !== undefined}
            loading={progress?.format === format}
            onClick={() => void run(format)}
            aria-label={t(`export.${format}Label`)}
            data-testid={`${testId}-${format}`}
          >
            {t(`export.${format}`)}
          </Button>
        ))}
      </Group>
      {progress && (
        <Stack gap={2} w={220} data-testid={`${testId}-progress`}>
          <Progress value={progress.total > 0 ? (progress.loaded / progress.total) * 100 : 0} size="xs" aria-label={t('export.loading')} />
          <Text size="xs" c="dimmed" aria-live="polite">
            {t('export.progress', { loaded: formatNumber(progress.loaded, language), total: formatNumber(progress.total, language) })}
          </Text>
        </Stack>
      )}
      {capped && (
        <Text size="xs" c="orange.8" role="status" data-testid={`${testId}-capped`}>
          {t('export.capped', { rows: formatNumber(capped.rows, language), total: formatNumber(capped.total, language) })}
        </Text>
      )}
      {failure !== undefined && <ErrorMessage error={failure} />}
    </Stack>
  );
}
