/**
 * Where this app lives, as its page knows it: the page is the app folder's index
 * (shared/serve/app-urls.ts), so the folder is the page's own URL up to its last slash.
 */
import { AppUrls } from '../shared/serve/app-urls.ts';

export const app = AppUrls.at(new URL('./', location.href));
