import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders } from '../../test/render';
import { PlanConclusionQuery } from './conclusionData';
import { ConclusionDraftSaveMutation, PlanConcludeMutation } from './PlanConclusionTab';
import { PlanDetailQuery } from './PlanDetailPage';
import { conclusionPlan, lead, member, PLAN_ID, PLAN_NUMBER, planDetail } from './testFixtures';

/** Many form interactions: give a busy build machine time. */
const SLOW = 45_000;

const repeatable = <T extends object>(mocks: T[]) => mocks.map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));
const detailMock = { request: { query: PlanDetailQuery, variables: { number: PLAN_NUMBER } }, result: { data: { inspectionPlan: planDetail() } } };
const draft = (summary: string, version: number, updatedAt = '2024-05-18T03:00:00Z') => ({
  __typename: 'ConclusionDraft' as const,
  summary,
  updatedAt,
  updatedBy: 'Nguyễn Văn An',
  version,
});
const conclusionMock = (plan: ReturnType<typeof conclusionPlan>) => ({
  request: { query: PlanConclusionQuery, variables: { number: PLAN_NUMBER } },
  result: { data: { inspectionPlan: plan } },
});
const saveMock = (summary: string, version: number, result: object, sent = vi.fn()) => ({
  request: { query: ConclusionDraftSaveMutation, variables: { input: { planId: PLAN_ID, summary, version } } },
  result: () => {
    sent();
    return { data: { inspectionConclusionDraftSave: { __typename: 'InspectionConclusionDraftSavePayload', ...result } } };
  },
});
const ROUTE = '/plans/2960%2FKH-TTCP?tab=conclusion';

