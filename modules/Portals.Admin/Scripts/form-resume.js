// Keeps what was typed when a POST cannot be processed because the session expired (the server sends the browser
// to the sign-in page with a returnUrl ending in resume=1) or its antiforgery token went stale (the 400 page links
// back with resume=1). On submit the form's fields go to sessionStorage (this tab only); when the page comes back
// with resume=1 they are put back and a notice asks the user to check and submit again.
// Never stored: passwords, files, the antiforgery token, and forms marked data-no-resume.

const PREFIX = 'portals.resume:';
const MAX_AGE_MS = 12 * 60 * 60 * 1000;
const SKIPPED_TYPES = new Set(['password', 'file', 'submit', 'button', 'reset', 'image']);
const TOKEN = '__RequestVerificationToken';

function keyOf(form) {
  const url = new URL(form.getAttribute('action') || window.location.href, window.location.href);
  url.searchParams.delete('resume');
  return PREFIX + url.pathname.toLowerCase() + url.search;
}

function storable(element) {
  return element.name && element.name !== TOKEN && !element.disabled && !SKIPPED_TYPES.has(element.type);
}

export function rememberOnSubmit(root) {
  root.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post' || form.hasAttribute('data-no-resume')) {
      return;
    }
    const fields = [];
    for (const element of form.elements) {
      if (!storable(element)) continue;
      if ((element.type === 'checkbox' || element.type === 'radio') && !element.checked) continue;
      if (element instanceof HTMLSelectElement) {
        for (const option of element.selectedOptions) fields.push([element.name, option.value]);
      } else {
        fields.push([element.name, element.value]);
      }
    }
    try {
      sessionStorage.setItem(keyOf(form), JSON.stringify({ savedAt: Date.now(), fields }));
    } catch {
      // Storage full or disabled: the submit itself must still go ahead.
    }
  });
}

function fill(form, fields) {
  const byName = new Map();
  for (const [name, value] of fields) {
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name).push(value);
  }
  const used = new Map();
  for (const element of form.elements) {
    if (!storable(element) || !byName.has(element.name)) continue;
    const values = byName.get(element.name);
    if (element.type === 'checkbox' || element.type === 'radio') {
      element.checked = values.includes(element.value);
    } else if (element instanceof HTMLSelectElement) {
      for (const option of element.options) option.selected = values.includes(option.value);
    } else {
      const index = used.get(element.name) ?? 0;
      if (index < values.length) element.value = values[index];
      used.set(element.name, index + 1);
    }
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }
  form.dispatchEvent(new CustomEvent('portals:form-restored', { bubbles: true }));
}

export function restorePendingForms(root) {
  const resuming = new URLSearchParams(window.location.search).get('resume') === '1';
  let restored = false;
  for (const form of root.querySelectorAll('form[method="post" i]')) {
    const key = keyOf(form);
    const raw = sessionStorage.getItem(key);
    if (!raw) continue;
    sessionStorage.removeItem(key);
    if (!resuming) continue;
    const saved = JSON.parse(raw);
    if (Date.now() - saved.savedAt > MAX_AGE_MS) continue;
    fill(form, saved.fields);
    restored = true;
  }
  const notice = root.getElementById('form-restored');
  if (restored && notice) {
    notice.hidden = false;
    notice.focus();
  }
}
