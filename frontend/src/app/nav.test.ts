import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, visibleNavItems, type NavItem } from './nav';

const items: NavItem[] = [
  { path: '/', labelKey: 'home', roles: [] },
  { path: '/plans', labelKey: 'plans', roles: ['inspector', 'admin'] },
  { path: '/dossiers/mine', labelKey: 'myDossiers', roles: ['citizen'] },
  { path: '/findings', labelKey: 'findings', roles: ['inspector', 'unit_head'] },
];

const paths = (list: readonly Pick<NavItem, 'path'>[]) => list.map((item) => item.path);

describe('visibleNavItems', () => {
  it('shows an inspector the public pages and the inspectors’ pages, in order', () => {
    expect(paths(visibleNavItems(items, ['inspector']))).toEqual(['/', '/plans', '/findings']);
  });

  it('shows a citizen the public pages and their own dossiers only', () => {
    expect(paths(visibleNavItems(items, ['citizen']))).toEqual(['/', '/dossiers/mine']);
  });

  it('shows an anonymous visitor the public pages only', () => {
    expect(paths(visibleNavItems(items, []))).toEqual(['/']);
  });

  it('joins what several roles may use without repeating items', () => {
    expect(paths(visibleNavItems(items, ['unit_head', 'citizen']))).toEqual(['/', '/dossiers/mine', '/findings']);
  });

  it('keeps “My account” from anonymous visitors and offers it to every role', () => {
    expect(paths(visibleNavItems(NAV_ITEMS, []))).toEqual(['/', '/lookup', '/feedback']);
    for (const role of ['inspector', 'unit_head', 'citizen', 'partner', 'admin'] as const) {
      expect(paths(visibleNavItems(NAV_ITEMS, [role]))).toContain('/me');
    }
  });

  it('offers the dashboard, dossiers, procedures and units to staff, reception and the inspection inbox to unit heads, the public pages to everyone, and none of the staff pages to citizens or partners', () => {
    const pub = ['/lookup', '/feedback'];
    expect(paths(visibleNavItems(NAV_ITEMS, ['unit_head']))).toEqual(['/', '/dashboard', '/dossiers', '/dossiers/new', '/inspections', '/procedures', '/units', '/me', ...pub, '/feedback-inbox']);
    expect(paths(visibleNavItems(NAV_ITEMS, ['admin']))).toEqual(['/', '/dashboard', '/dossiers', '/procedures', '/units', '/me', ...pub, '/feedback-inbox']);
    expect(paths(visibleNavItems(NAV_ITEMS, ['inspector']))).toEqual(['/', '/dashboard', '/dossiers', '/plans', '/procedures', '/units', '/me', ...pub, '/feedback-inbox']);
    expect(paths(visibleNavItems(NAV_ITEMS, ['citizen']))).toEqual(['/', '/me', ...pub, '/my-dossiers']);
    expect(paths(visibleNavItems(NAV_ITEMS, ['partner']))).toEqual(['/', '/me', ...pub]);
  });

  it('loads the light public pages in full instead of routing to them inside the staff app', () => {
    expect(NAV_ITEMS.filter((item) => item.reloadDocument).map((item) => item.path)).toEqual(['/lookup', '/feedback']);
  });
});
