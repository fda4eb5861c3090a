import type { PublicPageDossierFragment, PublicSatisfactionSubmitMutation, PublicSatisfactionSubmitMutationVariables } from '../gql/public';
import { formatDate, formatDateTime } from '../lib/format';
import { request } from './api';
import { h, radioGroup, uid } from './dom';
import { language, translator } from './i18n';
import { PUBLIC_PAGE_DOSSIER, PUBLIC_SATISFACTION_SUBMIT } from './operations';
import { busy, problemText } from './shell';

export type Dossier = PublicPageDossierFragment;
export const RATINGS = ['1', '2', '3', '4', '5'] as const;

const STATUS_TONE: Record<string, string> = {
  SUPPLEMENT_REQUESTED: 'warn',
  RESOLVED: 'ok',
  RETURNED: 'ok',
  REJECTED: 'bad',
  WITHDRAWN: 'muted',
};

export interface DossierViewOptions {
  /** What the lookup was opened with, to rate the dossier. */
  secondFactor: string;
  /** The reader rated just now: the page keeps the rated dossier and shows the thanks. */
  rated: boolean;
  onRated(dossier: Dossier): void;
}

/**
 * A dossier as its applicant sees it: status in plain words, what to do, lateness and the apology,
 * the unit's contact and the timeline, and the satisfaction rating once the result was handed over.
 */
export function dossierView(dossier: Dossier, options: DossierViewOptions): HTMLElement {
  const t = translator('citizen');
  const lng = language();
  const id = uid('dossier');
  const fact = (label: string, value: string) => h('div', { class: 'fact' }, h('dt', null, `${label}:`), h('dd', null, value));
  const contact = [dossier.unitAddress, dossier.unitPhone, dossier.unitEmail].filter(Boolean).join(' · ');
  const late = dossier.overdue || dossier.late;
  return h(
    'article',
    { class: 'card', 'aria-labelledby': id, 'data-testid': 'public-dossier' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { id, class: 'h3' }, dossier.receiptCode),
      h('span', { class: `badge ${STATUS_TONE[dossier.status] ?? 'info'}`, 'data-testid': 'public-status' }, t(`status.${dossier.status}`)),
    ),
    h(
      'dl',
      { class: 'facts' },
      fact(t('facts.procedure'), `${dossier.procedureName} (${dossier.procedureCode})`),
      fact(t('facts.unit'), dossier.unitName),
      contact && fact(t('facts.contact'), contact),
      fact(t('facts.received'), formatDateTime(dossier.receivedAt, lng)),
      fact(t('facts.due'), formatDate(dossier.dueDate, lng)),
      dossier.currentStepName && dossier.status !== 'RETURNED' && fact(t('facts.step'), dossier.currentStepName),
      dossier.resolvedAt && fact(t('facts.resolved'), formatDateTime(dossier.resolvedAt, lng)),
      dossier.returnedAt && fact(t('facts.returned'), formatDateTime(dossier.returnedAt, lng)),
    ),
    late &&
      h(
        'div',
        { class: 'notice warn', 'data-testid': 'public-late' },
        h('p', { class: 'notice-title' }, dossier.overdue ? t('late.overdue') : t('late.late')),
        dossier.apologyReason
          ? [
              h('p', { class: 'strong' }, t('late.apologyTitle')),
              h('p', null, t('late.apologyReason', { reason: dossier.apologyReason })),
              dossier.apologyNewDate && h('p', null, t('late.newDate', { date: formatDate(dossier.apologyNewDate, lng) })),
            ]
          : h('p', null, t('late.noApology')),
      ),
    h(
      'section',
      { 'aria-labelledby': `${id}-todo` },
      h('h3', { id: `${id}-todo`, class: 'h4' }, t('whatToDo')),
      h('p', { 'data-testid': 'public-next' }, t(`next.${dossier.nextAction}`, { due: formatDate(dossier.apologyNewDate ?? dossier.dueDate, lng), unit: dossier.unitName })),
      dossier.supplementReason && h('p', null, h('strong', null, `${t('supplementReason')}:`), ` ${dossier.supplementReason}`),
      dossier.rejectionReason && h('p', null, h('strong', null, `${t('rejectionReason')}:`), ` ${dossier.rejectionReason}`),
    ),
    (dossier.canRate || dossier.satisfaction != null) && ratingForm(dossier, options),
    h(
      'section',
      { 'aria-labelledby': `${id}-timeline` },
      h('h3', { id: `${id}-timeline`, class: 'h4' }, t('timeline.title')),
      h(
        'ol',
        { class: 'timeline', 'data-testid': 'public-timeline' },
        dossier.timeline.map((step) =>
          h(
            'li',
            null,
            h('strong', null, formatDateTime(step.at, lng)),
            ` ${t(`timeline.${step.transition}`)}`,
            step.stepName ? ` — ${step.stepName}` : '',
            step.unitName ? ` (${step.unitName})` : '',
          ),
        ),
      ),
    ),
    h('p', null, h('a', { href: `/feedback?dossier=${encodeURIComponent(dossier.receiptCode)}` }, t('feedbackLink'))),
  );
}

function ratingForm(dossier: Dossier, { secondFactor, rated, onRated }: DossierViewOptions): HTMLElement {
  const t = translator('citizen');
  if (dossier.satisfaction != null) {
    return h('p', { class: 'notice ok', role: 'status', 'data-testid': 'rating-given', tabindex: -1 }, rated ? `${t('rate.thanks')} ` : '', t('rate.given', { label: t(`rate.${dossier.satisfaction}`) }));
  }
  let value: string | null = null;
  const headingId = uid('rate');
  const choices = radioGroup(t('rate.label'), uid('satisfaction'), RATINGS.map((n) => ({ value: n, label: t(`rate.${n}`) })), null, (next) => {
    value = next;
  });
  const submit = h('button', { type: 'submit', class: 'button' }, t('rate.submit'));
  async function send(event: Event) {
    event.preventDefault();
    if (!value) {
      choices.setError(t('rate.choose'));
      return;
    }
    choices.setError(null);
    const done = busy(submit, t('rate.submit'));
    try {
      const result = await request<PublicSatisfactionSubmitMutation, PublicSatisfactionSubmitMutationVariables>(PUBLIC_SATISFACTION_SUBMIT + PUBLIC_PAGE_DOSSIER, {
        input: { receiptCode: dossier.receiptCode, secondFactor: secondFactor || null, satisfaction: Number(value) },
      });
      const payload = result.dossierSatisfactionSubmit;
      if (payload.dossier && payload.userErrors.length === 0) {
        onRated(payload.dossier);
        return;
      }
      choices.setError(payload.userErrors.map((e) => e.message).join(' '));
    } catch (error) {
      choices.setError(problemText(error, (seconds) => t('lookup.rateLimited', { seconds })));
    }
    done();
  }
  return h('form', { class: 'stack', 'aria-labelledby': headingId, onSubmit: (event) => void send(event) }, h('h3', { id: headingId, class: 'h4' }, t('rate.title')), choices.root, submit);
}
