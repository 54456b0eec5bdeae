// One file to /admin/media/upload with XMLHttpRequest, whose upload events give a real progress bar (fetch has no
// upload progress without streaming bodies). The antiforgery token goes in the RequestVerificationToken header, so
// the server checks it without buffering the file; the answer is JSON (201) or a problem whose detail is the message.

const TOKEN_HEADER = 'RequestVerificationToken';

// "Đang tải lên {0}: {1}%" with ("a.pdf", 40).
export function format(text, ...values) {
  return (text ?? '').replace(/\{(\d+)\}/g, (match, index) => values[Number(index)] ?? match);
}

// The picker's template carries URLs, limits and texts for every page (see Pages/Media/_Nav.cshtml).
export function mediaSettings(root = document) {
  const template = root.getElementById('media-picker-template');
  if (!template) return null;
  const data = template.dataset;
  return {
    template,
    listUrl: data.listUrl,
    uploadUrl: data.uploadUrl,
    mediaBase: data.mediaBase,
    maxImage: Number(data.maxImage),
    maxDocument: Number(data.maxDocument),
    imageExtensions: (data.imageExtensions ?? '').split(','),
    token: template.content.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '',
    text: data,
  };
}

function extensionOf(name) {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

// The server decides; this only spares a long upload that would be refused for its size.
export function sizeProblem(file, settings) {
  const image = settings.imageExtensions.includes(extensionOf(file.name));
  const limit = image ? settings.maxImage : settings.maxDocument;
  if (!limit || file.size <= limit) return null;
  const label = { jpg: 'JPEG', jpeg: 'JPEG', webp: 'WebP' }[extensionOf(file.name)] ?? extensionOf(file.name).toUpperCase();
  return format(settings.text.textTooLarge, file.name, (limit / 1048576).toFixed(0), label);
}

// Resolves with { ok: true, file } or { ok: false, message }; never rejects.
export function upload(file, folder, settings, onProgress) {
  return new Promise((resolve) => {
    const problem = sizeProblem(file, settings);
    if (problem) {
      resolve({ ok: false, message: problem });
      return;
    }
    const url = new URL(settings.uploadUrl, window.location.href);
    url.searchParams.set('folder', folder ?? '');
    const body = new FormData();
    body.append('file', file, file.name);
    const request = new XMLHttpRequest();
    request.open('POST', url.toString());
    request.setRequestHeader(TOKEN_HEADER, settings.token);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.(Math.min(99, Math.round((event.loaded / event.total) * 100)));
    });
    request.addEventListener('load', () => {
      const type = request.getResponseHeader('Content-Type') ?? '';
      let json = null;
      try {
        json = type.includes('json') ? JSON.parse(request.responseText) : null;
      } catch {
        json = null;
      }
      if (request.status === 201 && json) {
        onProgress?.(100);
        resolve({ ok: true, file: json });
      } else if (json?.detail) {
        resolve({ ok: false, message: json.detail });
      } else {
        // An expired session ends on the sign-in page (HTML), a stale token on the "form expired" page.
        resolve({ ok: false, message: settings.text.textSession });
      }
    });
    request.addEventListener('error', () => resolve({ ok: false, message: settings.text.textNetwork }));
    request.send(body);
  });
}

// Drives a _Progress.cshtml block (progress bar + status line) inside container.
export function progressView(container, settings) {
  const box = container.querySelector('[data-media-progress]');
  const bar = box?.querySelector('progress');
  const text = box?.querySelector('[data-media-progress-text]');
  const status = container.querySelector('[data-media-status]');
  return {
    reset() {
      if (box) box.hidden = true;
      if (status) {
        status.textContent = '';
        status.classList.remove('error');
        status.setAttribute('role', 'status');
      }
    },
    start(name) {
      if (box) box.hidden = false;
      if (bar) bar.value = 0;
      if (text) text.textContent = format(settings.text.textUploading, name, 0);
      if (status) {
        status.textContent = '';
        status.classList.remove('error');
        status.setAttribute('role', 'status');
      }
    },
    progress(name, percent) {
      if (bar) bar.value = percent;
      if (text) text.textContent = format(settings.text.textUploading, name, percent);
    },
    done(message) {
      if (bar) bar.value = 100;
      if (text) text.textContent = '100%';
      if (status) status.textContent = message;
    },
    failed(message) {
      if (box) box.hidden = true;
      if (status) {
        status.setAttribute('role', 'alert');
        status.classList.add('error');
        status.textContent = message;
      }
    },
  };
}
