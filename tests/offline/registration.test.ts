/**
 * When the page registers its service worker (src/offline/service-worker-registration.ts):
 * production builds on http(s) pages whose browser offers service workers, sw.js resolved
 * against the page (any sub-path), and a failure that resolves quietly instead of throwing.
 */
import { describe, expect, it } from 'vitest';
import { canRegisterServiceWorker, registerServiceWorker, type RegistrationHost } from '../../src/offline/service-worker-registration.ts';

function host(href: string, register?: (url: string, options?: RegistrationOptions) => Promise<ServiceWorkerRegistration>): RegistrationHost & { calls: [string, RegistrationOptions | undefined][] } {
  const calls: [string, RegistrationOptions | undefined][] = [];
  const url = new URL(href);
  return {
    calls,
    location: { protocol: url.protocol, href },
    serviceWorker: register
      ? {
          register: (scriptUrl: string | URL, options?: RegistrationOptions) => {
            calls.push([String(scriptUrl), options]);
            return register(String(scriptUrl), options);
          },
        }
      : undefined,
  };
}

const fakeRegistration = { scope: 'x' } as unknown as ServiceWorkerRegistration;

describe('service worker registration', () => {
  it('registers sw.js next to the page, from a sub-path too, bypassing the HTTP cache for updates', async () => {
    const page = host('https://school.example/classroom/headroom/?preset=phone-hd600', async () => fakeRegistration);
    expect(await registerServiceWorker(page, true)).toBe(fakeRegistration);
    expect(page.calls).toEqual([['https://school.example/classroom/headroom/sw.js', { updateViaCache: 'none' }]]);
  });

  it('does nothing outside production builds (dev server, tests)', async () => {
    const page = host('http://127.0.0.1:5173/', async () => fakeRegistration);
    expect(canRegisterServiceWorker(page, false)).toBe(false);
    expect(await registerServiceWorker(page, false)).toBeNull();
    expect(page.calls).toEqual([]);
  });

  it('does nothing on file:// pages or where the browser offers no service workers (insecure http)', async () => {
    expect(canRegisterServiceWorker(host('file:///home/me/dist/index.html', async () => fakeRegistration), true)).toBe(false);
    expect(canRegisterServiceWorker(host('http://192.168.1.20/headroom/'), true)).toBe(false);
    expect(canRegisterServiceWorker(host('http://localhost:4173/', async () => fakeRegistration), true)).toBe(true);
  });

  it('a refused registration resolves to null and never throws', async () => {
    const page = host('https://example.org/', async () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    await expect(registerServiceWorker(page, true)).resolves.toBeNull();
  });
});
