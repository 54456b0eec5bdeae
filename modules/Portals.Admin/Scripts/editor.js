// The rich-text editor (Quill 2, BSD-3-Clause) for content forms. Markup contract:
//   <textarea id="Body" name="Body" hidden>…html…</textarea>
//   <div data-rich-text="Body" aria-labelledby="Body-label"></div>
// The textarea keeps the HTML that is posted (and restored after an expired session); Quill edits a copy and writes
// it back on every change. The server sanitizes whatever arrives.
import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import '../Styles/editor.css';

const TOOLBAR = [
  [{ header: [2, 3, false] }],
  ['bold', 'italic', 'underline', 'link'],
  [{ list: 'ordered' }, { list: 'bullet' }],
  ['blockquote', 'clean'],
];

// Quill 2.0.3's getSemanticHTML writes every space as &nbsp; (slab/quill#4509), which would stop the text from
// wrapping on the public pages; ordinary spaces are what editors typed.
function semanticHtml(quill) {
  return quill.getSemanticHTML().replaceAll('&nbsp;', ' ');
}

// Quill's heading picker is a span with role="button" and no text: screen readers (and axe) need a name for it and
// for its items. The names follow the page's language.
const PICKER_NAMES = {
  vi: { label: 'Kiểu đoạn văn', 2: 'Tiêu đề cấp 2', 3: 'Tiêu đề cấp 3', normal: 'Đoạn thường' },
  en: { label: 'Paragraph style', 2: 'Heading 2', 3: 'Heading 3', normal: 'Normal text' },
};

function nameHeadingPicker(quill) {
  const names = PICKER_NAMES[document.documentElement.lang] ?? PICKER_NAMES.vi;
  const toolbar = quill.getModule('toolbar')?.container;
  for (const label of toolbar?.querySelectorAll('.ql-picker-label') ?? []) label.setAttribute('aria-label', names.label);
  for (const item of toolbar?.querySelectorAll('.ql-picker-item') ?? []) {
    item.setAttribute('aria-label', names[item.getAttribute('data-value') ?? 'normal'] ?? names.normal);
  }
}

export function initRichText(host) {
  const input = document.getElementById(host.getAttribute('data-rich-text'));
  if (!input || host.dataset.ready) return null;
  host.dataset.ready = 'true';
  const quill = new Quill(host, { theme: 'snow', modules: { toolbar: TOOLBAR } });
  quill.root.setAttribute('role', 'textbox');
  quill.root.setAttribute('aria-multiline', 'true');
  for (const attribute of ['aria-labelledby', 'aria-describedby']) {
    const value = host.getAttribute(attribute);
    if (value) quill.root.setAttribute(attribute, value);
  }
  nameHeadingPicker(quill);
  const load = () => quill.setContents(quill.clipboard.convert({ html: input.value || '' }), 'silent');
  load();
  quill.on('text-change', () => {
    input.value = quill.getLength() > 1 ? semanticHtml(quill) : '';
  });
  input.form?.addEventListener('portals:form-restored', load);
  return quill;
}

for (const host of document.querySelectorAll('[data-rich-text]')) {
  initRichText(host);
}
window.PortalsEditor = { initRichText };
