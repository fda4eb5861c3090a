import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { UnitSelectTreeQuery } from '../../components/UnitSelect';
import { staticAuth } from '../../lib/auth/staticAuth';
import { todayInVietnam } from '../../lib/format';
import { renderWithProviders } from '../../test/render';
import { PlanDetailQuery } from './PlanDetailPage';
import { PlanEditTargetsMutation, PlanEditTeamMutation, PlanUpdateMutation } from './PlanEditPage';
import { outsider, CON_CUONG, INSPECTORATE, member, PLAN_ID, PLAN_NUMBER, planDetail, QUY_HOP } from './testFixtures';
import { PlanUnitOfficialsQuery } from './unitOfficials';

/** Many form interactions: give a busy build machine time. */
const SLOW = 45_000;

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));
const tree = (units: object[]) => ({ data: { unitTree: units.map((unit, index) => ({ __typename: 'UnitTreeEntry', depth: index === 0 ? 0 : 1, unit })) } });

const draft = planDetail({ status: 'DRAFT' });

const pageMocks = (plan = draft) =>
  repeatable([
    { request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: plan } } },
    { request: { query: UnitSelectTreeQuery, variables: { asOf: '2023-12-31' } }, result: tree([INSPECTORATE, QUY_HOP, CON_CUONG]) },
    { request: { query: UnitSelectTreeQuery, variables: { asOf: todayInVietnam() } }, result: tree([INSPECTORATE]) },
    { request: { query: PlanUnitOfficialsQuery, variables: { unitId: INSPECTORATE.id } }, result: { data: { node: { __typename: 'Unit', id: INSPECTORATE.id, officials: [] } } } },
  ]);

const payload = (field: string, plan: object | null, userErrors: object[] = []) => ({
  data: { [field]: { __typename: 'InspectionPlanPayload', inspectionPlan: plan, userErrors } },
});

/** What the draft holds, as the update sends it back with a new title. */
const headerInput = (version: number, title: string) => ({
  planId: PLAN_ID,
  version,
  title,
  issuingAuthority: 'Thanh tra tỉnh Nghệ An',
  checklist: ['Công khai thủ tục hành chính', 'Giải quyết hồ sơ đúng hạn'],
  issueDate: '2024-03-01',
  periodFrom: '2023-01-01',
  periodTo: '2023-12-31',
  selfReportDue: '2024-03-20',
  fieldworkFrom: '2024-04-01',
  fieldworkTo: '2024-04-30',
  conclusionDue: '2024-06-30',
});

