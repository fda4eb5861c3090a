/** A tiny element builder for the public pages: no framework, the DOM is the state of the form. */

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

/** Properties rather than attributes: `value` of a textarea, `checked` of a radio follow the user's input. */
const PROPERTIES = new Set(['value', 'checked']);

/**
 * `h('button', { type: 'submit', onClick: … }, 'Tra cứu')`. Attributes that are null, undefined or
 * false are left out, true gives an empty attribute; `on…` adds a listener; text children are text nodes.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (PROPERTIES.has(name)) {
      (element as unknown as Record<string, unknown>)[name] = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value != null) {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: readonly Child[]) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? (child as Node) : document.createTextNode(String(child)));
  }
}

let nextId = 0;
/** A document-unique id, to tie labels, hints and errors to their input. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

export interface Field<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement> {
  /** The wrapper: label, hint, control and error. */
  root: HTMLElement;
  control: E;
  /** Shows `message` under the control (marking it invalid), or clears it. */
  setError(message: string | null | undefined): void;
}

/**
 * A labelled control with an optional hint; its error is tied to it with `aria-describedby` and
 * `aria-invalid`, so a screen reader reads the message when the field gets focus.
 */
export function field<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(label: string, control: E, hint?: string | null, required = false): Field<E> {
  const id = control.id || uid('f');
  control.id = id;
  if (required) control.setAttribute('aria-required', 'true');
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const errorEl = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const describedBy = () => [hintEl?.id, errorEl.hidden ? null : errorEl.id].filter(Boolean).join(' ');
  if (hintEl) control.setAttribute('aria-describedby', describedBy());
  const root = h('div', { class: 'field' }, h('label', { for: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null), hintEl, control, errorEl);
  return {
    root,
    control,
    setError(message) {
      errorEl.textContent = message ?? '';
      errorEl.hidden = !message;
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      const ids = describedBy();
      if (ids) control.setAttribute('aria-describedby', ids);
      else control.removeAttribute('aria-describedby');
    },
  };
}

/** A group of radio buttons in a fieldset with its legend (keyboard: arrows move between them). */
export function radioGroup(legend: string, name: string, options: ReadonlyArray<{ value: string; label: string }>, checked: string | null, onChange: (value: string) => void) {
  const errorEl = h('p', { class: 'field-error', id: uid('e'), hidden: true });
  const root = h(
    'fieldset',
    { class: 'field choices' },
    h('legend', null, legend),
    options.map(({ value, label }) =>
      h(
        'label',
        { class: 'choice' },
        h('input', { type: 'radio', name, value, checked: value === checked, onChange: () => onChange(value) }),
        h('span', null, label),
      ),
    ),
    errorEl,
  );
  return {
    root,
    setError(message: string | null | undefined) {
      errorEl.textContent = message ?? '';
      errorEl.hidden = !message;
      if (message) root.setAttribute('aria-describedby', errorEl.id);
      else root.removeAttribute('aria-describedby');
    },
  };
}

/** Where a page's focus goes after it redraws: the first element of `root` matching the selector, if any. */
export function focusWithin(root: ParentNode, selector: string | null | undefined) {
  if (selector) root.querySelector<HTMLElement>(selector)?.focus();
}

/** The selectors of the places a redrawn page may move the focus to. */
export const FOCUS_TARGETS = {
  heading: 'h1',
  outcome: '.outcome > *',
  rating: '[data-testid="rating-given"]',
  problems: '.form-problems > *',
} as const;
