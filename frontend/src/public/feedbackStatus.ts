import type { PublicFeedbackRateMutation, PublicFeedbackRateMutationVariables, PublicFeedbackStatusQuery, PublicFeedbackStatusQueryVariables } from '../gql/public';
import { formatDate, formatDateTime } from '../lib/format';
import { request } from './api';
import { anonymousAuth, type PublicAuth } from './auth';
import { field, focusWithin, FOCUS_TARGETS, h, radioGroup } from './dom';
import { language, translator } from './i18n';
import { PUBLIC_FEEDBACK_RATE, PUBLIC_FEEDBACK_STATUS } from './operations';
import { busy, problemText, redrawKeepingFocus, type PublicPage } from './shell';

type Item = NonNullable<PublicFeedbackStatusQuery['feedbackStatus']>;
const RATINGS = ['1', '2', '3', '4', '5'] as const;

/**
 * Public: the sender follows a feedback item with its code (in the URL) and the secret (typed, never
 * in the URL); a sender who was logged in when sending it may leave the secret out, and rate without it.
 */
export function feedbackStatusPage(code: string, auth: PublicAuth = anonymousAuth): PublicPage {
  const t = translator('feedback');
  const element = h('div', { class: 'page' });
  const state = {
    secret: '',
    noMatch: false,
    problem: null as unknown,
    item: null as Item | null,
    asked: '',
    rated: false,
  };

  function render(focus?: 'item' | 'outcome' | 'rating') {
    element.replaceChildren(h('h1', { tabindex: -1 }, t('follow.title', { code })), ...(state.item ? [itemView(state.item)] : formView()));
    focusWithin(element, focus && { item: FOCUS_TARGETS.heading, outcome: FOCUS_TARGETS.outcome, rating: FOCUS_TARGETS.rating }[focus]);
  }

  function formView(): HTMLElement[] {
    const secret = field(
      t('follow.secret'),
      h('input', { name: 'secret', value: state.secret, autocomplete: 'off', spellcheck: 'false', onInput: (event) => (state.secret = (event.target as HTMLInputElement).value) }),
      auth.getSnapshot().user ? t('follow.secretLoggedIn') : null,
    );
    const submit = h('button', { type: 'submit', class: 'button' }, t('follow.submit'));
    return [
      h('p', null, t('follow.lead')),
      h('form', { class: 'card stack', novalidate: true, 'aria-label': t('follow.submit'), onSubmit: (event) => void find(event, submit) }, secret.root, submit),
      h(
        'div',
        { class: 'outcome', 'aria-live': 'polite' },
        state.noMatch && h('p', { class: 'notice bad', role: 'alert', tabindex: -1, 'data-testid': 'feedback-no-match' }, t('follow.noMatch')),
        state.problem != null && h('p', { class: 'notice warn', role: 'alert', tabindex: -1 }, problemText(state.problem, (seconds) => t('follow.rateLimited', { seconds }))),
      ),
    ];
  }

  async function find(event: Event, submit: HTMLButtonElement) {
    event.preventDefault();
    state.asked = state.secret.trim();
    state.noMatch = false;
    state.problem = null;
    busy(submit, t('follow.searching'));
    try {
      const data = await request<PublicFeedbackStatusQuery, PublicFeedbackStatusQueryVariables>(PUBLIC_FEEDBACK_STATUS, { code, secret: state.asked || null }, { waitForLogin: true });
      state.item = data.feedbackStatus;
      state.noMatch = data.feedbackStatus == null;
    } catch (error) {
      state.problem = error;
    }
    render(state.item ? 'item' : 'outcome');
  }

  function itemView(item: Item): HTMLElement {
    const lng = language();
    const labelled = (label: string, value: string) => h('p', null, h('strong', null, `${label}:`), ` ${value}`);
    const tone = item.status === 'ANSWERED' ? 'ok' : item.overdue ? 'bad' : 'info';
    return h(
      'article',
      { class: 'card stack', 'data-testid': 'feedback-status' },
      h('div', { class: 'card-head' }, h('p', { class: 'strong' }, t(`kind.${item.kind}`)), h('span', { class: `badge ${tone}` }, t(`status.${item.status}`))),
      labelled(t('follow.unit'), item.unitName),
      item.procedureName && labelled(t('follow.procedure'), item.procedureName),
      item.dossierReceiptCode && labelled(t('follow.dossier'), item.dossierReceiptCode),
      h(
        'p',
        null,
        h('strong', null, `${t('follow.submitted')}:`),
        ` ${formatDateTime(item.submittedAt, lng)} · `,
        h('strong', null, `${t('follow.due')}:`),
        ` ${formatDate(item.answerDueDate, lng)}`,
      ),
      h('section', { 'aria-labelledby': 'feedback-message' }, h('h2', { id: 'feedback-message', class: 'h4' }, t('follow.message')), h('p', { class: 'pre' }, item.message)),
      item.answer
        ? h(
            'section',
            { class: 'notice ok', 'aria-labelledby': 'feedback-answer-title', 'data-testid': 'feedback-answer' },
            h('h2', { id: 'feedback-answer-title', class: 'h4' }, t('follow.answer')),
            h('p', { class: 'pre' }, item.answer.text),
            h('p', { class: 'small' }, t('follow.answeredAt', { at: formatDateTime(item.answer.answeredAt, lng) }), item.answer.late ? ` · ${t('follow.answeredLate')}` : ''),
          )
        : item.overdue
          ? h('p', { class: 'notice bad', role: 'status' }, t('follow.overdue'))
          : h('p', null, t('follow.waiting', { date: formatDate(item.answerDueDate, lng) })),
      (item.canRate || item.rating != null) && ratingView(item),
    );
  }

  function ratingView(item: Item): HTMLElement {
    if (item.rating != null) {
      return h('p', { class: 'notice ok', role: 'status', tabindex: -1, 'data-testid': 'rating-given' }, state.rated ? `${t('follow.thanks')} ` : '', t('follow.rated', { label: t(`rating.${item.rating}`) }));
    }
    let value: string | null = null;
    const submit = h('button', { type: 'submit', class: 'button', disabled: true }, t('follow.rateSubmit'));
    const choices = radioGroup(t('follow.rateTitle'), 'rating', RATINGS.map((n) => ({ value: n, label: t(`rating.${n}`) })), null, (next) => {
      value = next;
      submit.disabled = false;
    });
    async function rate(event: Event) {
      event.preventDefault();
      if (!value) return;
      const done = busy(submit, t('follow.rateSubmit'));
      try {
        const data = await request<PublicFeedbackRateMutation, PublicFeedbackRateMutationVariables>(
          PUBLIC_FEEDBACK_RATE,
          { input: { code: item.code, secret: state.asked || null, rating: Number(value) } },
          { waitForLogin: true },
        );
        const payload = data.feedbackRate;
        if (payload.feedback && payload.userErrors.length === 0) {
          state.item = { ...item, rating: payload.feedback.rating, canRate: payload.feedback.canRate };
          state.rated = true;
          render('rating');
          return;
        }
        choices.setError(payload.userErrors.map((e) => e.message).join(' '));
      } catch (error) {
        choices.setError(problemText(error, (seconds) => t('follow.rateLimited', { seconds })));
      }
      done();
    }
    return h('form', { class: 'stack', onSubmit: (event) => void rate(event) }, choices.root, submit);
  }

  // The login becomes known after the first paint: the secret's hint follows it (what was typed stays).
  auth.subscribe(() => {
    if (!state.item && element.isConnected) redrawKeepingFocus(element, () => render());
  });
  return { element, title: () => t('follow.title', { code }), render: () => render() };
}
