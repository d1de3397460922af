/** Entry point of the page: the page's own styles and the components; index.html holds <headroom-app>. */
import './zod-without-eval.ts';
import './page.css';
import './ui/headroom-app.ts';
import './offline/register-service-worker.ts';
