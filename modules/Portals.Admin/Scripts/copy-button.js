// <button data-copy="element-id" data-copied="Copied">: copies the element's value (a secret shown once).
export function enableCopyButtons(root) {
  for (const button of root.querySelectorAll('button[data-copy]')) {
    const field = root.getElementById(button.dataset.copy);
    if (!field) continue;
    const label = button.textContent;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
      } catch {
        // No clipboard access (an insecure origin): select the text so Ctrl+C copies it.
        field.select();
        return;
      }
      button.textContent = button.dataset.copied ?? label;
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  }
}
