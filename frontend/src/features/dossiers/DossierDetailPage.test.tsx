import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { DossierDetailFieldsFragment } from '../../gql/graphql';
import { staticAuth } from '../../lib/auth/staticAuth';
import type { AuthUser } from '../../lib/auth/user';
import { renderWithProviders, type RenderOptions } from '../../test/render';
import { DossierRequestSupplementMutation } from './DossierActionModal';
import DossierDetailPage, { DossierDetailQuery } from './DossierDetailPage';
import { dossierDetail, inspector, unitHead } from './testFixtures';

const CODE = 'NA-QUYHOP-230415-000123';

function renderDetail(user: AuthUser, mocks: RenderOptions['mocks'], lng: 'vi' | 'en' = 'vi') {
  return renderWithProviders(
    <Routes>
      <Route path="/dossiers/:code" element={<DossierDetailPage />} />
    </Routes>,
    { auth: staticAuth(user), route: `/dossiers/${CODE}`, mocks, lng },
  );
}

const detailMock = (dossier: ReturnType<typeof dossierDetail> | null) => ({
  request: { query: DossierDetailQuery, variables: { code: CODE } },
  result: { data: { dossier } },
});

describe('DossierDetailPage', () => {
  it('shows the dossier’s facts, plain-language status, applicant and timeline', async () => {
    renderDetail(unitHead, [detailMock(dossierDetail())]);

    expect(screen.getByRole('status')).toHaveTextContent('Đang tải hồ sơ');
    expect(await screen.findByTestId('dossier-code')).toHaveTextContent(CODE);
    expect(screen.getByTestId('dossier-status')).toHaveTextContent('Đang xử lý');
    expect(screen.getByText('thời hạn giải quyết 5 ngày làm việc', { exact: false })).toBeInTheDocument();
    expect(screen.getByTestId('dossier-due-date')).toHaveTextContent('06/05/2099');
    expect(within(screen.getByTestId('dossier-applicant')).getByText('040190000123')).toBeInTheDocument();

    const events = within(screen.getByTestId('dossier-timeline')).getAllByTestId('dossier-event');
    expect(events).toHaveLength(2);
    expect(events[0]).toHaveTextContent('Tiếp nhận hồ sơ');
    expect(events[0]).toHaveTextContent('15/04/2023 09:30');
    expect(events[1]).toHaveTextContent('Chuyển bước xử lý');
    expect(events[1]).toHaveTextContent('Đã tiếp nhận → Đang xử lý');
    expect(events[1]).toHaveTextContent('Trần Văn Bình');
  });

  it('offers a unit head the actions the lifecycle allows from PROCESSING', async () => {
    renderDetail(unitHead, [detailMock(dossierDetail())]);
    const actions = await screen.findByTestId('dossier-actions');
    expect(within(actions).getAllByRole('button').map((button) => button.getAttribute('data-testid'))).toEqual([
      'action-advance',
      'action-request-supplement',
      'action-resolve',
      'action-reject',
      'action-withdraw',
    ]);
  });

  it('offers an inspector no action, and says why the applicant is not shown when the API withholds it', async () => {
    renderDetail(inspector, [detailMock(dossierDetail({ applicant: null, allowedTransitions: [] }))]);
    await screen.findByTestId('dossier-code');
    expect(screen.queryByTestId('dossier-actions')).not.toBeInTheDocument();
    expect(screen.queryByTestId('dossier-applicant')).not.toBeInTheDocument();
    expect(screen.getByTestId('dossier-applicant-card')).toHaveTextContent('chỉ hiển thị cho cán bộ đơn vị giải quyết');
  });

  it('shows the apology and the late badge in English', async () => {
    renderDetail(
      unitHead,
      [
        detailMock(
          dossierDetail({
            status: 'RESOLVED',
            late: true,
            dueDate: '2023-05-06',
            apology: { __typename: 'Apology', reason: 'Chờ ý kiến của Sở Tư pháp', newAppointmentDate: '2023-05-12', issuedAt: '2023-05-05T03:00:00Z' } as DossierDetailFieldsFragment['apology'],
          }),
        ),
      ],
      'en',
    );
    expect(await screen.findByTestId('dossier-status')).toHaveTextContent('Result ready');
    expect(screen.getByTestId('badge-late')).toHaveTextContent('Late');
    expect(screen.getByTestId('dossier-apology')).toHaveTextContent('New appointment date: 12 May 2023');
  });

  it('says so when there is no such dossier for this user', async () => {
    renderDetail(unitHead, [detailMock(null)]);
    expect(await screen.findByTestId('dossier-not-found')).toHaveTextContent(`Không có hồ sơ mã ${CODE}`);
  });

  it('requests a supplement with the version it read and shows the new status', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = vi.fn();
    const after = dossierDetail({
      status: 'SUPPLEMENT_REQUESTED',
      version: 4,
      events: [
        ...dossierDetail().events,
        { ...dossierDetail().events[1]!, seq: 3, transition: 'REQUEST_SUPPLEMENT', fromStatus: 'PROCESSING', toStatus: 'SUPPLEMENT_REQUESTED', reason: 'Thiếu bản sao giấy chứng sinh' },
      ],
    });
    renderDetail(unitHead, [
      detailMock(dossierDetail()),
      {
        request: {
          query: DossierRequestSupplementMutation,
          variables: { input: { dossierId: 'RG9zc2llcjox', version: 3, reason: 'Thiếu bản sao giấy chứng sinh' } },
        },
        result: () => {
          sent();
          return { data: { dossierRequestSupplement: { __typename: 'DossierPayload', dossier: after, userErrors: [] } } };
        },
      },
      detailMock(after),
    ]);

    await user.click(await screen.findByTestId('action-request-supplement'));
    await user.type(screen.getByTestId('supplement-reason'), 'Thiếu bản sao giấy chứng sinh');
    await user.click(screen.getByTestId('action-submit'));

    expect(await screen.findByTestId('action-done')).toHaveTextContent('Đã gửi yêu cầu bổ sung');
    expect(sent).toHaveBeenCalledOnce();
    expect(screen.getByTestId('dossier-status')).toHaveTextContent('Chờ bổ sung hồ sơ');
    expect(within(screen.getByTestId('dossier-timeline')).getAllByTestId('dossier-event')).toHaveLength(3);
    expect(screen.queryByTestId('action-submit')).not.toBeInTheDocument();
  });
});
