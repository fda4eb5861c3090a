import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../app/AppRoutes';
import type { SelfReportFieldsFragment } from '../../gql/graphql';
import { staticAuth } from '../../lib/auth/staticAuth';
import type { AuthUser } from '../../lib/auth/user';
import { renderWithProviders, type RenderOptions } from '../../test/render';
import { ProcedurePickerQuery } from './ProcedurePicker';
import { SelfReportQuery, SelfReportReturnMutation, SelfReportSaveMutation, SelfReportSubmitMutation } from './selfReportOperations';
import { headSyt, member, report } from './testFixtures';

const ID = 'U2VsZlJlcG9ydDox';
const route = `/inspections/reports/${encodeURIComponent(ID)}`;

const queryMock = (stored: SelfReportFieldsFragment) => ({
  request: { query: SelfReportQuery, variables: { id: ID } },
  result: { data: { node: stored } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const payload = (name: string, stored: SelfReportFieldsFragment | null, userErrors: { field: string[] | null; code: string; message: string }[] = []) => ({
  data: { [name]: { __typename: 'SelfInspectionReportPayload', report: stored, userErrors: userErrors.map((error) => ({ __typename: 'UserError', ...error })) } },
});

const storedInput = {
  reportId: ID,
  version: 4,
  difficulties: [{ category: 'HUMAN_RESOURCES', description: 'Thiếu hai cán bộ tại bộ phận một cửa.' }],
  legalDocuments: { reviewed: 10, expired: 2, inForce: 8, proposedForAmendment: 1, proposedForAbolition: 0 },
  simplificationProposals: [],
  proposals: null,
};

function renderPage(user: AuthUser, stored: SelfReportFieldsFragment, mocks: RenderOptions['mocks'] = []) {
  return renderWithProviders(<AppRoutes />, { route, auth: staticAuth(user), mocks: [queryMock(stored), ...(mocks ?? [])] });
}

describe('SelfReportPage', () => {
  it('shows the unit head the unit’s figures read-only beside the form', async () => {
    renderPage(headSyt, report());
    expect(await screen.findByTestId('report-title')).toHaveTextContent('Báo cáo tự kiểm tra – Sở Y tế');
    const figures = screen.getByTestId('report-figures');
    expect(within(figures).getByRole('row', { name: /Tiếp nhận trong kỳ/ })).toHaveTextContent('1.510');
    expect(within(figures).getByRole('row', { name: /Đang giải quyết quá hạn/ })).toHaveTextContent('8');
    expect(within(figures).queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByTestId('report-status')).toHaveTextContent('Bản nháp');
    expect(screen.getByTestId('legal-reviewed')).toHaveValue('10');
  });

  it('refuses a part above the documents reviewed, next to the field, without sending anything', async () => {
    const sent = vi.fn();
    const user = userEvent.setup({ delay: null });
    renderPage(headSyt, report(), [{ request: { query: SelfReportSaveMutation, variables: () => true }, result: () => (sent(), payload('selfInspectionReportSave', report())) }]);

    const expired = await screen.findByTestId('legal-expired');
    await user.clear(expired);
    await user.type(expired, '12');
    await user.click(screen.getByTestId('report-save'));

    expect(expired).toHaveAttribute('aria-invalid', 'true');
    expect(expired).toHaveAccessibleDescription('Không được lớn hơn số văn bản đã rà soát.');
    expect(screen.getByTestId('form-errors')).toHaveTextContent('Vui lòng sửa các ô được đánh dấu đỏ.');
    expect(sent).not.toHaveBeenCalled();
  });

  it('adds and removes difficulties and saves the draft', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage(headSyt, report(), [
      {
        request: {
          query: SelfReportSaveMutation,
          variables: {
            input: {
              ...storedInput,
              difficulties: [{ category: 'FINANCE', description: 'Không có kinh phí số hóa hồ sơ.' }],
              proposals: 'Tăng biên chế bộ phận một cửa.',
            },
          },
        },
        result: payload('selfInspectionReportSave', report({ version: 5 })),
      },
    ]);

    await user.click(await screen.findByTestId('difficulty-add'));
    let rows = screen.getAllByTestId('difficulty-row');
    expect(rows).toHaveLength(2);
    await user.click(within(rows[0]!).getByTestId('difficulty-remove'));
    rows = screen.getAllByTestId('difficulty-row');
    expect(rows).toHaveLength(1);

    await user.click(within(rows[0]!).getByTestId('difficulty-category'));
    await user.click(await screen.findByRole('option', { name: 'Tài chính' }));
    await user.type(within(rows[0]!).getByTestId('difficulty-description'), 'Không có kinh phí số hóa hồ sơ.');
    await user.type(screen.getByTestId('report-proposals'), 'Tăng biên chế bộ phận một cửa.');
    await user.click(screen.getByTestId('report-save'));

    expect(await screen.findByTestId('report-notice')).toHaveTextContent('Đã lưu bản nháp.');
  });

  it('proposes a procedure of the unit’s catalogue for simplification, found by the server', async () => {
    const user = userEvent.setup({ delay: null });
    const searched = vi.fn();
    const procedure = { __typename: 'Procedure', id: 'UHJvYzo3', nationalCode: '1.002134', name: 'Cấp chứng chỉ hành nghề dược' };
    renderPage(headSyt, report(), [
      {
        request: { query: ProcedurePickerQuery, variables: (variables: { unitId: string; text: string | null }) => (searched(variables), variables.unitId === 'VW5pdDoxMg==') },
        result: { data: { procedures: { __typename: 'ProcedureConnection', nodes: [procedure] } } },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
      {
        request: {
          query: SelfReportSaveMutation,
          variables: { input: { ...storedInput, simplificationProposals: [{ procedureId: 'UHJvYzo3', proposal: 'Bỏ yêu cầu bản sao chứng thực.' }] } },
        },
        result: payload('selfInspectionReportSave', report({ version: 5 })),
      },
    ]);

    await user.click(await screen.findByTestId('simplification-add'));
    await user.type(screen.getByTestId('simplification-procedure'), 'duoc');
    await waitFor(() => expect(searched).toHaveBeenCalledWith({ unitId: 'VW5pdDoxMg==', text: 'duoc' }));
    await user.click(await screen.findByRole('option', { name: '1.002134 – Cấp chứng chỉ hành nghề dược' }));
    await user.type(screen.getByTestId('simplification-proposal'), 'Bỏ yêu cầu bản sao chứng thực.');
    await user.click(screen.getByTestId('report-save'));
    expect(await screen.findByTestId('report-notice')).toHaveTextContent('Đã lưu bản nháp.');
  });

  it('shows the server’s userErrors next to the field they name', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage(headSyt, report(), [
      {
        request: { query: SelfReportSaveMutation, variables: { input: storedInput } },
        result: payload('selfInspectionReportSave', null, [{ field: ['input', 'difficulties', '0', 'description'], code: 'TOO_LONG', message: 'too long' }]),
      },
    ]);
    await user.click(await screen.findByTestId('report-save'));
    expect(await screen.findByText('Quá dài.')).toBeInTheDocument();
    expect(screen.getByTestId('difficulty-description')).toHaveAccessibleDescription('Quá dài.');
  });

  it('warns before a late submission that it will be recorded as late, then saves and submits', async () => {
    const user = userEvent.setup({ delay: null });
    const late = report({ plan: { ...report().plan, selfReportDue: '2025-03-20' } });
    const saved = { ...late, version: 5 };
    const submitted = { ...late, version: 6, status: 'SUBMITTED' as const, submittedLate: true, submittedAt: '2026-11-24T03:00:00Z' };
    renderPage(headSyt, late, [
      { request: { query: SelfReportSaveMutation, variables: { input: storedInput } }, result: payload('selfInspectionReportSave', saved) },
      { request: { query: SelfReportSubmitMutation, variables: { input: { reportId: ID, version: 5 } } }, result: payload('selfInspectionReportSubmit', submitted) },
    ]);

    expect(await screen.findByTestId('badge-report-overdue')).toHaveTextContent('Quá hạn');
    await user.click(screen.getByTestId('report-submit'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('report-late-warning')).toHaveTextContent('Hạn nộp báo cáo là 20/03/2025: báo cáo sẽ được ghi nhận là nộp muộn.');
    await user.click(within(dialog).getByTestId('report-submit-confirm'));

    expect(await screen.findByTestId('report-notice')).toHaveTextContent('Đã nộp báo cáo cho đoàn thanh tra.');
    expect(screen.getByTestId('report-status')).toHaveTextContent('Đã nộp');
    expect(screen.getByTestId('badge-submitted-late')).toHaveTextContent('Nộp muộn');
    expect(screen.queryByTestId('report-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('report-awaiting')).toBeInTheDocument();
  });

  it('does not warn about lateness before the due date', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage(headSyt, report());
    await user.click(await screen.findByTestId('report-submit'));
    expect(await screen.findByRole('dialog')).toHaveTextContent('sẽ được lưu và gửi cho đoàn thanh tra');
    expect(screen.queryByTestId('report-late-warning')).not.toBeInTheDocument();
  });

  it('shows the unit head why the team returned the report, with the form to fix it', async () => {
    renderPage(headSyt, report({ status: 'RETURNED', returnReason: 'Bổ sung số liệu rà soát văn bản.' }));
    expect(await screen.findByTestId('report-return-reason')).toHaveTextContent('Bổ sung số liệu rà soát văn bản.');
    expect(screen.getByTestId('report-form')).toBeInTheDocument();
  });

  it('gives the team a read-only report with return and accept; returning needs a reason', async () => {
    const user = userEvent.setup({ delay: null });
    const submitted = report({ status: 'SUBMITTED', submittedAt: '2025-03-19T03:00:00Z' });
    renderPage(member, submitted, [
      {
        request: { query: SelfReportReturnMutation, variables: { input: { reportId: ID, version: 4, reason: 'Thiếu số liệu rà soát văn bản.' } } },
        result: payload('selfInspectionReportReturn', { ...submitted, version: 5, status: 'RETURNED', returnReason: 'Thiếu số liệu rà soát văn bản.' }),
      },
    ]);

    expect(await screen.findByTestId('report-contents')).toHaveTextContent('Thiếu hai cán bộ tại bộ phận một cửa.');
    expect(screen.queryByTestId('report-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('report-legal-documents')).toHaveTextContent('10');
    expect(screen.getByTestId('report-accept')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Kế hoạch 2960\/KH-TTCP/ })).toHaveAttribute('href', '/plans/2960%2FKH-TTCP?tab=self-reports');

    await user.click(screen.getByTestId('report-return'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByTestId('report-action-confirm'));
    expect(within(dialog).getByTestId('report-return-reason-input')).toHaveAccessibleDescription(/Nêu nội dung đơn vị cần bổ sung/);

    await user.type(within(dialog).getByTestId('report-return-reason-input'), 'Thiếu số liệu rà soát văn bản.');
    await user.click(within(dialog).getByTestId('report-action-confirm'));
    expect(await screen.findByTestId('report-notice')).toHaveTextContent('Đã trả lại báo cáo cho đơn vị.');
    expect(screen.getByTestId('report-status')).toHaveTextContent('Bị trả lại để bổ sung');
    expect(screen.queryByTestId('report-accept')).not.toBeInTheDocument();
  });

  it('says so when the report is missing or hidden from the caller', async () => {
    renderWithProviders(<AppRoutes />, {
      route,
      auth: staticAuth(headSyt),
      mocks: [{ request: { query: SelfReportQuery, variables: { id: ID } }, result: { data: { node: null } } }],
    });
    expect(await screen.findByTestId('report-not-found')).toHaveTextContent('Báo cáo này không tồn tại hoặc bạn không có quyền xem.');
  });
});
