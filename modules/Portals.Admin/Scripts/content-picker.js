// The searchable content picker of the generated editors. Markup (rendered by the server, see Content/_Picker):
//   <fieldset data-content-picker data-name="Part.Field" data-multiple="true|false" data-types="A,B" data-search-url="…">
//     <ul class="picker-selected"><li><input type="hidden" name="Part.Field" value="id"> title <button data-picker-remove></li></ul>
//     <input type="search" role="combobox" aria-controls="…-results"> <ul id="…-results" role="listbox" hidden></ul>
// The hidden inputs are what is posted. Typing lists matching items (title, accent-insensitive); Enter or a click
// adds one; arrow keys move through the list; Escape closes it.

const DELAY_MS = 250;

function addChoice(picker, id, title) {
  const list = picker.querySelector('.picker-selected');
  const name = picker.getAttribute('data-name');
  if ([...list.querySelectorAll('input[type="hidden"]')].some((input) => input.value === id)) return;
  if (picker.getAttribute('data-multiple') !== 'true') list.replaceChildren();
  const item = document.createElement('li');
  const input = Object.assign(document.createElement('input'), { type: 'hidden', name, value: id });
  const label = Object.assign(document.createElement('span'), { textContent: title });
  const remove = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary outline', textContent: '×' });
  remove.setAttribute('data-picker-remove', '');
  remove.setAttribute('aria-label', `${picker.getAttribute('data-remove-label')}: ${title}`);
  item.append(input, label, remove);
  list.append(item);
}

function enablePicker(picker) {
  const box = picker.querySelector('input[role="combobox"]');
  const listbox = picker.ownerDocument.getElementById(box.getAttribute('aria-controls'));
  let timer = 0;
  let active = -1;
  let controller = null;

  const options = () => [...listbox.querySelectorAll('[role="option"]')];
  const close = () => {
    listbox.hidden = true;
    box.setAttribute('aria-expanded', 'false');
    box.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index) => {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    box.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  };
  const choose = (option) => {
    addChoice(picker, option.getAttribute('data-id'), option.getAttribute('data-title'));
    box.value = '';
    close();
    box.focus();
  };
  const search = async () => {
    const url = new URL(picker.getAttribute('data-search-url'), window.location.href);
    url.searchParams.set('q', box.value);
    url.searchParams.set('types', picker.getAttribute('data-types') || '');
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) return;
      const items = await response.json();
      listbox.replaceChildren(...items.map((item, i) => {
        const option = document.createElement('li');
        option.id = `${listbox.id}-${i}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.setAttribute('data-id', item.id);
        option.setAttribute('data-title', item.title);
        option.textContent = item.type ? `${item.title} · ${item.type}` : item.title;
        return option;
      }));
      if (items.length === 0) {
        const empty = Object.assign(document.createElement('li'), { textContent: picker.getAttribute('data-empty-label') });
        empty.className = 'picker-empty';
        listbox.append(empty);
      }
      listbox.hidden = false;
      box.setAttribute('aria-expanded', 'true');
      active = -1;
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  };

  box.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, DELAY_MS);
  });
  box.addEventListener('focus', () => { if (listbox.hidden) search(); });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); if (listbox.hidden) search(); else highlight(active + 1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(active - 1); }
    else if (event.key === 'Escape') { close(); }
    else if (event.key === 'Enter') {
      // Enter in the search box picks the highlighted item; it never submits the whole form.
      event.preventDefault();
      const option = options()[active] ?? (options().length === 1 ? options()[0] : null);
      if (option) choose(option);
    }
  });
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) choose(option);
  });
  box.addEventListener('blur', () => window.setTimeout(close, 150));
  picker.addEventListener('click', (event) => {
    const remove = event.target.closest('[data-picker-remove]');
    if (remove) {
      remove.closest('li').remove();
      box.focus();
    }
  });
}

export function enableContentPickers(root) {
  for (const picker of root.querySelectorAll('[data-content-picker]')) enablePicker(picker);
}
