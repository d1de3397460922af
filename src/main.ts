/**
 * Entry point of the page: the page's own styles and the components; index.html holds
 * <headroom-app>. The boot guard comes first: it decides, before the app reads anything,
 * whether the saved setups are safe to restore (src/boot/boot-guard.ts).
 */
import './zod-without-eval.ts';
import './page.css';
import { watchFirstRender } from './boot/boot-guard.ts';
import './ui/headroom-app.ts';
import './offline/register-service-worker.ts';

void watchFirstRender(document.querySelector('headroom-app'));
