/** Entry point of the page: defines the components; index.html holds <headroom-app>. */
import './ui/headroom-app.ts';
