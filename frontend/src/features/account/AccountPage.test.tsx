import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import AccountPage, { AccountMeQuery } from './AccountPage';

const me = {
  __typename: 'Viewer',
  username: 'an.nguyen',
  displayName: 'Nguyễn Văn An',
  roles: ['INSPECTOR', 'UNIT_HEAD'],
  unitCode: 'NA-TTT',
  citizenId: null,
};

describe('AccountPage', () => {
  it('shows what the API says about the caller, roles in words', async () => {
    renderWithProviders(<AccountPage />, { mocks: [{ request: { query: AccountMeQuery }, result: { data: { me } } }] });

    expect(screen.getByRole('status')).toHaveTextContent('Đang tải thông tin tài khoản');
    expect(await screen.findByTestId('account-username')).toHaveTextContent('an.nguyen');
    expect(screen.getByTestId('account-displayName')).toHaveTextContent('Nguyễn Văn An');
    expect(screen.getByTestId('account-roles')).toHaveTextContent('Thanh tra viên, Thủ trưởng đơn vị');
    expect(screen.getByTestId('account-unitCode')).toHaveTextContent('NA-TTT');
    expect(screen.getByTestId('account-citizenId')).toHaveTextContent('Không có');
  });

  it('says so when the caller is not allowed', async () => {
    renderWithProviders(<AccountPage />, {
      mocks: [{ request: { query: AccountMeQuery }, result: { errors: [{ message: 'Unauthorized', extensions: { classification: 'UNAUTHORIZED' } }] } }],
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('Vui lòng đăng nhập lại.');
  });
});
