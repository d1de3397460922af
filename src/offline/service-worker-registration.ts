/**
 * Whether and how the page registers its service worker — no side effects, so Node tests
 * can call it with a fake host. src/offline/register-service-worker.ts runs it on the page.
 */
export const SERVICE_WORKER_URL = 'sw.js';

export interface RegistrationHost {
  location: { protocol: string; href: string };
  serviceWorker?: Pick<ServiceWorkerContainer, 'register'>;
}

/** Whether this page can and should register the worker. */
export function canRegisterServiceWorker(host: RegistrationHost, production: boolean): boolean {
  return production && /^https?:$/.test(host.location.protocol) && host.serviceWorker !== undefined;
}

/** Registers sw.js; resolves to the registration, or null when it could not (never rejects). */
export async function registerServiceWorker(host: RegistrationHost, production: boolean): Promise<ServiceWorkerRegistration | null> {
  if (!canRegisterServiceWorker(host, production)) return null;
  try {
    const url = new URL(SERVICE_WORKER_URL, host.location.href);
    return await host.serviceWorker!.register(url.href, { updateViaCache: 'none' });
  } catch {
    return null;
  }
}
