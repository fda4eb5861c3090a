import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import { inspector } from '../dossiers/testFixtures';
import { PlanDetailQuery } from './PlanDetailPage';
import { PlanListQuery } from './PlanListPage';
import { PLAN_NUMBER, planDetail, planRow } from './testFixtures';

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));

const detailMock = (plan = planDetail()) => ({
  request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } },
  result: { data: { inspectionPlan: plan } },
});

const figures = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

describe('PlanDetailPage', () => {
  it('decodes the number from the URL and shows facts, checklist, targets, the team with its lead and the statistics', async () => {
    renderWithProviders(<AppRoutes />, { route: '/plans/2960%2FKH-TTCP', auth: staticAuth(inspector), mocks: repeatable([detailMock()]) });

    expect(await screen.findByRole('heading', { name: PLAN_NUMBER })).toBeInTheDocument();
    const facts = screen.getByTestId('plan-facts');
    expect(facts).toHaveTextContent('Thanh tra tỉnh Nghệ An');
    expect(facts).toHaveTextContent('01/03/2024');
    expect(facts).toHaveTextContent('01/01/2023 – 31/12/2023');
    expect(facts).toHaveTextContent('30/06/2024');
    expect(screen.getByTestId('plan-status')).toHaveTextContent('Đang thanh tra');

    const checklist = within(screen.getByTestId('plan-checklist')).getAllByRole('listitem');
    expect(checklist.map((item) => item.textContent)).toEqual(['Công khai thủ tục hành chính', 'Giải quyết hồ sơ đúng hạn']);
    expect(screen.getByTestId('plan-targets')).toHaveTextContent('Ủy ban nhân dân huyện Con Cuông');

    const team = screen.getAllByTestId('plan-team-member');
    expect(team).toHaveLength(2);
    expect(within(team[0]!).getByTestId('plan-lead')).toHaveTextContent('Trưởng đoàn');
    expect(team[0]).toHaveTextContent('Nguyễn Văn An');
    expect(within(team[1]!).queryByTestId('plan-lead')).not.toBeInTheDocument();

    const table = screen.getByTestId('plan-statistics');
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual([
      'Đơn vị',
      'Tiếp nhận trực tiếp',
      'Tiếp nhận trực tuyến',
      'Tiếp nhận qua bưu chính',
      'Kỳ trước chuyển sang',
      'Giải quyết đúng hạn',
      'Giải quyết quá hạn',
      'Quá hạn không có văn bản xin lỗi',
      'Từ chối',
      'Rút hồ sơ',
      'Đang giải quyết trong hạn',
      'Đang giải quyết quá hạn',
    ]);
    const rows = within(table).getAllByTestId('plan-statistics-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Ủy ban nhân dân huyện Quỳ Hợp');
    expect(figures(rows[0]!)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(figures(rows[1]!)).toEqual(['1.001', '1.002', '1.003', '1.004', '1.005', '1.006', '1.007', '1.008', '1.009', '1.010', '1.011']);

    const totals = screen.getByTestId('plan-totals');
    expect(within(totals).getByRole('rowheader')).toHaveTextContent('Tổng cộng');
    expect(figures(totals)).toEqual(['1.001', '1.002', '1.003', '1.004', '1.005', '1.006', '1.007', '1.008', '1.009', '1.010', '1.011']);
    expect(screen.getByText(/tính trực tiếp từ hồ sơ/)).toBeInTheDocument();
    expect(screen.getByTestId('plan-statistics-export')).toBeEnabled();
  });

  it('follows a list link to the plan whose number holds a slash', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, {
      route: '/plans',
      auth: staticAuth(inspector),
      mocks: repeatable([
        {
          request: { query: PlanListQuery, variables: { filter: {}, first: 20 } },
          result: {
            data: {
              inspectionPlans: {
                __typename: 'InspectionPlanConnection',
                totalCount: 1,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c1' },
                nodes: [planRow()],
              },
            },
          },
        },
        detailMock(),
      ]),
    });

    await user.click(await screen.findByRole('link', { name: PLAN_NUMBER }));
    expect(await screen.findByRole('heading', { name: PLAN_NUMBER })).toBeInTheDocument();
    expect(screen.getAllByTestId('plan-statistics-row')).toHaveLength(2);
  });

  it('says so when the plan is missing or not visible, and shows no statistics without a period', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/plans/2960%2FKH-TTCP',
      auth: staticAuth(inspector),
      mocks: repeatable([{ request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: null } } }]),
    });
    expect(await screen.findByTestId('plan-not-found')).toHaveTextContent('Không tìm thấy kế hoạch 2960/KH-TTCP');
  });

  it('shows an explanation instead of the table when the period is not set', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/plans/2960%2FKH-TTCP',
      auth: staticAuth(inspector),
      mocks: repeatable([detailMock(planDetail({ periodFrom: null, periodTo: null, statistics: [], totals: null }))]),
    });
    expect(await screen.findByTestId('plan-statistics-empty')).toHaveTextContent('Chưa có số liệu');
    expect(screen.queryByTestId('plan-statistics')).not.toBeInTheDocument();
    expect(screen.getByTestId('plan-statistics-export')).toBeDisabled();
  });
});
