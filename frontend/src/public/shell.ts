import type { AuthUser } from '../lib/auth/user';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../lib/i18n/language';
import { RequestError } from './api';
import { h } from './dom';
import { language, t } from './i18n';

/** A public page: its title and a `render` that (re)builds its content from its state, e.g. after a language switch. */
export interface PublicPage {
  title(): string;
  element: HTMLElement;
  render(): void;
}

const LINKS = [
  { href: '/lookup', key: 'nav.lookup' },
  { href: '/feedback', key: 'nav.feedback' },
  // Pages of the staff SPA, which needs a login: full page loads.
  { href: '/my-dossiers', key: 'nav.myDossiers' },
  { href: '/me', key: 'auth.login' },
] as const;

/** The last link of the header: "Log in", or the logged-in person's name (both open the SPA's `/me`). */
const accountText = (user: AuthUser | null) => (user ? user.displayName : t('common', 'auth.login'));

/** Puts the logged-in person's name in the header once the login is known, without redrawing the page. */
export function updateAccount(root: HTMLElement, user: AuthUser | null) {
  const link = root.querySelector<HTMLAnchorElement>('[data-testid="account"]');
  if (link) link.textContent = accountText(user);
}

/**
 * The frame of every public page: skip link, the Lantern name back to the start page, links to the
 * public pages and to the logged-in part, and the language choice shared with the SPA.
 */
export function renderShell(root: HTMLElement, page: PublicPage, user: AuthUser | null, onLanguage: (lng: Language) => void) {
  const here = window.location.pathname;
  const current = (href: string) => (href === '/feedback' ? here.startsWith('/feedback') : here === href);
  const select = h(
    'select',
    { id: 'language', 'data-testid': 'language', onChange: (event) => onLanguage((event.target as HTMLSelectElement).value as Language) },
    LANGUAGES.map((lng) => h('option', { value: lng, selected: lng === language(), lang: lng }, LANGUAGE_NAMES[lng])),
  );
  root.replaceChildren(
    h('a', { class: 'skip-link', href: '#main-content' }, t('common', 'skipToContent')),
    h(
      'header',
      { class: 'site-header' },
      h('div', { class: 'brand' }, h('a', { href: '/', class: 'brand-name' }, t('common', 'appName')), h('span', { class: 'tagline' }, t('common', 'tagline'))),
      h('div', { class: 'language' }, h('label', { for: 'language', class: 'visually-hidden' }, t('common', 'language.label')), select),
      h(
        'nav',
        { 'aria-label': t('common', 'nav.label') },
        h(
          'ul',
          null,
          LINKS.map(({ href, key }) =>
            h(
              'li',
              null,
              key === 'auth.login'
                ? h('a', { href, 'data-testid': 'account' }, accountText(user))
                : h('a', { href, 'aria-current': current(href) ? 'page' : null }, t('common', key)),
            ),
          ),
        ),
      ),
    ),
    h('main', { id: 'main-content', tabindex: -1 }, page.element),
  );
  page.render();
  document.title = `${page.title()} – Lantern`;
}

/** An error in the reader's words, with the id the server logged it under; `rateLimitedKey` when it said "too often". */
export function problemText(error: unknown, rateLimited: (seconds: number) => string): string {
  if (error instanceof RequestError && error.retryAfterSeconds) return rateLimited(error.retryAfterSeconds);
  const kind = error instanceof RequestError ? error.kind : 'unknown';
  const text = t('common', `errors.${kind}`);
  return error instanceof RequestError && error.errorId ? `${text} ${t('common', 'errors.errorId', { errorId: error.errorId })}` : text;
}

/**
 * Redraws a form (e.g. once the login is known) and puts the focus and caret back where they were,
 * so a visitor who already started typing does not notice.
 */
export function redrawKeepingFocus(container: HTMLElement, redraw: () => void) {
  const active = document.activeElement;
  const name = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement ? active.name : '';
  const inside = name !== '' && container.contains(active);
  const radioValue = active instanceof HTMLInputElement && active.type === 'radio' ? active.value : null;
  const caret = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? [active.selectionStart, active.selectionEnd] : null;
  redraw();
  if (!inside) return;
  const selector = radioValue == null ? `[name="${name}"]` : `[name="${name}"][value="${radioValue}"]`;
  const again = container.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(selector);
  if (!again) return;
  again.focus();
  if (caret && !(again instanceof HTMLSelectElement) && caret[0] != null) {
    try {
      again.setSelectionRange(caret[0], caret[1]);
    } catch {
      // type="email" inputs have no selection API
    }
  }
}

/** A busy submit button: disabled, saying what is happening; returns a function that restores it. */
export function busy(button: HTMLButtonElement, text: string): () => void {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = text;
  return () => {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
  };
}
