import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import PublicDelaysPage, { PublishedDelayListsQuery, publicDelaysFilter } from './PublicDelaysPage';
import { delayList } from './testFixtures';

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));

const published = delayList({ status: 'PUBLISHED', publishedAt: '2025-06-02T03:00:00Z', publishedBy: 'Trần Văn Bình' });
const page = (variables: object, nodes: object[], hasNextPage = false) => ({
  request: { query: PublishedDelayListsQuery, variables: { unitCode: null, year: null, first: 10, after: null, ...variables } },
  result: {
    data: {
      publishedDelayLists: {
        __typename: 'DelayListConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: 'c1' },
        nodes,
      },
    },
  },
});

describe('PublicDelaysPage', () => {
  it('shows published lists to a visitor who is not logged in, through the app’s routes', async () => {
    renderWithProviders(<AppRoutes />, { route: '/public/delays', auth: staticAuth(null), mocks: repeatable([page({}, [published])]) });

    const list = await screen.findByTestId('public-list');
    expect(within(list).getByTestId('delays-status')).toHaveTextContent('Đã công khai');
    expect(within(list).getByTestId('delays-published')).toHaveTextContent('Phê duyệt bởi Trần Văn Bình lúc 02/06/2025 10:00');
    expect(within(list).getByText('Sở Y tế · tháng 05/2025')).toBeInTheDocument();
    const row = within(list).getByTestId('delays-row');
    expect(row).toHaveTextContent('Hoàng Thị Mai');
    expect(row).toHaveTextContent('1.001234 Cấp giấy phép hành nghề: 2 hồ sơ');
    expect(screen.getByTestId('public-total')).toHaveTextContent('1 danh sách đã công khai');
    expect(screen.getByTestId('login')).toBeInTheDocument();
  });

  it('filters by year through the URL', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PublicDelaysPage />, {
      route: '/public/delays',
      mocks: repeatable([page({}, [published]), page({ year: 2024 }, [])]),
    });
    await screen.findByTestId('public-list');
    await user.selectOptions(screen.getByTestId('public-year'), '2024');
    await waitFor(() => expect(screen.getByTestId('public-total')).toHaveTextContent('0 danh sách'));
    expect(screen.queryByTestId('public-list')).not.toBeInTheDocument();
  });

  it('reads the unit code and year from the URL, ignoring a malformed year', () => {
    expect(publicDelaysFilter(new URLSearchParams('unit=na-syt&year=2025'))).toEqual({ unitCode: 'NA-SYT', year: 2025 });
    expect(publicDelaysFilter(new URLSearchParams('year=20x5'))).toEqual({ unitCode: null, year: null });
  });

  it('keeps the dashboard from visitors and citizens', async () => {
    renderWithProviders(<AppRoutes />, { route: '/dashboard', auth: staticAuth({ username: 'c', displayName: 'C', roles: ['citizen'] }) });
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này.');
  });
});
