import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import { inspector } from '../dossiers/testFixtures';
import PlanListPage, { PlanListQuery } from './PlanListPage';
import { planRow } from './testFixtures';

const page = (nodes: ReturnType<typeof planRow>[], totalCount: number) => ({
  data: {
    inspectionPlans: {
      __typename: 'InspectionPlanConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' },
      nodes,
    },
  },
});

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));

describe('PlanListPage', () => {
  it('shows a row per plan with its encoded link, period, translated status and number of targets', async () => {
    renderWithProviders(<PlanListPage />, {
      auth: staticAuth(inspector),
      mocks: repeatable([
        {
          request: { query: PlanListQuery, variables: { filter: {}, first: 20 } },
          result: page(
            [
              planRow(),
              planRow({ id: 'SW5zcGVjdGlvblBsYW46Mg==', number: '15/KH-TTT', title: 'Kế hoạch nháp', status: 'DRAFT', periodFrom: null, periodTo: null, targets: [] }),
            ],
            2,
          ),
        },
      ]),
    });

    expect(screen.getByRole('status')).toHaveTextContent('Đang tải danh sách kế hoạch');
    const rows = await screen.findAllByTestId('plan-row');
    expect(rows).toHaveLength(2);

    const first = within(rows[0]!);
    expect(first.getByTestId('plan-number')).toHaveTextContent('2960/KH-TTCP');
    expect(first.getByRole('link', { name: '2960/KH-TTCP' })).toHaveAttribute('href', '/plans/2960%2FKH-TTCP');
    expect(first.getByText('01/01/2023 – 31/12/2023')).toBeInTheDocument();
    expect(first.getByTestId('plan-status')).toHaveTextContent('Đang thanh tra');
    expect(rows[0]!.lastElementChild).toHaveTextContent('2');

    const second = within(rows[1]!);
    expect(second.getByTestId('plan-status')).toHaveTextContent('Dự thảo');
    expect(rows[1]!.lastElementChild).toHaveTextContent('0');

    expect(screen.getByTestId('total-count')).toHaveTextContent('Đang hiển thị 2 trong tổng số 2');
    expect(screen.queryByTestId('plan-empty')).not.toBeInTheDocument();
  });

  it('tells an inspector on no team that there is nothing to see', async () => {
    renderWithProviders(<PlanListPage />, {
      auth: staticAuth(inspector),
      mocks: repeatable([{ request: { query: PlanListQuery, variables: { filter: {}, first: 20 } }, result: page([], 0) }]),
    });

    expect(await screen.findByTestId('plan-empty')).toHaveTextContent('Bạn chưa thuộc đoàn thanh tra nào');
    expect(screen.queryAllByTestId('plan-row')).toHaveLength(0);
    expect(screen.queryByTestId('total-count')).not.toBeInTheDocument();
  });

  it('takes the status and search from the URL into the query', async () => {
    renderWithProviders(<PlanListPage />, {
      route: '/plans?status=CONCLUDED&q=2960',
      auth: staticAuth(inspector),
      mocks: repeatable([
        {
          request: { query: PlanListQuery, variables: { filter: { status: ['CONCLUDED'], text: '2960' }, first: 20 } },
          result: page([planRow({ status: 'CONCLUDED' })], 1),
        },
      ]),
    });

    const rows = await screen.findAllByTestId('plan-row');
    expect(rows).toHaveLength(1);
    expect(within(rows[0]!).getByTestId('plan-status')).toHaveTextContent('Đã kết luận');
    expect(screen.getByTestId('plan-search')).toHaveValue('2960');
  });
});
