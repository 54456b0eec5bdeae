// Small behaviours of the admin layout, bound from data attributes (no inline handlers: the CSP forbids them).

export function enableNavToggle(root) {
  for (const button of root.querySelectorAll('[data-nav-toggle]')) {
    const nav = root.getElementById(button.getAttribute('aria-controls'));
    if (!nav) continue;
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      nav.classList.toggle('open', open);
    });
  }
}

// <form data-confirm="Question?"> or <button data-confirm="…">: asks before submitting.
export function enableConfirmations(root) {
  root.addEventListener('submit', (event) => {
    const submitter = event.submitter;
    const message = submitter?.getAttribute('data-confirm') ?? event.target.getAttribute?.('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
}

// A second click while a form is being sent would send it twice: the button that sent it is disabled until the
// page changes (or comes back from the browser's cache, e.g. with the Back button).
export function preventDoubleSubmit(root) {
  root.addEventListener('submit', (event) => {
    const button = event.submitter;
    if (event.defaultPrevented || !(button instanceof HTMLButtonElement)) return;
    // After this task, so the button's own name/value is still part of what is sent.
    setTimeout(() => {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
    }, 0);
  });
  window.addEventListener('pageshow', () => {
    for (const button of root.querySelectorAll('button[aria-busy="true"]')) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
}
