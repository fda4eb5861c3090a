import type { PublicDossierLookupQuery, PublicDossierLookupQueryVariables } from '../gql/public';
import { request, RequestError } from './api';
import { field, focusWithin, FOCUS_TARGETS, h } from './dom';
import { dossierView, type Dossier } from './dossierView';
import { translator } from './i18n';
import { PUBLIC_DOSSIER_LOOKUP, PUBLIC_PAGE_DOSSIER } from './operations';
import { busy, problemText, type PublicPage } from './shell';

type Outcome = { kind: 'noMatch' } | { kind: 'error'; error: unknown };

/**
 * Public, no login: the lookup form, then the result on the same page. The code and the second
 * factor stay out of the URL (a secret must not land in browser history or server logs).
 */
export function lookupPage(): PublicPage {
  const t = translator('citizen');
  const element = h('div', { class: 'page' });
  const state = {
    code: '',
    factor: '',
    missing: { code: false, factor: false },
    outcome: null as Outcome | null,
    found: null as { dossier: Dossier; factor: string; rated: boolean } | null,
  };

  function render(focus?: 'result' | 'rating' | 'code' | 'factor' | 'outcome') {
    if (state.found) renderResult(state.found);
    else renderForm();
    focusWithin(
      element,
      focus &&
        { result: FOCUS_TARGETS.heading, rating: FOCUS_TARGETS.rating, outcome: FOCUS_TARGETS.outcome, code: '[name="receiptCode"]', factor: '[name="secondFactor"]' }[focus],
    );
  }

  function renderResult(found: NonNullable<typeof state.found>) {
    element.replaceChildren(
      h('h1', { tabindex: -1 }, t('lookup.title')),
      dossierView(found.dossier, {
        secondFactor: found.factor,
        rated: found.rated,
        onRated: (dossier) => {
          state.found = { ...found, dossier, rated: true };
          render('rating');
        },
      }),
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          onClick: () => {
            state.found = null;
            state.factor = '';
            state.outcome = null;
            render('code');
          },
        },
        t('lookup.again'),
      ),
    );
  }

  function renderForm() {
    const required = (label: string) => t('lookup.required', { field: label.toLowerCase() });
    const input = (name: string, value: string, onInput: (value: string) => void) =>
      h('input', { name, value, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', onInput: (event) => onInput((event.target as HTMLInputElement).value) });
    const code = field(t('lookup.receiptCode'), input('receiptCode', state.code, (v) => (state.code = v)), t('lookup.receiptCodeHint'), true);
    const factor = field(t('lookup.secondFactor'), input('secondFactor', state.factor, (v) => (state.factor = v)), t('lookup.secondFactorHint'), true);
    code.setError(state.missing.code ? required(t('lookup.receiptCode')) : null);
    factor.setError(state.missing.factor ? required(t('lookup.secondFactor')) : null);
    const submit = h('button', { type: 'submit', class: 'button' }, t('lookup.submit'));
    const outcome = state.outcome;
    element.replaceChildren(
      h('h1', null, t('lookup.title')),
      h('p', null, t('lookup.lead')),
      h('form', { class: 'card stack', novalidate: true, 'aria-label': t('lookup.title'), onSubmit: (event) => void lookup(event, submit) }, code.root, factor.root, submit),
      h(
        'div',
        { class: 'outcome', 'aria-live': 'polite' },
        outcome?.kind === 'noMatch' && h('p', { class: 'notice bad', role: 'alert', tabindex: -1, 'data-testid': 'lookup-no-match' }, t('lookup.noMatch')),
        outcome?.kind === 'error' &&
          h(
            'p',
            { class: 'notice warn', role: 'alert', tabindex: -1, 'data-testid': outcome.error instanceof RequestError && outcome.error.retryAfterSeconds ? 'lookup-rate-limited' : 'lookup-error' },
            problemText(outcome.error, (seconds) => t('lookup.rateLimited', { seconds })),
          ),
      ),
      h('p', { class: 'muted small' }, t('lookup.privacy')),
    );
  }

  async function lookup(event: Event, submit: HTMLButtonElement) {
    event.preventDefault();
    const receiptCode = state.code.trim();
    const secondFactor = state.factor.trim();
    state.missing = { code: !receiptCode, factor: !secondFactor };
    state.outcome = null;
    if (!receiptCode || !secondFactor) {
      render(receiptCode ? 'factor' : 'code');
      return;
    }
    busy(submit, t('lookup.searching'));
    try {
      const data = await request<PublicDossierLookupQuery, PublicDossierLookupQueryVariables>(PUBLIC_DOSSIER_LOOKUP + PUBLIC_PAGE_DOSSIER, { receiptCode, secondFactor });
      if (data.dossierLookup) {
        state.found = { dossier: data.dossierLookup, factor: secondFactor, rated: false };
        // Screen-reader and keyboard users land on the result, not on the top of an unchanged page.
        render('result');
        return;
      }
      state.outcome = { kind: 'noMatch' };
    } catch (error) {
      state.outcome = { kind: 'error', error };
    }
    render('outcome');
  }

  return { element, title: () => t('lookup.title'), render: () => render() };
}
