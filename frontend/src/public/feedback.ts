import type {
  FeedbackKind,
  PublicFeedbackProceduresQuery,
  PublicFeedbackProceduresQueryVariables,
  PublicFeedbackSubmitMutation,
  PublicFeedbackSubmitMutationVariables,
  PublicFeedbackUnitsQuery,
} from '../gql/public';
import { mapUserErrors } from '../lib/apollo/userErrors';
import { formatDate } from '../lib/format';
import { request } from './api';
import { anonymousAuth, type PublicAuth } from './auth';
import { field, focusWithin, FOCUS_TARGETS, h, radioGroup, type Field } from './dom';
import { language, translator } from './i18n';
import { PUBLIC_FEEDBACK_PROCEDURES, PUBLIC_FEEDBACK_SUBMIT, PUBLIC_FEEDBACK_UNITS } from './operations';
import { busy, problemText, redrawKeepingFocus, type PublicPage } from './shell';

type About = 'procedure' | 'unit' | 'dossier';
type Sent = PublicFeedbackSubmitMutation['feedbackSubmit'];
type Procedure = PublicFeedbackProceduresQuery['feedbackProcedures'][number];
type Unit = PublicFeedbackUnitsQuery['feedbackUnits'][number];

/** The inputs the form shows, by the names the server's `userErrors` use for them. */
const FIELDS = ['procedureId', 'unitId', 'dossierReceiptCode', 'dossierSecondFactor', 'message', 'senderName', 'senderEmail', 'senderPhone'] as const;
type FieldName = (typeof FIELDS)[number];
const SEARCH_DELAY_MS = 300;

/**
 * Public: feedback or a recommendation about a procedure, a unit or the sender's dossier, with the
 * sender's contact details; answers with the code and the one-time secret to follow it. Once `auth`
 * knows the visitor is logged in, it says who sends, and contact details and the dossier's second
 * factor become optional (the server takes the name from the account and checks the applicant).
 */
