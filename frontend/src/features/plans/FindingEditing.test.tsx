import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { UnitSelectTreeQuery } from '../../components/UnitSelect';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import { FindingDetailQuery } from '../inspections/findingOperations';
import * as inspections from '../inspections/testFixtures';
import { PlanFindingEditQuery, PlanFindingWithdrawMutation, withdrawalReasonProblem } from './FindingEditing';
import { FindingUpdateMutation } from './FindingRecordForm';
import { PlanDetailQuery } from './PlanDetailPage';
import { PlanFindingsQuery } from './PlanFindingsTab';
import { PlanSamplesQuery } from './PlanSamplesTab';
import { outsider, finding, INSPECTORATE, member, PLAN_ID, PLAN_NUMBER, planDetail, QUY_HOP } from './testFixtures';
import { PlanUnitOfficialsQuery } from './unitOfficials';

/** Many form interactions: give a busy build machine time. */
const SLOW = 45_000;
const ROUTE = '/plans/2960%2FKH-TTCP?tab=findings';

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));
const findingsResult = (findings: object[]) => ({
  data: { inspectionPlan: { __typename: 'InspectionPlan', id: PLAN_ID, overdueRecommendationCount: 0, findings } },
});

const recorded = finding({ version: 3 });
const withdrawn = finding({
  id: 'RmluZGluZzoy',
  number: 2,
  status: 'WITHDRAWN',
  category: 'DIGITISATION_GAP',
  description: 'Chưa số hóa kết quả giải quyết.',
  withdrawalReason: 'Trùng với phát hiện số 1 về cùng các hồ sơ.',
});

/** The finding as the edit form reads it: with its evidence. */
const stored = {
  ...recorded,
  remediationDeadline: '2099-12-31',
  evidence: [
    {
      __typename: 'FindingEvidence',
      kind: 'DOSSIER',
      note: 'Quá hạn 12 ngày',
      dossier: {
        __typename: 'Dossier',
        id: 'RG9zc2llcjox',
        receiptCode: 'NA-QUYHOP-230415-000123',
        procedure: { __typename: 'Procedure', id: 'UHJvYzox', name: 'Đăng ký khai sinh' },
      },
      procedure: null,
      sample: null,
      sampleItem: null,
      document: null,
    },
  ],
};

const baseMocks = (findings: object[]) =>
  repeatable([
    { request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: planDetail() } } },
    { request: { query: PlanFindingsQuery, variables: { number: PLAN_NUMBER } }, result: findingsResult(findings) },
    {
      request: { query: UnitSelectTreeQuery, variables: { asOf: '2023-12-31' } },
      result: { data: { unitTree: [INSPECTORATE, QUY_HOP].map((unit, depth) => ({ __typename: 'UnitTreeEntry', depth, unit })) } },
    },
    {
      request: { query: PlanUnitOfficialsQuery, variables: { unitId: QUY_HOP.id } },
      result: {
        data: {
          node: {
            __typename: 'Unit',
            id: QUY_HOP.id,
            officials: [{ __typename: 'Official', id: 'T2ZmOjc=', fullName: 'Lê Văn Hùng', position: 'Chánh Văn phòng', idpUsername: null }],
          },
        },
      },
    },
    { request: { query: PlanSamplesQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: { __typename: 'InspectionPlan', id: PLAN_ID, samples: [] } } } },
  ]);

