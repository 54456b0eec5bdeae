// The library page's upload form (form[data-media-upload]): sent with a progress bar, then the listing is reloaded
// in place so the bar and the message stay in view. Without script the form posts normally and the server redirects.
import { mediaSettings, progressView, upload, format } from './media-upload.js';

async function refreshListing() {
  const response = await fetch(window.location.href, { headers: { Accept: 'text/html' } });
  if (!response.ok) return;
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const fresh = page.getElementById('media-listing');
  const current = document.getElementById('media-listing');
  if (fresh && current) current.replaceWith(document.adoptNode(fresh));
}

export function enableLibraryUploads(root) {
  const settings = mediaSettings(root);
  if (!settings) return;
  for (const form of root.querySelectorAll('form[data-media-upload]')) {
    const input = form.querySelector('input[type="file"]');
    const button = form.querySelector('button[type="submit"]');
    const view = progressView(form, settings);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const file = input?.files?.[0];
      if (!file) return;
      const folder = new URL(form.action, window.location.href).searchParams.get('folder') ?? '';
      if (button) button.disabled = true;
      view.start(file.name);
      const result = await upload(file, folder, settings, (percent) => view.progress(file.name, percent));
      if (button) button.disabled = false;
      if (!result.ok) {
        view.failed(result.message);
        return;
      }
      view.done(format(settings.text.textUploaded, result.file.name));
      input.value = '';
      await refreshListing();
    });
  }
}
