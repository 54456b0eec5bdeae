// Every admin page loads this bundle (CSP: no inline script anywhere). Keep it small: the rich-text editor is in
// editor.js, loaded only by pages that edit content.
import '../Styles/admin.css';
import { rememberOnSubmit, restorePendingForms } from './form-resume.js';
import { enableNavToggle, enableConfirmations, preventDoubleSubmit } from './ui.js';
import { enableMedia } from './media.js';

// Runs before any later bundle (scripts are deferred and run in order), so widgets such as the rich-text editor
// start from the restored values.
restorePendingForms(document);
rememberOnSubmit(document);
enableNavToggle(document);
enableConfirmations(document);
preventDoubleSubmit(document);
enableMedia(document);