describe('Editing and withdrawing findings', () => {
  it('hides withdrawn findings until asked, then shows them struck through with the reason, without actions for outsiders', async () => {
    renderWithProviders(<AppRoutes />, { route: ROUTE, auth: staticAuth(outsider), mocks: baseMocks([recorded, withdrawn]) });

    expect(await screen.findAllByTestId('finding-row')).toHaveLength(1);
    expect(screen.queryByText('Chưa số hóa kết quả giải quyết.')).not.toBeInTheDocument();
    const include = screen.getByTestId('findings-include-withdrawn');
    expect(screen.getByLabelText('Hiện cả phát hiện đã rút (1)')).toBe(include);

    fireEvent.click(include);
    const rows = screen.getAllByTestId('finding-row');
    expect(rows).toHaveLength(2);
    const gone = rows.find((row) => row.getAttribute('data-withdrawn') === 'true')!;
    expect(within(gone).getByText('Chưa số hóa kết quả giải quyết.')).toHaveStyle({ textDecoration: 'line-through' });
    expect(within(gone).getByTestId('finding-withdrawal-reason')).toHaveTextContent('Lý do rút: Trùng với phát hiện số 1 về cùng các hồ sơ.');
    // An inspector outside the team: nothing to change.
    expect(screen.queryByTestId('finding-edit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('finding-withdraw')).not.toBeInTheDocument();
  });

  it(
    'withdraws a finding only with a reason in a sentence, sending the version read',
    async () => {
      const user = userEvent.setup({ delay: null });
      const sent = vi.fn();
      renderWithProviders(<AppRoutes />, {
        route: ROUTE,
        auth: staticAuth(member),
        mocks: [
          ...baseMocks([recorded]),
          {
            request: {
              query: PlanFindingWithdrawMutation,
              variables: { input: { findingId: recorded.id, version: 3, text: 'Trùng với phát hiện số 2 về cùng các hồ sơ.' } },
            },
            result: () => {
              sent();
              return {
                data: {
                  findingWithdraw: {
                    __typename: 'FindingPayload',
                    finding: { ...recorded, status: 'WITHDRAWN', version: 4, withdrawalReason: 'Trùng với phát hiện số 2 về cùng các hồ sơ.' },
                    userErrors: [],
                  },
                },
              };
            },
          },
        ],
      });

      await user.click(await screen.findByRole('button', { name: 'Rút phát hiện số 1' }));
      const reason = await screen.findByTestId('finding-withdraw-reason');
      await user.click(screen.getByTestId('finding-withdraw-confirm'));
      expect(await screen.findByText('Vui lòng nêu lý do rút phát hiện.')).toBeInTheDocument();
      await user.type(reason, 'Trùng');
      await user.click(screen.getByTestId('finding-withdraw-confirm'));
      expect(await screen.findByText(/Lý do quá ngắn/)).toBeInTheDocument();
      expect(sent).not.toHaveBeenCalled();

      await user.clear(reason);
      await user.type(reason, 'Trùng với phát hiện số 2 về cùng các hồ sơ.');
      await user.click(screen.getByTestId('finding-withdraw-confirm'));
      expect(await screen.findByTestId('finding-notice')).toHaveTextContent('Đã rút phát hiện số 1.');
      expect(sent).toHaveBeenCalledTimes(1);
    },
    SLOW,
  );

  it(
    'edits a finding in the record form, prefilled with what is stored, and sends the version read',
    async () => {
      const user = userEvent.setup({ delay: null });
      const sent = vi.fn();
      renderWithProviders(<AppRoutes />, {
        route: ROUTE,
        auth: staticAuth(member),
        mocks: [
          ...baseMocks([recorded]),
          { request: { query: PlanFindingEditQuery, variables: { id: recorded.id } }, result: { data: { node: stored } } },
          {
            request: {
              query: FindingUpdateMutation,
              variables: {
                input: {
                  findingId: recorded.id,
                  version: 3,
                  category: 'LATE_HANDLING',
                  severity: 'MODERATE',
                  description: '140 hồ sơ đất đai giải quyết quá hạn.',
                  responsibleOfficialIds: ['T2ZmOjc='],
                  evidence: [{ kind: 'DOSSIER', dossierId: 'RG9zc2llcjox', note: 'Quá hạn 12 ngày' }],
                  recommendation: recorded.recommendation,
                  remediationDeadline: '2099-12-31',
                },
              },
            },
            result: () => {
              sent();
              return { data: { findingUpdate: { __typename: 'FindingPayload', finding: { ...stored, version: 4, description: '140 hồ sơ đất đai giải quyết quá hạn.' }, userErrors: [] } } };
            },
          },
        ],
      });

      await user.click(await screen.findByRole('button', { name: 'Sửa phát hiện số 1' }));
      const form = await screen.findByTestId('finding-edit-form');
      expect(within(form).getByTestId('finding-unit-fixed')).toHaveValue(QUY_HOP.name);
      expect(within(form).getByTestId('evidence-item')).toHaveTextContent('NA-QUYHOP-230415-000123 · Đăng ký khai sinh');
      const description = within(form).getByTestId('finding-description');
      expect(description).toHaveValue(recorded.description);

      await user.clear(description);
      await user.type(description, '140 hồ sơ đất đai giải quyết quá hạn.');
      await user.click(within(form).getByTestId('finding-save'));
      expect(await screen.findByTestId('finding-notice')).toHaveTextContent('Đã lưu thay đổi của phát hiện số 1.');
      expect(sent).toHaveBeenCalledTimes(1);
      await waitFor(() => expect(screen.queryByTestId('finding-edit-form')).not.toBeInTheDocument());
    },
    SLOW,
  );

  it('links team members from the finding page to its editor in the plan, which opens at once', async () => {
    const id = 'RmluZGluZzox';
    const page = (user: typeof inspections.member, planStatus: 'IN_PROGRESS' | 'CONCLUDED') =>
      renderWithProviders(<AppRoutes />, {
        route: `/findings/${id}`,
        auth: staticAuth(user),
        mocks: repeatable([
          { request: { query: FindingDetailQuery, variables: { id, withTeam: true } }, result: { data: { node: inspections.finding({ planStatus }) } } },
        ]),
      });
    const first = page(inspections.member, 'IN_PROGRESS');
    expect(await screen.findByTestId('finding-edit-link')).toHaveAttribute('href', `/plans/2960%2FKH-TTCP?tab=findings&edit=${id}`);
    first.unmount();
    const second = page(inspections.outsider, 'IN_PROGRESS');
    await screen.findByTestId('finding-title');
    expect(screen.queryByTestId('finding-edit-link')).not.toBeInTheDocument();
    second.unmount();
    const third = page(inspections.member, 'CONCLUDED');
    await screen.findByTestId('finding-title');
    expect(screen.queryByTestId('finding-edit-link')).not.toBeInTheDocument();
    third.unmount();

    renderWithProviders(<AppRoutes />, {
      route: `${ROUTE}&edit=${recorded.id}`,
      auth: staticAuth(member),
      mocks: [...baseMocks([recorded]), { request: { query: PlanFindingEditQuery, variables: { id: recorded.id } }, result: { data: { node: stored } } }],
    });
    expect(await screen.findByTestId('finding-edit-form')).toHaveTextContent('Sửa phát hiện số 1');
  });

  it('asks for a withdrawal reason of at least two words, as the server does', () => {
    expect(withdrawalReasonProblem('  ')).toBe('findings.withdraw.reasonRequired');
    expect(withdrawalReasonProblem('Trùng')).toBe('findings.withdraw.reasonVague');
    expect(withdrawalReasonProblem('Trùng lặp')).toBeNull();
  });
});
