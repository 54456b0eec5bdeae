// The content workspace's behaviour (lists, generated editors), loaded by the content pages after admin.js.
import '../Styles/content.css';
import { enableLiveSearch } from './content-list.js';
import { enableContentPickers } from './content-picker.js';

enableLiveSearch(document);
enableContentPickers(document);
