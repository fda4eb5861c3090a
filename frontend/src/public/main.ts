import './public.css';
import { isLanguage, storedLanguage } from '../lib/i18n/language';
import { setRequestAuth } from './api';
import { publicAuth, type PublicAuth } from './auth';
import { h } from './dom';
import { feedbackPage } from './feedback';
import { feedbackStatusPage } from './feedbackStatus';
import { needNamespaces, switchLanguage, t } from './i18n';
import { lookupPage } from './lookup';
import { renderShell, updateAccount, type PublicPage } from './shell';

/**
 * The light entry for the citizens' public pages (`public.html`): dossier lookup, feedback and
 * following it. Plain DOM and `fetch`, no React, Mantine, Apollo or i18next, so a slow phone
 * shows the form after a few kilobytes. The backend answers these paths with `public.html`.
 */
function pageFor(path: string, search: URLSearchParams, auth: PublicAuth): () => PublicPage {
  const route = path.replace(/\/+$/, '');
  if (route === '/lookup') {
    needNamespaces(['common', 'citizen']);
    return lookupPage;
  }
  needNamespaces(['common', 'feedback']);
  if (route === '/feedback') return () => feedbackPage(search.get('dossier') ?? '', auth);
  const follow = /^\/feedback\/([^/]+)$/.exec(route);
  if (follow) return () => feedbackStatusPage(decodeURIComponent(follow[1]!), auth);
  return notFoundPage;
}

function notFoundPage(): PublicPage {
  const element = h('div');
  return {
    element,
    title: () => t('common', 'notFound.title'),
    render: () => element.replaceChildren(h('h1', null, t('common', 'notFound.title')), h('p', null, t('common', 'notFound.text')), h('a', { href: '/' }, t('common', 'notFound.back'))),
  };
}

/**
 * Renders the page at the current URL into `root`. `auth`: whether someone is logged in, known in
 * the background (anonymous at once unless this browser had a Lantern login); tests pass their own.
 */
export async function start(root: HTMLElement, auth: PublicAuth = publicAuth()) {
  setRequestAuth(auth);
  const create = pageFor(window.location.pathname, new URLSearchParams(window.location.search), auth);
  await switchLanguage(storedLanguage());
  const page = create();
  const draw = () => renderShell(root, page, auth.getSnapshot().user, (lng) => void changeLanguage(lng));
  auth.subscribe(() => updateAccount(root, auth.getSnapshot().user));
  async function changeLanguage(lng: string) {
    if (!isLanguage(lng)) return;
    await switchLanguage(lng);
    draw();
    document.getElementById('language')?.focus();
  }
  draw();
  root.removeAttribute('aria-busy');
}

const root = document.getElementById('app');
if (root) {
  start(root).catch(() => {
    // The texts could not be loaded: say so in both languages and offer to try again.
    root.removeAttribute('aria-busy');
    root.replaceChildren(
      h('main', { id: 'main-content' }, h('p', { role: 'alert' }, 'Không tải được trang. Vui lòng kiểm tra kết nối mạng. / The page could not be loaded. Please check your connection.'), h('a', { href: window.location.href }, 'Thử lại / Try again')),
    );
  });
}
