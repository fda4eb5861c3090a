import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES, type PageSize } from '../lib/cursorPaging';
import { formatNumber } from '../lib/format';

export interface CursorPagerProps {
  totalCount: number;
  /** Rows on this page. */
  shown: number;
  page: number;
  pageSize: PageSize;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (size: PageSize) => void;
  busy?: boolean;
  /** The page sizes offered, when a list's rows cost too much for the largest. */
  sizes?: readonly PageSize[];
}

/** Previous / next over a cursor connection, the page size and how many rows there are in all. */
export function CursorPager(props: CursorPagerProps) {
  const { t, i18n } = useTranslation('common');
  const pages = Math.max(1, Math.ceil(props.totalCount / props.pageSize));
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" data-testid="total-count" aria-live="polite">
        {t('pager.summary', {
          shown: formatNumber(props.shown, i18n.language),
          total: formatNumber(props.totalCount, i18n.language),
          page: formatNumber(Math.min(props.page, pages), i18n.language),
          pages: formatNumber(pages, i18n.language),
        })}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <NativeSelect
          aria-label={t('pager.pageSize')}
          size="xs"
          value={String(props.pageSize)}
          data={(props.sizes ?? PAGE_SIZES).map((size) => ({ value: String(size), label: t('pager.perPage', { size }) }))}
          onChange={(event) => props.onPageSize(Number(event.currentTarget.value) as PageSize)}
        />
        <Button size="xs" variant="default" onClick={props.onPrevious} disabled={!props.hasPreviousPage || props.busy} data-testid="page-previous">
          {t('pager.previous')}
        </Button>
        <Button size="xs" variant="default" onClick={props.onNext} disabled={!props.hasNextPage || props.busy} data-testid="page-next">
          {t('pager.next')}
        </Button>
      </Group>
    </Group>
  );
}
