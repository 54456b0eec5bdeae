// The MediaField widget. The editor renders a text input holding the chosen media paths, comma-separated:
//   <input type="text" name="…" value="tai-lieu/ke-hoach.pdf" data-media-picker [data-media-multiple="true"]>
// (data-media-picker="multiple" works too). This script keeps the input (it is what is posted) and adds the list of
// chosen files and a button opening the library in a <dialog>: browse folders, choose, or upload a file there
// (it is chosen at once). One dialog, cloned from #media-picker-template, serves every picker on the page.
import { mediaSettings, progressView, upload, format } from './media-upload.js';

const SEPARATOR = /[,\n]/;

export function readPaths(input) {
  return input.value.split(SEPARATOR).map((p) => p.trim()).filter((p) => p.length > 0);
}

function writePaths(input, paths) {
  input.value = paths.join(', ');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function isMultiple(input) {
  const flag = input.dataset.mediaMultiple ?? input.dataset.multiple;
  return input.dataset.mediaPicker === 'multiple' || (flag !== undefined && flag !== 'false');
}

function element(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function isImage(path, settings) {
  return settings.imageExtensions.includes(path.slice(path.lastIndexOf('.') + 1).toLowerCase());
}

class MediaDialog {
  constructor(settings) {
    this.settings = settings;
    this.dialog = settings.template.content.querySelector('dialog').cloneNode(true);
    document.body.append(this.dialog);
    this.crumbs = this.dialog.querySelector('[data-media-crumbs]');
    this.items = this.dialog.querySelector('[data-media-items]');
    this.empty = this.dialog.querySelector('[data-media-empty]');
    this.fileInput = this.dialog.querySelector('input[type="file"]');
    this.progress = progressView(this.dialog.querySelector('.media-dialog-upload'), settings);
    this.folder = '';
    this.dialog.querySelector('[data-media-close]').addEventListener('click', () => this.dialog.close());
    this.dialog.querySelector('[data-media-done]').addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => this.picker?.button.focus());
    this.fileInput.addEventListener('change', () => this.uploadChosen());
  }

  async open(picker) {
    this.picker = picker;
    this.progress.reset();
    this.dialog.showModal();
    await this.load(this.folder);
  }

  async load(folder) {
    const { text } = this.settings;
    this.items.replaceChildren(element('li', { textContent: text.textLoading }));
    this.empty.hidden = true;
    const url = new URL(this.settings.listUrl, window.location.href);
    url.searchParams.set('folder', folder);
    let listing;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      listing = response.ok && (response.headers.get('Content-Type') ?? '').includes('json') ? await response.json() : null;
    } catch {
      listing = null;
    }
    if (!listing) {
      if (folder !== '') {
        // A folder deleted meanwhile: back to the root.
        this.folder = '';
        await this.load('');
        return;
      }
      this.items.replaceChildren(element('li', { className: 'error', textContent: text.textLoadFailed }));
      return;
    }
    this.folder = listing.folder;
    this.render(listing);
  }

  render(listing) {
    const root = this.settings.template.dataset;
    this.crumbs.replaceChildren(
      element('li', {}, this.folderButton(root.textRoot ?? '/', '')),
      ...listing.crumbs.map((c) => element('li', {}, this.folderButton(c.name, c.path))),
    );
    const chosen = new Set(readPaths(this.picker.input));
    const folders = listing.folders.map((f) => element('li', {}, this.folderButton(f.name + '/', f.path, 'media-item folder')));
    const files = listing.files.map((f) => {
      const button = element('button', { type: 'button', className: 'media-item' });
      button.setAttribute('aria-pressed', String(chosen.has(f.path)));
      button.dataset.path = f.path;
      const preview = f.image
        ? element('img', { src: f.url, alt: '', width: 48, height: 48, loading: 'lazy' })
        : element('span', { className: 'media-icon', textContent: f.type });
      preview.setAttribute('aria-hidden', 'true');
      button.append(preview, element('span', { className: 'media-item-name', textContent: f.name }), element('small', { textContent: f.size }));
      button.addEventListener('click', () => this.choose(f.path));
      return element('li', {}, button);
    });
    this.items.replaceChildren(...folders, ...files);
    this.empty.hidden = folders.length + files.length > 0;
  }

  folderButton(label, path, className = 'link') {
    const button = element('button', { type: 'button', className, textContent: label });
    button.addEventListener('click', () => this.load(path));
    return button;
  }

  choose(path) {
    const { input } = this.picker;
    if (!isMultiple(input)) {
      writePaths(input, [path]);
      this.dialog.close();
      return;
    }
    const paths = readPaths(input);
    writePaths(input, paths.includes(path) ? paths.filter((p) => p !== path) : [...paths, path]);
    for (const button of this.items.querySelectorAll('button[data-path]')) {
      button.setAttribute('aria-pressed', String(readPaths(input).includes(button.dataset.path)));
    }
  }

  async uploadChosen() {
    const file = this.fileInput.files?.[0];
    if (!file) return;
    this.progress.start(file.name);
    const result = await upload(file, this.folder, this.settings, (percent) => this.progress.progress(file.name, percent));
    this.fileInput.value = '';
    if (!result.ok) {
      this.progress.failed(result.message);
      return;
    }
    this.progress.done(format(this.settings.text.textUploaded, result.file.name));
    const { input } = this.picker;
    if (isMultiple(input)) {
      if (!readPaths(input).includes(result.file.path)) writePaths(input, [...readPaths(input), result.file.path]);
      await this.load(this.folder);
    } else {
      writePaths(input, [result.file.path]);
      await this.load(this.folder);
    }
  }
}

function enhance(input, settings, openDialog) {
  const { text } = settings;
  const list = element('ul', { className: 'media-chosen' });
  list.setAttribute('aria-live', 'polite');
  const button = element('button', { type: 'button', className: 'secondary', textContent: text.textOpen });
  button.setAttribute('aria-haspopup', 'dialog');
  const labelId = input.labels?.[0]?.id;
  if (labelId) button.setAttribute('aria-describedby', labelId);
  const box = element('div', { className: 'media-picker' }, list, button);
  input.after(box);
  const picker = { input, button };

  const render = () => {
    const paths = readPaths(input);
    if (paths.length === 0) {
      list.replaceChildren(element('li', { className: 'media-none', textContent: text.textNone }));
      return;
    }
    list.replaceChildren(...paths.map((path) => {
      const link = element('a', { href: settings.mediaBase + path, target: '_blank', rel: 'noopener', textContent: path.split('/').pop() });
      const remove = element('button', { type: 'button', className: 'secondary outline' }, text.textRemove,
        element('span', { className: 'visually-hidden', textContent: ' ' + path }));
      remove.addEventListener('click', () => writePaths(input, readPaths(input).filter((p) => p !== path)));
      const item = element('li', {}, link, remove);
      if (isImage(path, settings)) {
        item.prepend(element('img', { src: settings.mediaBase + path, alt: '', width: 40, height: 40, loading: 'lazy' }));
      }
      return item;
    }));
  };
  input.addEventListener('change', render);
  input.addEventListener('input', render);
  button.addEventListener('click', () => openDialog(picker));
  render();
}

export function enableMediaPickers(root) {
  const inputs = root.querySelectorAll('[data-media-picker]');
  if (inputs.length === 0) return;
  const settings = mediaSettings(root);
  if (!settings) return;
  let dialog = null;
  const open = (picker) => {
    dialog ??= new MediaDialog(settings);
    return dialog.open(picker);
  };
  for (const input of inputs) enhance(input, settings, open);
}
