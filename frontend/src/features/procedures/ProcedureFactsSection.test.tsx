import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders, type RenderOptions } from '../../test/render';
import { ProcedureFactsSection, ProcedureFactsUpdateMutation, type FactsProcedure } from './ProcedureFactsSection';

const procedure: FactsProcedure = {
  id: 'UHJvY2VkdXJlOjc=',
  version: 2,
  published: true,
  fee: 50000,
  effectiveOn: '2025-07-01',
  announcedOn: '2025-06-20',
  publishedOn: null,
  fullContentPublished: false,
  onlinePaymentEnabled: true,
  portalPaymentConfigured: false,
  populationDbConnected: false,
};

const admin = { username: 'admin', displayName: 'Quản trị', roles: ['admin' as const] };

function renderSection(user: Parameters<typeof staticAuth>[0], mocks: RenderOptions['mocks'] = []) {
  const onReload = vi.fn();
  renderWithProviders(<ProcedureFactsSection procedure={procedure} onReload={onReload} />, { auth: staticAuth(user), mocks });
  return { onReload };
}

const { published: _published, fee: _fee, ...facts } = procedure;

const updated = (fields: Partial<FactsProcedure>, userErrors: { field: string[]; code: string; message: string }[] = []) => ({
  data: {
    procedureUpdate: {
      __typename: 'ProcedurePayload',
      procedure: userErrors.length > 0 ? null : { __typename: 'Procedure', ...facts, ...fields, version: 3 },
      userErrors: userErrors.map((e) => ({ __typename: 'UserError', ...e })),
    },
  },
});

describe('ProcedureFactsSection', () => {
  it('shows the facts to everyone but lets only administrators change them', () => {
    renderSection({ username: 'an', displayName: 'An', roles: ['inspector'] });
    const section = screen.getByTestId('procedure-facts');
    expect(section).toHaveTextContent('Ngày công bố');
    expect(section).toHaveTextContent('20/06/2025');
    expect(section).toHaveTextContent('Cho phép thanh toán trực tuyến phí, lệ phíCó');
    expect(screen.queryByTestId('procedure-facts-edit')).not.toBeInTheDocument();
  });

  it('tells the administrator which indicator each field feeds and checks the dates before sending', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = vi.fn();
    renderSection(admin, [{ request: { query: ProcedureFactsUpdateMutation, variables: () => true }, result: () => (sent(), updated({})) }]);
    await user.click(screen.getByTestId('procedure-facts-edit'));
    const form = await screen.findByTestId('procedure-facts-form');
    expect(within(form).getByTestId('facts-publishedOn')).toHaveAccessibleDescription(
      'Đúng hạn khi trong 7 ngày kể từ ngày công bố; không trước ngày công bố. Được tính vào chỉ số “Thủ tục được công khai, cập nhật đúng hạn”.',
    );
    expect(within(form).getByTestId('facts-populationDbConnected')).toHaveAccessibleDescription(/“Thủ tục kết nối Cơ sở dữ liệu quốc gia về dân cư”/);

    await user.type(within(form).getByTestId('facts-publishedOn'), '2025-06-10');
    await user.click(within(form).getByTestId('procedure-facts-submit'));
    expect(within(form).getByTestId('facts-publishedOn')).toHaveAccessibleDescription(/Ngày công khai không được trước ngày công bố/);
    expect(sent).not.toHaveBeenCalled();
  });

  it('sends only the changed facts with the version read, and closes', async () => {
    const user = userEvent.setup({ delay: null });
    renderSection(admin, [
      {
        request: {
          query: ProcedureFactsUpdateMutation,
          variables: { input: { procedureId: procedure.id, version: 2, publishedOn: '2025-06-25', portalPaymentConfigured: true } },
        },
        result: updated({ publishedOn: '2025-06-25', portalPaymentConfigured: true }),
      },
    ]);
    await user.click(screen.getByTestId('procedure-facts-edit'));
    const form = await screen.findByTestId('procedure-facts-form');
    await user.type(within(form).getByTestId('facts-publishedOn'), '2025-06-25');
    await user.click(within(form).getByTestId('facts-portalPaymentConfigured'));
    await user.click(within(form).getByTestId('procedure-facts-submit'));
    await vi.waitFor(() => expect(screen.queryByTestId('procedure-facts-form')).not.toBeInTheDocument());
  });

  it('places the server’s refusal next to the field it names', async () => {
    const user = userEvent.setup({ delay: null });
    renderSection(admin, [
      {
        request: { query: ProcedureFactsUpdateMutation, variables: () => true },
        result: updated({}, [{ field: ['input', 'announcedOn'], code: 'AFTER_PUBLICATION', message: 'x' }]),
      },
    ]);
    await user.click(screen.getByTestId('procedure-facts-edit'));
    const form = await screen.findByTestId('procedure-facts-form');
    await user.clear(within(form).getByTestId('facts-announcedOn'));
    await user.type(within(form).getByTestId('facts-announcedOn'), '2025-06-21');
    await user.click(within(form).getByTestId('procedure-facts-submit'));
    expect(await within(form).findByText('Ngày công bố không được sau ngày công khai.')).toBeInTheDocument();
  });
});
