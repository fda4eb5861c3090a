import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { staticAuth } from '../lib/auth/staticAuth';
import type { AuthUser } from '../lib/auth/user';
import { LANGUAGE_STORAGE_KEY } from '../lib/i18n/i18n';
import { renderWithProviders } from '../test/render';
import { Header } from './Header';

const inspector: AuthUser = {
  username: 'an.nguyen',
  displayName: 'Nguyễn Văn An',
  roles: ['inspector'],
  unitCode: 'NA-TTT',
};

function renderHeader(options: Parameters<typeof renderWithProviders>[1] = {}) {
  return renderWithProviders(<Header navOpened={false} onToggleNav={() => {}} />, options);
}

describe('Header', () => {
  it('offers an anonymous visitor the login button and shows no user', async () => {
    const login = vi.fn();
    renderHeader({ auth: staticAuth(null, { login }) });

    const button = screen.getByTestId('login');
    expect(button).toHaveTextContent('Đăng nhập');
    expect(button).toBeEnabled();
    expect(screen.queryByTestId('user-name')).not.toBeInTheDocument();
    expect(screen.queryByTestId('logout')).not.toBeInTheDocument();

    await userEvent.click(button);
    expect(login).toHaveBeenCalledOnce();
  });

  it('disables login while Keycloak is unreachable', () => {
    renderHeader({ auth: staticAuth(null, { status: 'unavailable' }) });
    expect(screen.getByTestId('login')).toBeDisabled();
  });

  it('shows a logged-in inspector’s name, role in words, unit and a logout button', async () => {
    const logout = vi.fn();
    renderHeader({ auth: staticAuth(inspector, { logout }) });

    expect(screen.getByTestId('user-name')).toHaveTextContent('Nguyễn Văn An');
    expect(screen.getByTestId('user-roles')).toHaveTextContent('Thanh tra viên');
    expect(screen.getByTestId('user-unit')).toHaveTextContent('NA-TTT');
    expect(screen.queryByTestId('login')).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId('logout'));
    expect(logout).toHaveBeenCalledOnce();
  });

  it('shows no unit for a citizen', () => {
    renderHeader({ auth: staticAuth({ username: 'binh', displayName: 'Trần Thị Bình', roles: ['citizen'], citizenId: '040190000123' }) });
    expect(screen.getByTestId('user-roles')).toHaveTextContent('Công dân');
    expect(screen.queryByTestId('user-unit')).not.toBeInTheDocument();
  });

  it('switches to English, remembers the choice and sets the page language', async () => {
    renderHeader({ auth: staticAuth(inspector) });
    expect(document.documentElement.lang).toBe('vi');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Ngôn ngữ' }), 'en');

    expect(await screen.findByTestId('logout')).toHaveTextContent('Log out');
    expect(screen.getByTestId('user-roles')).toHaveTextContent('Inspector');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