describe('Conclusion draft', () => {
  it("loads the lead's saved draft, warns about unsaved changes and saves them with the version read", async () => {
    const user = userEvent.setup({ delay: null });
    const sent = vi.fn();
    renderWithProviders(<AppRoutes />, {
      route: ROUTE,
      auth: staticAuth(lead),
      mocks: [
        ...repeatable([detailMock, conclusionMock(conclusionPlan({ conclusionDraft: draft('Bản nháp đã lưu.', 2) }))]),
        saveMock('Bản nháp đã lưu. Thêm đánh giá về hồ sơ quá hạn.', 2, { conclusionDraft: draft('Bản nháp đã lưu. Thêm đánh giá về hồ sơ quá hạn.', 3, '2024-05-19T04:30:00Z'), userErrors: [] }, sent),
      ],
    });

    const input = await screen.findByTestId('conclusion-summary-input');
    expect(input).toHaveValue('Bản nháp đã lưu.');
    expect(screen.getByTestId('conclusion-summary')).toHaveTextContent('Bản nháp đã lưu.');
    expect(screen.getByTestId('conclusion-draft-saved')).toHaveTextContent('Bản nháp do Nguyễn Văn An lưu lúc 18/05/2024 10:00.');
    expect(screen.getByTestId('conclusion-draft-save')).toBeDisabled();

    fireEvent.change(input, { target: { value: 'Bản nháp đã lưu. Thêm đánh giá về hồ sơ quá hạn.' } });
    expect(screen.getByTestId('conclusion-draft-unsaved')).toHaveTextContent('Có thay đổi chưa lưu');
    expect(screen.queryByTestId('conclusion-draft-saved')).not.toBeInTheDocument();
    // Leaving the page now asks first.
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);

    await user.click(screen.getByTestId('conclusion-draft-save'));
    await waitFor(() => expect(screen.getByTestId('conclusion-draft-saved')).toHaveTextContent('Bản nháp do Nguyễn Văn An lưu lúc 19/05/2024 11:30.'));
    expect(sent).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('conclusion-draft-unsaved')).not.toBeInTheDocument();
    expect(screen.getByTestId('conclusion-summary-input')).toHaveValue('Bản nháp đã lưu. Thêm đánh giá về hồ sơ quá hạn.');
    expect(screen.getByTestId('conclusion-draft-save')).toBeDisabled();
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
    // Nothing is kept in the browser any more.
    expect(window.sessionStorage.length).toBe(0);
  }, SLOW);

  it('saves a first draft with version 0 and shows a refused save next to the text', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<AppRoutes />, {
      route: ROUTE,
      auth: staticAuth(lead),
      mocks: [
        ...repeatable([detailMock, conclusionMock(conclusionPlan())]),
        saveMock('Quá dài', 0, {
          conclusionDraft: null,
          userErrors: [{ __typename: 'UserError', field: ['input', 'summary'], code: 'TOO_LONG', message: 'The summary is too long' }],
        }),
        saveMock('Bản nháp đầu tiên', 0, {
          conclusionDraft: null,
          userErrors: [{ __typename: 'UserError', field: ['input', 'version'], code: 'CONCURRENT_MODIFICATION', message: 'Someone saved' }],
        }),
      ],
    });

    expect(await screen.findByTestId('conclusion-draft-saved')).toHaveTextContent('Chưa lưu bản nháp nào.');
    fireEvent.change(screen.getByTestId('conclusion-summary-input'), { target: { value: 'Quá dài' } });
    await user.click(screen.getByTestId('conclusion-draft-save'));
    expect(await screen.findByText('Nội dung kết luận dài quá 50.000 ký tự: hãy rút gọn.')).toBeInTheDocument();
    expect(screen.getByTestId('conclusion-draft-unsaved')).toBeInTheDocument();

    fireEvent.change(screen.getByTestId('conclusion-summary-input'), { target: { value: 'Bản nháp đầu tiên' } });
    await user.click(screen.getByTestId('conclusion-draft-save'));
    expect(await screen.findByTestId('conclusion-draft-errors')).toHaveTextContent('Người khác vừa thay đổi dữ liệu này.');
    expect(screen.getByTestId('conclusion-summary-input')).toHaveValue('Bản nháp đầu tiên');
  }, SLOW);

  it("shows a team member the lead's saved draft in the preview, read-only", async () => {
    renderWithProviders(<AppRoutes />, {
      route: ROUTE,
      auth: staticAuth(member),
      mocks: repeatable([detailMock, conclusionMock(conclusionPlan({ conclusionDraft: draft('Đánh giá chung của trưởng đoàn.', 4) }))]),
    });

    const document = await screen.findByTestId('conclusion-document');
    expect(within(document).getByTestId('conclusion-summary')).toHaveTextContent('Đánh giá chung của trưởng đoàn.');
    expect(screen.getByTestId('conclusion-draft-saved')).toHaveTextContent('Bản nháp do Nguyễn Văn An lưu lúc 18/05/2024 10:00.');
    expect(screen.queryByTestId('conclusion-summary-input')).not.toBeInTheDocument();
    expect(screen.queryByTestId('conclusion-draft-save')).not.toBeInTheDocument();
  });

  it('issues the conclusion with the saved draft the lead did not change', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = vi.fn();
    renderWithProviders(<AppRoutes />, {
      route: ROUTE,
      auth: staticAuth(lead),
      mocks: [
        ...repeatable([detailMock, conclusionMock(conclusionPlan({ conclusionDraft: draft('Kết luận đã soạn sẵn.', 1) }))]),
        {
          request: { query: PlanConcludeMutation, variables: { input: { planId: PLAN_ID, version: 4, summary: 'Kết luận đã soạn sẵn.' } } },
          result: () => {
            sent();
            return { data: { inspectionPlanConclude: { __typename: 'InspectionPlanPayload', inspectionPlan: planDetail({ status: 'CONCLUDED', version: 5 }), userErrors: [] } } };
          },
        },
      ],
    });

    await user.click(await screen.findByTestId('plan-conclude'));
    await user.click(await screen.findByTestId('plan-conclude-confirm'));
    await waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
  }, SLOW);
});