describe('Editing a DRAFT plan', () => {
  it('offers "Edit" on the overview only to team members of a DRAFT plan', async () => {
    const first = renderWithProviders(<AppRoutes />, { route: '/plans/2960%2FKH-TTCP', auth: staticAuth(member), mocks: pageMocks() });
    expect(await screen.findByTestId('plan-edit')).toHaveAttribute('href', '/plans/2960%2FKH-TTCP/edit');
    first.unmount();

    const inProgress = renderWithProviders(<AppRoutes />, {
      route: '/plans/2960%2FKH-TTCP',
      auth: staticAuth(member),
      mocks: pageMocks(planDetail({ status: 'IN_PROGRESS' })),
    });
    await screen.findByTestId('plan-facts');
    expect(screen.queryByTestId('plan-edit')).not.toBeInTheDocument();
    inProgress.unmount();

    renderWithProviders(<AppRoutes />, { route: '/plans/2960%2FKH-TTCP', auth: staticAuth(outsider), mocks: pageMocks() });
    await screen.findByTestId('plan-facts');
    expect(screen.queryByTestId('plan-edit')).not.toBeInTheDocument();
  });

  it('refuses to edit a plan that is no longer a draft', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/plans/2960%2FKH-TTCP/edit',
      auth: staticAuth(member),
      mocks: pageMocks(planDetail({ status: 'APPROVED' })),
    });
    expect(await screen.findByTestId('plan-edit-refused')).toHaveTextContent('Chỉ sửa được kế hoạch ở trạng thái Dự thảo');
    expect(screen.queryByTestId('edit-save-header')).not.toBeInTheDocument();
  });

  it(
    'saves the header with the version read, the targets with the version the save returned, and explains a concurrent change',
    async () => {
      const user = userEvent.setup({ delay: null });
      const sent = vi.fn();
      renderWithProviders(<AppRoutes />, {
        route: '/plans/2960%2FKH-TTCP/edit',
        auth: staticAuth(member),
        mocks: [
          ...pageMocks(),
          {
            request: { query: PlanUpdateMutation, variables: { input: headerInput(4, 'Thanh tra công vụ năm 2024') } },
            result: () => (sent('header'), payload('inspectionPlanUpdate', planDetail({ status: 'DRAFT', version: 5, title: 'Thanh tra công vụ năm 2024' }))),
          },
          {
            request: { query: PlanEditTargetsMutation, variables: { input: { planId: PLAN_ID, version: 5, unitIds: [QUY_HOP.id] } } },
            result: () => (
              sent('targets'),
              payload('inspectionPlanSetTargets', null, [
                { __typename: 'UserError', field: ['input', 'version'], code: 'CONCURRENT_MODIFICATION', message: 'Plan changed' },
              ])
            ),
          },
        ],
      });

      const title = await screen.findByTestId('wizard-title');
      expect(screen.getByTestId('wizard-number')).toHaveAttribute('readonly');
      await user.clear(title);
      await user.click(screen.getByTestId('edit-save-header'));
      expect(title).toHaveAttribute('aria-invalid', 'true');
      expect(sent).not.toHaveBeenCalled();

      await user.type(title, 'Thanh tra công vụ năm 2024');
      await user.click(screen.getByTestId('edit-save-header'));
      expect(await screen.findByTestId('edit-saved-header')).toHaveTextContent('Đã lưu.');

      const targets = screen.getByTestId('edit-section-targets');
      const conCuong = within(targets)
        .getAllByTestId('wizard-target')
        .find((row) => row.textContent?.includes(CON_CUONG.name))!;
      await user.click(within(conCuong).getByTestId('wizard-target-remove'));
      await user.click(screen.getByTestId('edit-save-targets'));

      expect(await screen.findByTestId('concurrent-modification')).toHaveTextContent('một thành viên khác đã lưu kế hoạch sau khi bạn mở trang');
      expect(screen.getByTestId('edit-reload')).toBeInTheDocument();
      expect(sent.mock.calls.map(([what]) => what)).toEqual(['header', 'targets']);
    },
    SLOW,
  );

  it(
    'asks before saving a team without the caller, and shows the server refusal at the team',
    async () => {
      const user = userEvent.setup({ delay: null });
      renderWithProviders(<AppRoutes />, {
        route: '/plans/2960%2FKH-TTCP/edit',
        auth: staticAuth(member),
        mocks: [
          ...pageMocks(),
          {
            request: { query: PlanEditTeamMutation, variables: { input: { planId: PLAN_ID, version: 4, members: [{ officialId: 'T2ZmOjE=', role: 'LEAD' }] } } },
            result: payload('inspectionPlanSetTeam', null, [
              { __typename: 'UserError', field: ['input', 'members', '0', 'officialId'], code: 'NOT_FOUND', message: 'No such official' },
            ]),
          },
        ],
      });

      const team = await screen.findByTestId('edit-section-team');
      const binh = within(team)
        .getAllByTestId('wizard-team-member')
        .find((row) => row.textContent?.includes('Trần Thị Bình'))!;
      await user.click(within(binh).getByTestId('wizard-team-remove'));
      await user.click(screen.getByTestId('edit-save-team'));

      await user.click(await screen.findByTestId('edit-leave-confirm'));
      await waitFor(() => expect(within(team).getByTestId('wizard-team-error')).toHaveTextContent('Không tìm thấy đối tượng được chọn'));
    },
    SLOW,
  );
});
