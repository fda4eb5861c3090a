import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { staticAuth } from '../lib/auth/staticAuth';
import { renderWithProviders } from '../test/render';
import { RequireAuth } from './RequireAuth';

const secret = <p>secret page</p>;

describe('RequireAuth', () => {
  it('sends an anonymous visitor to the login page and shows nothing of the page', () => {
    const login = vi.fn();
    renderWithProviders(<RequireAuth roles={[]}>{secret}</RequireAuth>, { auth: staticAuth(null, { login }) });

    expect(login).toHaveBeenCalledOnce();
    expect(screen.getByRole('status')).toHaveTextContent('Đang chuyển đến trang đăng nhập');
    expect(screen.queryByText('secret page')).not.toBeInTheDocument();
  });

  it('waits for Keycloak before deciding', () => {
    const login = vi.fn();
    renderWithProviders(<RequireAuth roles={[]}>{secret}</RequireAuth>, { auth: staticAuth(null, { status: 'initialising', login }) });

    expect(login).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('Đang kiểm tra đăng nhập');
  });

  it('says login is unavailable when Keycloak cannot be reached', () => {
    const login = vi.fn();
    renderWithProviders(<RequireAuth roles={[]}>{secret}</RequireAuth>, { auth: staticAuth(null, { status: 'unavailable', login }) });

    expect(login).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('không kết nối được tới máy chủ đăng nhập');
  });

  it('refuses a user without one of the roles, in words', () => {
    renderWithProviders(<RequireAuth roles={['inspector']}>{secret}</RequireAuth>, {
      auth: staticAuth({ username: 'binh', displayName: 'Bình', roles: ['citizen'] }),
    });

    expect(screen.getByRole('alert')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này.');
    expect(screen.queryByText('secret page')).not.toBeInTheDocument();
  });

  it('shows the page to a user with the role', () => {
    renderWithProviders(<RequireAuth roles={['inspector']}>{secret}</RequireAuth>, {
      auth: staticAuth({ username: 'an', displayName: 'An', roles: ['inspector'] }),
    });
    expect(screen.getByText('secret page')).toBeInTheDocument();
  });
});
