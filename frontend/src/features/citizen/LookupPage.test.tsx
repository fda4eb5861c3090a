import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import LookupPage, { DossierLookupQuery } from './LookupPage';

const dossier = {
  __typename: 'PublicDossier',
  receiptCode: 'NA-SYT-261001-000017',
  procedureCode: '1.001234',
  procedureName: 'Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh',
  unitName: 'Sở Y tế',
  unitAddress: '18 Trường Thi, Vinh',
  unitPhone: '0238 3844 000',
  unitEmail: null,
  receivedAt: '2026-10-01T02:00:00Z',
  dueDate: '2026-10-15',
  status: 'PROCESSING',
  currentStepName: 'Thẩm định hồ sơ',
  resolvedAt: null,
  returnedAt: null,
  late: false,
  overdue: true,
  apologyReason: 'Phải xin ý kiến Bộ Y tế',
  apologyNewDate: '2026-11-30',
  rejectionReason: null,
  supplementReason: null,
  nextAction: 'WAIT',
  canRate: false,
  satisfaction: null,
  timeline: [
    { __typename: 'PublicDossierStep', seq: 1, transition: 'RECEIVE', status: 'RECEIVED', at: '2026-10-01T02:00:00Z', stepName: 'Tiếp nhận hồ sơ', unitName: 'Sở Y tế' },
    { __typename: 'PublicDossierStep', seq: 2, transition: 'ISSUE_APOLOGY', status: 'PROCESSING', at: '2026-10-16T02:00:00Z', stepName: null, unitName: 'Sở Y tế' },
  ],
};

async function fill(code: string, factor: string) {
  const user = userEvent.setup({ delay: null });
  await user.type(screen.getByRole('textbox', { name: /Mã hồ sơ/ }), code);
  await user.type(screen.getByRole('textbox', { name: /Mã tra cứu hoặc 4 số cuối/ }), factor);
  await user.click(screen.getByRole('button', { name: 'Tra cứu' }));
}

describe('LookupPage', () => {
  it('shows the status in plain words, the apology and the timeline of a dossier it finds', async () => {
    renderWithProviders(<LookupPage />, {
      mocks: [{ request: { query: DossierLookupQuery, variables: { receiptCode: 'NA-SYT-261001-000017', secondFactor: 'LANTERNDEMO' } }, result: { data: { dossierLookup: dossier } } }],
    });
    await fill('NA-SYT-261001-000017', 'LANTERNDEMO');
    const card = await screen.findByTestId('public-dossier');
    expect(within(card).getByTestId('public-status')).toHaveTextContent('Đang được giải quyết');
    expect(within(card).getByTestId('public-late')).toHaveTextContent('Hồ sơ đã quá hạn giải quyết.');
    expect(within(card).getByTestId('public-late')).toHaveTextContent('Phải xin ý kiến Bộ Y tế');
    expect(within(card).getByTestId('public-late')).toHaveTextContent('30/11/2026');
    expect(within(card).getByTestId('public-timeline')).toHaveTextContent('Gửi thư xin lỗi và hẹn lại');
    expect(within(card).getByTestId('public-next')).toHaveTextContent('30/11/2026');
  });

  it('says “no match” without saying which part was wrong', async () => {
    renderWithProviders(<LookupPage />, {
      mocks: [{ request: { query: DossierLookupQuery, variables: { receiptCode: 'NA-SYT-261001-000017', secondFactor: 'WRONG' } }, result: { data: { dossierLookup: null } } }],
    });
    await fill('NA-SYT-261001-000017', 'WRONG');
    expect(await screen.findByTestId('lookup-no-match')).toHaveTextContent('Không tìm thấy hồ sơ khớp');
  });

  it('tells when to try again after too many attempts', async () => {
    renderWithProviders(<LookupPage />, {
      mocks: [
        {
          request: { query: DossierLookupQuery, variables: { receiptCode: 'X', secondFactor: 'Y' } },
          result: { errors: [new GraphQLError('Too many', { extensions: { classification: 'RATE_LIMITED', retryAfterSeconds: 42 } })] },
        },
      ],
    });
    await fill('X', 'Y');
    expect(await screen.findByTestId('lookup-rate-limited')).toHaveTextContent('42 giây');
  });

  it('names the missing field instead of asking the server', async () => {
    renderWithProviders(<LookupPage />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Tra cứu' }));
    expect(screen.getByText('Vui lòng nhập mã hồ sơ')).toBeInTheDocument();
  });
});
