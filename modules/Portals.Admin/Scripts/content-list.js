// Search as you type in a content list: <form data-live-search data-results="content-results"> is a plain GET form
// (it works without script); while typing or changing a filter, the same URL is fetched and the results region
// replaced, and the address bar follows so the list can be shared or reloaded.

const DELAY_MS = 300;

export function enableLiveSearch(root) {
  for (const form of root.querySelectorAll('form[data-live-search]')) {
    const results = root.getElementById(form.getAttribute('data-results'));
    if (!results) continue;
    let timer = 0;
    let pending = null;
    const refresh = async () => {
      const url = new URL(form.getAttribute('action') || window.location.pathname, window.location.href);
      url.search = new URLSearchParams(new FormData(form)).toString();
      pending?.abort();
      pending = new AbortController();
      results.setAttribute('aria-busy', 'true');
      try {
        const response = await fetch(url, { signal: pending.signal, headers: { Accept: 'text/html' }, credentials: 'same-origin' });
        if (!response.ok) return;
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        const fresh = page.getElementById(results.id);
        if (fresh) {
          results.innerHTML = fresh.innerHTML;
          window.history.replaceState(null, '', url);
        }
      } catch (error) {
        if (error.name !== 'AbortError') throw error;
      } finally {
        results.removeAttribute('aria-busy');
      }
    };
    const later = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, DELAY_MS);
    };
    form.addEventListener('input', (event) => {
      if (event.target.matches('input[type="search"], input[type="text"]')) later();
    });
    form.addEventListener('change', (event) => {
      if (event.target.matches('select')) refresh();
    });
  }
}
