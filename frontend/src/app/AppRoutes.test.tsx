import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { staticAuth } from '../lib/auth/staticAuth';
import { renderWithProviders } from '../test/render';
import { AppRoutes } from './AppRoutes';

describe('AppRoutes', () => {
  it('shows the not-found page for an unknown deep link, inside the shell', async () => {
    renderWithProviders(<AppRoutes />, { route: '/no-such-page/42' });

    expect(await screen.findByRole('heading', { name: 'Không tìm thấy trang' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Về trang chủ' })).toHaveAttribute('href', '/');
    expect(screen.getByTestId('login')).toBeInTheDocument();
  });

  it('sends an anonymous visitor of /me to the login page', async () => {
    const login = vi.fn();
    renderWithProviders(<AppRoutes />, { route: '/me', auth: staticAuth(null, { login }) });

    expect(await screen.findByText('Đang chuyển đến trang đăng nhập…')).toBeInTheDocument();
    expect(login).toHaveBeenCalledOnce();
  });

  it('lists only public pages for a visitor, and My account for a logged-in user', async () => {
    const { unmount } = renderWithProviders(<AppRoutes />, { route: '/nowhere' });
    const anonymousNav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(anonymousNav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Trang chủ', 'Tra cứu hồ sơ', 'Gửi phản ánh, kiến nghị']);
    unmount();

    renderWithProviders(<AppRoutes />, { route: '/nowhere', auth: staticAuth({ username: 'b', displayName: 'B', roles: ['citizen'] }) });
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Trang chủ',
      'Tài khoản của tôi',
      'Tra cứu hồ sơ',
      'Gửi phản ánh, kiến nghị',
      'Hồ sơ của tôi',
    ]);
  });

  it('tells visitors when login is unavailable', async () => {
    renderWithProviders(<AppRoutes />, { route: '/nowhere', auth: staticAuth(null, { status: 'unavailable' }) });
    expect(await screen.findByTestId('login-unavailable')).toHaveTextContent('Chưa thể đăng nhập');
  });

  it('refuses the dossier pages to a citizen, in words', async () => {
    renderWithProviders(<AppRoutes />, { route: '/dossiers/NA-QUYHOP-230415-000123', auth: staticAuth({ username: 'b', displayName: 'B', roles: ['citizen'] }) });
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này.');
  });

  it('refuses reception to an inspector, who only reads', async () => {
    renderWithProviders(<AppRoutes />, { route: '/dossiers/new', auth: staticAuth({ username: 'an', displayName: 'An', roles: ['inspector'] }) });
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này.');
  });
});
