import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import DossierListPage, { DossierCountsQuery, DossierListQuery } from './DossierListPage';
import { listRow, unitHead } from './testFixtures';

const ORDER = [{ field: 'RECEIVED_AT', direction: 'DESC' }];

const page = (nodes: ReturnType<typeof listRow>[], totalCount: number, hasNextPage = false) => ({
  data: {
    dossiers: {
      __typename: 'DossierConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' },
      nodes,
    },
  },
});

const counts = (byStatus: Record<string, number>) => ({
  data: {
    dossierCountsByStatus: Object.entries(byStatus).map(([status, count]) => ({ __typename: 'DossierStatusCount', status, count })),
  },
});

/**
 * Apollo may send an identical request twice when React restarts a render on a busy machine; a server
 * would answer both, so the mocks do too. They still answer only the exact variables expected.
 */
const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));

const allCounts = { RECEIVED: 3, PROCESSING: 1204, SUPPLEMENT_REQUESTED: 12, RESOLVED: 40, RETURNED: 20000, REJECTED: 7, WITHDRAWN: 0 };

describe('DossierListPage', () => {
  it('shows progress, then a row per dossier with its link and badges, and status tabs with counts', async () => {
    renderWithProviders(<DossierListPage />, {
      auth: staticAuth(unitHead),
      mocks: repeatable([
        {
          request: { query: DossierListQuery, variables: { filter: {}, orderBy: ORDER, first: 20 } },
          result: page(
            [
              listRow(),
              listRow({ id: 'RG9zc2llcjoy', receiptCode: 'NA-QUYHOP-230416-000124', status: 'RESOLVED', late: true, overdue: false, applicant: null }),
            ],
            21266,
            true,
          ),
        },
        { request: { query: DossierCountsQuery, variables: { filter: {} } }, result: counts(allCounts) },
      ]),
    });

    expect(screen.getByRole('status')).toHaveTextContent('Đang tải danh sách hồ sơ');
    const rows = await screen.findAllByTestId('dossier-row');
    expect(rows).toHaveLength(2);

    const first = within(rows[0]!);
    expect(first.getByRole('link', { name: 'NA-QUYHOP-230415-000123' })).toHaveAttribute('href', '/dossiers/NA-QUYHOP-230415-000123');
    expect(first.getByText('Đang xử lý')).toBeInTheDocument();
    expect(first.getByTestId('badge-overdue')).toHaveTextContent('Quá hạn');
    expect(first.queryByTestId('badge-late')).not.toBeInTheDocument();
    expect(first.getByText('15/04/2023 09:30')).toBeInTheDocument();
    expect(first.getByText('06/05/2023')).toBeInTheDocument();

    const second = within(rows[1]!);
    expect(second.getByTestId('badge-late')).toHaveTextContent('Trễ hạn');
    expect(second.getByText('Không hiển thị')).toBeInTheDocument();

    expect(await screen.findByTestId('status-tab-PROCESSING')).toHaveTextContent('Đang xử lý 1.204');
    expect(screen.getByTestId('status-tab-RETURNED')).toHaveTextContent('Đã trả kết quả 20.000');
    expect(screen.getByTestId('status-tab-WITHDRAWN')).toHaveTextContent('0');
    expect(screen.getByTestId('status-tab-ALL')).toHaveTextContent('Tất cả 21.266');
    expect(screen.getByTestId('status-tab-ALL')).toHaveAttribute('aria-selected', 'true');

    expect(screen.getByTestId('total-count')).toHaveTextContent('Đang hiển thị 2 trong tổng số 21.266 · trang 1/1.064');
    expect(screen.getByTestId('page-next')).toBeEnabled();
    expect(screen.getByTestId('page-previous')).toBeDisabled();
    expect(screen.getByTestId('dossier-new')).toHaveAttribute('href', '/dossiers/new');
  });

  it('asks the server with the status of the chosen tab and the search text, once typing pauses', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<DossierListPage />, {
      auth: staticAuth(unitHead),
      mocks: repeatable([
        { request: { query: DossierListQuery, variables: { filter: {}, orderBy: ORDER, first: 20 } }, result: page([listRow()], 1) },
        { request: { query: DossierCountsQuery, variables: { filter: {} } }, result: counts(allCounts) },
        {
          request: { query: DossierListQuery, variables: { filter: { status: ['SUPPLEMENT_REQUESTED'] }, orderBy: ORDER, first: 20 } },
          result: page([listRow({ id: 'RG9zc2llcjoz', receiptCode: 'NA-QUYHOP-230420-000200', status: 'SUPPLEMENT_REQUESTED', overdue: false })], 1),
        },
        {
          request: { query: DossierListQuery, variables: { filter: { status: ['SUPPLEMENT_REQUESTED'], text: 'do luong' }, orderBy: ORDER, first: 20 } },
          result: page([], 0),
        },
        { request: { query: DossierCountsQuery, variables: { filter: { text: 'do luong' } } }, result: counts({ ...allCounts, SUPPLEMENT_REQUESTED: 0 }) },
      ]),
    });
    // The search waits for a pause in typing before it asks the server.

    await screen.findAllByTestId('dossier-row');
    await user.click(screen.getByTestId('status-tab-SUPPLEMENT_REQUESTED'));
    expect(await screen.findByRole('link', { name: 'NA-QUYHOP-230420-000200' })).toBeInTheDocument();
    expect(screen.getByTestId('status-tab-SUPPLEMENT_REQUESTED')).toHaveAttribute('aria-selected', 'true');

    await user.type(screen.getByTestId('dossier-search'), 'do luong');
    expect(await screen.findByTestId('dossier-empty')).toHaveTextContent('Không có hồ sơ nào khớp');
    await waitFor(() => expect(screen.getByTestId('status-tab-SUPPLEMENT_REQUESTED')).toHaveTextContent('Chờ bổ sung hồ sơ 0'));
  });

  it('explains in words when the list cannot be loaded', async () => {
    renderWithProviders(<DossierListPage />, {
      auth: staticAuth(unitHead),
      mocks: repeatable([
        { request: { query: DossierListQuery, variables: { filter: {}, orderBy: ORDER, first: 20 } }, error: new TypeError('Failed to fetch') },
        { request: { query: DossierCountsQuery, variables: { filter: {} } }, result: counts(allCounts) },
      ]),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Không kết nối được tới máy chủ.');
  });

  it('reads its filters from the link it was opened with', async () => {
    renderWithProviders(<DossierListPage />, {
      auth: staticAuth(unitHead),
      route: '/dossiers?status=RESOLVED&late=true&q=quy%20hop&sort=dueDate',
      mocks: repeatable([
        {
          request: {
            query: DossierListQuery,
            variables: { filter: { late: true, text: 'quy hop', status: ['RESOLVED'] }, orderBy: [{ field: 'DUE_DATE', direction: 'ASC' }], first: 20 },
          },
          result: page([listRow({ status: 'RESOLVED', late: true, overdue: false })], 1),
        },
        { request: { query: DossierCountsQuery, variables: { filter: { late: true, text: 'quy hop' } } }, result: counts(allCounts) },
      ]),
    });
    expect(await screen.findAllByTestId('dossier-row')).toHaveLength(1);
    expect(screen.getByTestId('dossier-search')).toHaveValue('quy hop');
    expect(screen.getByTestId('status-tab-RESOLVED')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('columnheader', { name: /Hạn trả kết quả/ })).toHaveAttribute('aria-sort', 'ascending');
  });
});
