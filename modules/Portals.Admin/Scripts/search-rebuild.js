// The search page's rebuild status (SearchIndex/Index): asks the status handler once on load and again every second
// while a rebuild runs, and shows its progress, its sentence and the index figures. Markup:
//   <div data-rebuild-status data-status-url="…?handler=Status"> <progress> <p data-rebuild-message> </div>
//   <button data-rebuild-start>   <dd data-figure="documents|setAside">

const POLL_MS = 1000;

function render(status, root, box) {
  const progress = box.querySelector('progress');
  const running = status.state === 'Running';
  box.setAttribute('data-state', status.state);
  progress.hidden = !running;
  if (running && status.total > 0) {
    progress.max = status.total;
    progress.value = status.done;
  } else {
    // Indeterminate while the items are being counted.
    progress.removeAttribute('value');
  }
  box.querySelector('[data-rebuild-message]').textContent = status.message;
  for (const figure of root.querySelectorAll('[data-figure]')) {
    const value = status[figure.getAttribute('data-figure')];
    if (value !== undefined) figure.textContent = String(value);
  }
  const start = root.querySelector('[data-rebuild-start]');
  if (start) start.disabled = running;
  return running;
}

export function enableSearchRebuild(root) {
  const box = root.querySelector('[data-rebuild-status]');
  if (!box) return;
  const url = box.getAttribute('data-status-url');
  const poll = async () => {
    let running = false;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      // A lost session or a server error: the page keeps what it shows; reloading it tells the user why.
      if (response.ok) running = render(await response.json(), root, box);
    } catch {
      // The network dropped for a moment: keep asking while the page last saw a rebuild running.
      running = box.getAttribute('data-state') === 'Running';
    }
    if (running) window.setTimeout(poll, POLL_MS);
  };
  poll();
}
