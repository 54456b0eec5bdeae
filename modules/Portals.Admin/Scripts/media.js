// The media library page, the MediaField picker and the API-client page's copy button; admin.js calls enableMedia
// after the form-resume script, so pickers start from restored values.
import '../Styles/media.css';
import { enableLibraryUploads } from './media-library.js';
import { enableMediaPickers } from './media-picker.js';
import { enableCopyButtons } from './copy-button.js';

export function enableMedia(root) {
  enableLibraryUploads(root);
  enableMediaPickers(root);
  enableCopyButtons(root);
}
