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