export function feedbackPage(dossierCode: string, auth: PublicAuth = anonymousAuth): PublicPage {
  const t = translator('feedback');
  const element = h('div', { class: 'page' });
  const values: Record<FieldName | 'search', string> = {
    procedureId: '',
    unitId: '',
    dossierReceiptCode: dossierCode,
    dossierSecondFactor: '',
    message: '',
    senderName: '',
    senderEmail: '',
    senderPhone: '',
    search: '',
  };
  const state = {
    kind: 'FEEDBACK' as FeedbackKind,
    about: (dossierCode ? 'dossier' : 'procedure') as About,
    errors: { fields: {} as Record<string, string>, form: [] as string[] },
    problem: null as unknown,
    sent: null as Sent | null,
  };
  // Choices loaded from the server, kept across renders (a language switch) and searches.
  let units: Unit[] | null = null;
  let unitsFailed: unknown = null;
  let procedures: Procedure[] | null = null;
  const chosenProcedures = new Map<string, Procedure>();
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let searchSeq = 0;

  function render(focus?: 'sent' | 'problem' | FieldName) {
    if (state.sent?.feedback) renderSent(state.sent);
    else renderForm();
    focusWithin(element, focus === 'sent' ? FOCUS_TARGETS.heading : focus === 'problem' ? FOCUS_TARGETS.problems : focus && `[name="${focus}"]`);
  }

  function renderSent(sent: Sent) {
    const { code, answerDueDate } = sent.feedback!;
    element.replaceChildren(
      h('h1', { tabindex: -1 }, t('send.sentTitle')),
      h('p', { class: 'notice ok', role: 'status' }, t('send.sentLead')),
      h(
        'div',
        { class: 'card stack' },
        h('p', null, `${t('send.code')}: `, h('code', { class: 'token', 'data-testid': 'feedback-code' }, code)),
        h('p', null, `${t('send.secret')}: `, h('code', { class: 'token', 'data-testid': 'feedback-secret' }, sent.secret ?? '')),
        h('p', null, t('send.due', { date: formatDate(answerDueDate, language()) })),
      ),
      h('p', { class: 'actions' }, h('a', { href: `/feedback/${encodeURIComponent(code)}` }, t('send.follow')), h('a', { href: '/feedback', class: 'button secondary' }, t('send.another'))),
    );
  }

  function text(name: FieldName, label: string, options: { hint?: string | null; required?: boolean; type?: string; autocomplete?: string } = {}): Field<HTMLInputElement> {
    const input = h('input', {
      name,
      type: options.type ?? 'text',
      value: values[name],
      autocomplete: options.autocomplete ?? 'off',
      spellcheck: options.autocomplete ? null : 'false',
      onInput: (event) => (values[name] = (event.target as HTMLInputElement).value),
    });
    const result = field(label, input, options.hint, options.required);
    result.setError(state.errors.fields[name]);
    return result;
  }

  // The controls of the current render that answers from the server fill in place (focus stays put).
  let unitControl: Field<HTMLSelectElement> | null = null;
  let procedureSelect: HTMLSelectElement | null = null;
  let procedureStatus: HTMLElement | null = null;

  function unitOptions(select: HTMLSelectElement) {
    select.disabled = units == null && !unitsFailed;
    select.replaceChildren(
      h('option', { value: '' }, select.disabled ? t('common:loading') : t('send.unitPlaceholder')),
      ...(units ?? []).map((unit) => h('option', { value: unit.id, selected: unit.id === values.unitId }, unit.name)),
    );
  }

  function unitSection(): HTMLElement {
    const select = h('select', { name: 'unitId', onChange: (event) => (values.unitId = (event.target as HTMLSelectElement).value) });
    unitOptions(select);
    unitControl = field(t('send.unit'), select, null, true);
    unitControl.setError(state.errors.fields.unitId ?? (unitsFailed ? problemText(unitsFailed, (seconds) => t('send.rateLimited', { seconds })) : null));
    return unitControl.root;
  }

  function procedureOptions(select: HTMLSelectElement) {
    const shown = procedures ?? [];
    const chosen = chosenProcedures.get(values.procedureId);
    // The chosen procedure stays selectable when a new search no longer finds it.
    const list = chosen && !shown.some((p) => p.id === chosen.id) ? [chosen, ...shown] : shown;
    select.replaceChildren(
      h('option', { value: '' }, procedures == null ? t('common:loading') : t('send.procedureChoose')),
      ...list.map((p) => h('option', { value: p.id, selected: p.id === values.procedureId }, `${p.name} (${p.nationalCode}) — ${p.unitName}`)),
    );
  }

  function procedureSection(): HTMLElement {
    const status = h('p', { class: 'hint', 'aria-live': 'polite' }, procedures?.length === 0 ? t('send.procedureNone') : '');
    const select = h('select', {
      name: 'procedureId',
      onChange: (event) => {
        values.procedureId = (event.target as HTMLSelectElement).value;
        const picked = procedures?.find((p) => p.id === values.procedureId);
        if (picked) chosenProcedures.set(picked.id, picked);
      },
    });
    procedureOptions(select);
    procedureSelect = select;
    procedureStatus = status;
    const search = h('input', {
      type: 'search',
      name: 'procedureSearch',
      value: values.search,
      autocomplete: 'off',
      onInput: (event) => {
        values.search = (event.target as HTMLInputElement).value;
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => void loadProcedures(), SEARCH_DELAY_MS);
      },
    });
    const procedure = field(t('send.procedure'), select, null, true);
    procedure.setError(state.errors.fields.procedureId);
    return h('div', { class: 'stack' }, field(t('send.procedureSearch'), search, t('send.procedurePlaceholder')).root, status, procedure.root);
  }

  async function loadProcedures() {
    const seq = ++searchSeq;
    try {
      const data = await request<PublicFeedbackProceduresQuery, PublicFeedbackProceduresQueryVariables>(PUBLIC_FEEDBACK_PROCEDURES, { text: values.search.trim() || null, first: 20 });
      if (seq !== searchSeq) return; // a newer search answers instead
      procedures = data.feedbackProcedures;
      if (procedureStatus) procedureStatus.textContent = procedures.length === 0 ? t('send.procedureNone') : '';
    } catch (error) {
      if (seq !== searchSeq) return;
      procedures = procedures ?? [];
      if (procedureStatus) procedureStatus.textContent = problemText(error, (seconds) => t('send.rateLimited', { seconds }));
    }
    if (procedureSelect) procedureOptions(procedureSelect);
  }

  async function loadUnits() {
    try {
      units = (await request<PublicFeedbackUnitsQuery>(PUBLIC_FEEDBACK_UNITS)).feedbackUnits;
      unitsFailed = null;
    } catch (error) {
      unitsFailed = error;
    }
    if (unitControl) {
      unitOptions(unitControl.control);
      unitControl.setError(state.errors.fields.unitId ?? (unitsFailed ? problemText(unitsFailed, (seconds) => t('send.rateLimited', { seconds })) : null));
    }
  }

  function renderForm() {
    const user = auth.getSnapshot().user;
    const kind = radioGroup(
      t('send.kind'),
      'kind',
      (['FEEDBACK', 'RECOMMENDATION'] as const).map((value) => ({ value, label: t(`kind.${value}`) })),
      state.kind,
      (value) => (state.kind = value as FeedbackKind),
    );
    const sections: Record<About, HTMLElement> = {
      procedure: h('div', { 'data-about': 'procedure', hidden: state.about !== 'procedure' }, procedureSection()),
      unit: h('div', { 'data-about': 'unit', hidden: state.about !== 'unit' }, unitSection()),
      dossier: h(
        'div',
        { 'data-about': 'dossier', class: 'stack', hidden: state.about !== 'dossier' },
        text('dossierReceiptCode', t('send.dossierCode'), { required: true }).root,
        text('dossierSecondFactor', t('send.dossierFactor'), { required: !user, hint: user ? t('send.dossierFactorLoggedIn') : null }).root,
      ),
    };
    const about = radioGroup(
      t('send.about'),
      'about',
      (['procedure', 'unit', 'dossier'] as const).map((value) => ({ value, label: t(`send.about${value[0]!.toUpperCase()}${value.slice(1)}`) })),
      state.about,
      (value) => {
        state.about = value as About;
        for (const [name, section] of Object.entries(sections)) section.hidden = name !== value;
        if (value === 'unit' && units == null) void loadUnits();
        if (value === 'procedure' && procedures == null) void loadProcedures();
      },
    );
    const message = h('textarea', { name: 'message', rows: 5, maxlength: 4000, value: values.message, onInput: (event) => (values.message = (event.target as HTMLTextAreaElement).value) });
    const messageField = field(t('send.message'), message, t('send.messageHint'), true);
    messageField.setError(state.errors.fields.message);
    const submit = h('button', { type: 'submit', class: 'button' }, t('send.submit'));
    const problems = [...state.errors.form, ...(state.problem ? [problemText(state.problem, (seconds) => t('send.rateLimited', { seconds }))] : [])];
    element.replaceChildren(
      h('h1', null, t('send.title')),
      h('p', null, t('send.lead')),
      h(
        'form',
        { class: 'card stack', novalidate: true, 'aria-label': t('send.title'), onSubmit: (event) => void send(event, submit) },
        kind.root,
        about.root,
        sections.procedure,
        sections.unit,
        sections.dossier,
        messageField.root,
        h(
          'fieldset',
          { class: 'field stack' },
          h('legend', null, t('send.sender')),
          user && h('p', { class: 'notice info', 'data-testid': 'sending-as' }, t('send.sendingAs', { name: user.displayName })),
          h('p', { class: 'hint' }, t('send.senderHint')),
          text('senderName', t('send.name'), { required: !user, autocomplete: 'name' }).root,
          text('senderEmail', t('send.email'), { type: 'email', autocomplete: 'email' }).root,
          text('senderPhone', t('send.phone'), { type: 'tel', autocomplete: 'tel' }).root,
        ),
        h('div', { class: 'form-problems', 'aria-live': 'polite' }, problems.length > 0 && h('p', { class: 'notice bad', role: 'alert', tabindex: -1 }, problems.join(' '))),
        submit,
      ),
    );
  }

  async function send(event: Event, submit: HTMLButtonElement) {
    event.preventDefault();
    const blank = (value: string) => (value.trim() ? value.trim() : null);
    const about = state.about;
    busy(submit, t('send.sending'));
    state.problem = null;
    try {
      const input: PublicFeedbackSubmitMutationVariables['input'] = {
        kind: state.kind,
        procedureId: about === 'procedure' ? blank(values.procedureId) : null,
        unitId: about === 'unit' ? blank(values.unitId) : null,
        dossierReceiptCode: about === 'dossier' ? blank(values.dossierReceiptCode) : null,
        dossierSecondFactor: about === 'dossier' ? blank(values.dossierSecondFactor) : null,
        message: values.message,
        senderName: blank(values.senderName),
        senderEmail: blank(values.senderEmail),
        senderPhone: blank(values.senderPhone),
      };
      // A logged-in sender needs no contact details: wait (briefly) for a pending login check.
      const data = await request<PublicFeedbackSubmitMutation, PublicFeedbackSubmitMutationVariables>(PUBLIC_FEEDBACK_SUBMIT, { input }, { waitForLogin: true });
      const payload = data.feedbackSubmit;
      const errors = mapUserErrors(payload.userErrors, FIELDS);
      // "About what" errors name the procedure or the unit; about a dossier they go to its code.
      if (about === 'dossier' && (errors.fields.procedureId || errors.fields.unitId)) {
        errors.fields.dossierReceiptCode = [errors.fields.dossierReceiptCode, errors.fields.procedureId ?? errors.fields.unitId].filter(Boolean).join(' ');
      }
      state.errors = errors;
      if (payload.feedback) {
        state.sent = payload;
        render('sent');
        return;
      }
    } catch (error) {
      state.problem = error;
    }
    const first = FIELDS.find((name) => state.errors.fields[name] && (name !== 'procedureId' || about === 'procedure') && (name !== 'unitId' || about === 'unit'));
    render(first ?? 'problem');
  }

  // The login becomes known after the first paint: redraw the form in place, keeping what was typed.
  auth.subscribe(() => {
    if (!state.sent && element.isConnected) redrawKeepingFocus(element, () => render());
  });
  if (state.about === 'procedure') void loadProcedures();
  else if (state.about === 'unit') void loadUnits();
  return { element, title: () => t('send.title'), render: () => render() };
}
