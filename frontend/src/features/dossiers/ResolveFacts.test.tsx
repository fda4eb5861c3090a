import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { staticAuth } from '../../lib/auth/staticAuth';
import { renderWithProviders, type RenderOptions } from '../../test/render';
import { DossierActionModal, DossierResolveMutation, type ActionTarget } from './DossierActionModal';
import { validateAction } from './dossierActionForm';
import { unitHead } from './testFixtures';

const target: ActionTarget = { id: 'RG9zc2llcjo5', receiptCode: 'NA-SYT-261124-000009', version: 4, status: 'PROCESSING', dueDate: '2026-12-01', unit: { id: 'VW5pdDoy' } };

function renderResolve(mocks: RenderOptions['mocks'] = []) {
  const onDone = vi.fn();
  renderWithProviders(<DossierActionModal action="resolve" dossier={target} onClose={() => {}} onDone={onDone} onReload={() => {}} />, {
    auth: staticAuth(unitHead),
    mocks,
  });
  return { onDone };
}

const resolved = { data: { dossierResolve: { __typename: 'DossierPayload', dossier: null, userErrors: [] } } };

describe('resolving with the result synced to the citizen’s data store', () => {
  it('needs an electronic result', () => {
    const facts = { dueDate: '2026-12-01', today: '2026-11-24' };
    expect(validateAction('resolve', { result: 'QĐ 1', resultSyncedToCitizenStore: true }, facts)).toEqual({
      resultSyncedToCitizenStore: 'validation.electronicResultRequired',
    });
    expect(validateAction('resolve', { result: 'QĐ 1', digitisedResult: true, resultSyncedToCitizenStore: true }, facts)).toEqual({});
    expect(validateAction('resolve', { result: 'QĐ 1' }, facts)).toEqual({});
  });

  it('explains which indicator each box feeds and refuses the sync of a paper result before sending', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = vi.fn();
    const { onDone } = renderResolve([{ request: { query: DossierResolveMutation, variables: () => true }, result: () => (sent(), resolved) }]);

    const synced = screen.getByTestId('resolve-resultSyncedToCitizenStore');
    expect(synced).toHaveAccessibleName('Kết quả điện tử đã được đồng bộ vào kho dữ liệu của người nộp');
    expect(screen.getByTestId('modal-resolve')).toHaveTextContent('“Kết quả đồng bộ vào kho dữ liệu của công dân” theo Quyết định 766');
    expect(screen.getByTestId('modal-resolve')).toHaveTextContent('“Kết quả giải quyết điện tử” theo Quyết định 766');

    await user.type(screen.getByTestId('resolve-result'), 'QĐ 766/KQ');
    await user.click(synced);
    await user.click(screen.getByTestId('action-submit'));

    expect(await screen.findByText(/Chỉ kết quả điện tử mới có thể đồng bộ/)).toBeInTheDocument();
    expect(sent).not.toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('sends both facts with the result', async () => {
    const user = userEvent.setup({ delay: null });
    const { onDone } = renderResolve([
      {
        request: {
          query: DossierResolveMutation,
          variables: { input: { dossierId: target.id, version: 4, result: 'QĐ 766/KQ', digitisedResult: true, resultSyncedToCitizenStore: true } },
        },
        result: resolved,
      },
    ]);
    await user.type(screen.getByTestId('resolve-result'), 'QĐ 766/KQ');
    await user.click(screen.getByTestId('resolve-digitisedResult'));
    await user.click(screen.getByTestId('resolve-resultSyncedToCitizenStore'));
    await user.click(screen.getByTestId('action-submit'));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('resolve'));
  });

  it('shows the server’s refusal next to the box', async () => {
    const user = userEvent.setup({ delay: null });
    const { onDone } = renderResolve([
      {
        request: { query: DossierResolveMutation, variables: () => true },
        result: {
          data: {
            dossierResolve: {
              __typename: 'DossierPayload',
              dossier: null,
              userErrors: [{ __typename: 'UserError', field: ['input', 'resultSyncedToCitizenStore'], code: 'ELECTRONIC_RESULT_REQUIRED', message: 'x' }],
            },
          },
        },
      },
    ]);
    await user.type(screen.getByTestId('resolve-result'), 'QĐ 766/KQ');
    await user.click(screen.getByTestId('resolve-digitisedResult'));
    await user.click(screen.getByTestId('resolve-resultSyncedToCitizenStore'));
    await user.click(screen.getByTestId('action-submit'));
    expect(await screen.findByText('Chỉ kết quả điện tử mới có thể đồng bộ vào kho dữ liệu của người nộp.')).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
  });
});
