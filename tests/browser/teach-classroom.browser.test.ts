/**
 * <headroom-classroom> in real Chromium at projector size (1920×1080): no text below 24 px,
 * presenter controls that move the lesson and hide the model's numbers until revealed, big A/B
 * buttons that emit side-change like <headroom-ab-switch>, and a QR code of the share link.
 *
 * No QR decoder is available here, so the code is checked by its geometry: the SVG is
 * 4·version + 17 modules across for the version uqr chose, plus a quiet zone of 4 light
 * modules on every side with no dark module in it, and its dark modules are exactly the
 * matrix's; it changes when the link changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { encode } from 'uqr';
import { urlWithPair } from '../../src/state/url-state.ts';
import { lessons } from '../../src/teach/lessons/index.ts';
import type { HeadroomClassroom } from '../../src/ui/teach/headroom-classroom.ts';
import '../../src/ui/teach/headroom-classroom.ts';
import { mount, shoot, shootPage, textOf, themedStage } from './views-support.ts';
import type { UiEvent } from '../../src/ui/events.ts';

beforeEach(async () => {
  await page.viewport(1920, 1080);
});

afterEach(() => {
  document.body.replaceChildren();
});

function q<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot!.querySelector<T>(selector);
  expect(found, selector).toBeTruthy();
  return found!;
}

function shareUrlFor(lessonIndex: number): string {
  const step = lessons()[lessonIndex]!.steps.find((s) => s.pair)!;
  const url = urlWithPair('http://192.168.1.20:5173/', step.pair!);
  if (!url.ok) throw new Error(url.errors.join('; '));
  return url.value.href;
}

async function mountClassroom(shareUrl: string, lessonId = 'splitters'): Promise<HeadroomClassroom> {
  const element = document.createElement('headroom-classroom');
  element.shareUrl = shareUrl;
  element.lessonId = lessonId;
  const stage = themedStage('light', 1920);
  stage.style.padding = '0';
  await mount(element, stage);
  const lesson = element.shadowRoot!.querySelector('headroom-lesson')!;
  await lesson.updateComplete;
  return element;
}

const lessonOf = (classroom: HeadroomClassroom) => classroom.shadowRoot!.querySelector('headroom-lesson')!;

/** Every element that shows text of its own, through shadow roots. */
function textElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    if ([...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')) found.push(element);
    if (element.shadowRoot) found.push(...textElements(element.shadowRoot));
  }
  return found;
}

/** Dark runs of the QR path: "M x y h n v1 h-n z". */
function runs(d: string): { x: number; y: number; n: number }[] {
  return [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), n: Number(m[3]) }));
}

describe('<headroom-classroom>', () => {
  it('is projector-sized: every piece of text, in the lesson too, is at least 24 px', async () => {
    const classroom = await mountClassroom(shareUrlFor(2));
    const small = textElements(classroom.shadowRoot!)
      .map((el) => ({ el, px: parseFloat(getComputedStyle(el).fontSize) }))
      .filter(({ px }) => px < 24)
      .map(({ el, px }) => `${el.localName}.${el.className} ${px}px “${textOf(el).slice(0, 30)}”`);
    expect(small).toEqual([]);
    expect(parseFloat(getComputedStyle(classroom).fontSize)).toBeGreaterThanOrEqual(24);
  });

  it('draws the share link as a QR code: 4·version + 17 modules for the version uqr chose, a quiet zone of 4, the matrix’s dark modules, and the link under it', async () => {
    const url = shareUrlFor(2);
    const classroom = await mountClassroom(url);
    const svg = q<SVGSVGElement>(classroom, '[data-testid=qr]');
    const version = Number(svg.dataset.version);
    const modules = Number(svg.dataset.modules);
    const reference = encode(url, { ecc: 'L', border: 0 });
    expect(version).toBe(reference.version);
    expect(modules).toBe(4 * version + 17);
    const [x0, y0, w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    expect([x0, y0, w, h]).toEqual([0, 0, modules + 8, modules + 8]);
    const dark = runs(svg.querySelector('path')!.getAttribute('d')!);
    // Quiet zone: nothing dark in the 4-module border.
    for (const r of dark) {
      expect(r.x).toBeGreaterThanOrEqual(4);
      expect(r.y).toBeGreaterThanOrEqual(4);
      expect(r.x + r.n).toBeLessThanOrEqual(modules + 4);
      expect(r.y).toBeLessThan(modules + 4);
    }
    // The drawn modules are exactly the matrix's dark ones.
    const drawn = new Set<string>();
    for (const r of dark) for (let k = 0; k < r.n; k++) drawn.add(`${r.x - 4 + k},${r.y - 4}`);
    const expected = new Set<string>();
    reference.data.forEach((row, y) => row.forEach((on, x) => on && expected.add(`${x},${y}`)));
    expect(drawn).toEqual(expected);
    // The three finder patterns' corners are dark.
    expect(drawn.has('0,0') && drawn.has(`${modules - 1},0`) && drawn.has(`0,${modules - 1}`)).toBe(true);
    expect(q(classroom, 'rect.qr-ground').getAttribute('fill')).toBe('#ffffff');
    expect(textOf(q(classroom, '[data-testid=share-url]'))).toBe(url);
  });

  it('changes the QR code when the share link changes, and says so when a link is too long for one', async () => {
    const classroom = await mountClassroom(shareUrlFor(2));
    const before = q(classroom, '[data-testid=qr] path').getAttribute('d');
    classroom.shareUrl = shareUrlFor(4);
    await classroom.updateComplete;
    expect(q(classroom, '[data-testid=qr] path').getAttribute('d')).not.toBe(before);
    expect(textOf(q(classroom, '[data-testid=share-url]'))).toBe(shareUrlFor(4));
    classroom.shareUrl = `http://example.org/?a=${'x'.repeat(4000)}`;
    await classroom.updateComplete;
    expect(textOf(q(classroom, '[data-testid=qr-error]'))).toMatch(/too long for a QR code/);
    expect(classroom.shadowRoot!.querySelector('[data-testid=qr]')).toBeNull();
  });

  it('big A and B buttons emit side-change { side } (bubbling, composed) and show the heard side', async () => {
    const classroom = await mountClassroom(shareUrlFor(0));
    const seen: UiEvent<'side-change'>[] = [];
    document.addEventListener('side-change', (e) => seen.push(e as UiEvent<'side-change'>));
    await userEvent.click(q(classroom, '[data-testid=side-B]'));
    await userEvent.click(q(classroom, '[data-testid=side-A]'));
    expect(seen.map((e) => e.detail)).toEqual([{ side: 'B' }, { side: 'A' }]);
    expect(seen.every((e) => e.bubbles && e.composed)).toBe(true);
    classroom.side = 'B';
    await classroom.updateComplete;
    expect(q(classroom, '[data-testid=side-B]').getAttribute('aria-pressed')).toBe('true');
    expect(q(classroom, '[data-testid=side-A]').getAttribute('aria-pressed')).toBe('false');
  });

  it('presenter controls step through the lesson; the numbers stay hidden on every step until the teacher reveals them', async () => {
    const lesson = lessons()[2]!;
    const classroom = await mountClassroom(shareUrlFor(2), lesson.id);
    const view = lessonOf(classroom);
    expect(textOf(q(view, '[data-testid=progress]'))).toBe(`Step 1 of ${lesson.steps.length}`);
    expect(q<HTMLButtonElement>(classroom, '[data-testid=previous-step]').disabled).toBe(true);
    expect(view.shadowRoot!.querySelector('[data-testid=next]')).toBeNull(); // the presenter's controls replace the lesson's own
    const measureIndex = lesson.steps.findIndex((s) => s.kind === 'measure');
    for (let i = 0; i < measureIndex; i++) {
      await userEvent.click(q(classroom, '[data-testid=next-step]'));
      await view.updateComplete;
    }
    await classroom.updateComplete;
    expect(textOf(q(view, '[data-testid=progress]'))).toBe(`Step ${measureIndex + 1} of ${lesson.steps.length}`);
    const step = lesson.steps[measureIndex]!;
    if (step.kind !== 'measure') throw new Error('measure');
    const figures = () => textOf(q(view, '[data-testid=figures]'));
    expect(figures()).not.toContain(textOf(document.createTextNode(step.figures[0]!.text)));
    await shoot(classroom, 'classroom-1920x1080-hidden');
    await userEvent.click(q(classroom, '[data-testid=reveal]'));
    await view.updateComplete;
    expect(q(classroom, '[data-testid=reveal]').getAttribute('aria-pressed')).toBe('true');
    for (const f of step.figures) expect(figures()).toContain(textOf(document.createTextNode(f.text)));
    await shootPage('classroom-1920x1080');
    // The next step hides them again; PageUp (a clicker's "back") returns.
    await userEvent.click(q(classroom, '[data-testid=next-step]'));
    await classroom.updateComplete;
    expect(q(classroom, '[data-testid=reveal]').getAttribute('aria-pressed')).toBe('false');
    await userEvent.keyboard('{PageUp}');
    await view.updateComplete;
    await classroom.updateComplete;
    expect(textOf(q(view, '[data-testid=progress]'))).toBe(`Step ${measureIndex + 1} of ${lesson.steps.length}`);
    expect(figures()).not.toContain(textOf(document.createTextNode(step.figures[0]!.text)));
  });

  it('lets the teacher pick another lesson (lesson-select) and passes the lesson’s listen events up', async () => {
    const classroom = await mountClassroom(shareUrlFor(0), 'voltage-divider');
    const selects: CustomEvent<{ id: string }>[] = [];
    const listens: UiEvent<'lesson-listen'>[] = [];
    document.addEventListener('lesson-select', (e) => selects.push(e as CustomEvent<{ id: string }>));
    document.addEventListener('lesson-listen', (e) => listens.push(e as UiEvent<'lesson-listen'>));
    const select = q<HTMLSelectElement>(classroom, '[data-testid=lesson-pick]');
    select.value = 'clipping';
    select.dispatchEvent(new Event('change'));
    await classroom.updateComplete;
    const view = lessonOf(classroom);
    await view.updateComplete;
    expect(selects.map((e) => e.detail.id)).toEqual(['clipping']);
    expect(textOf(view.shadowRoot!.querySelector('#lesson-title'))).toBe(lessons()[3]!.title);
    await userEvent.click(q(classroom, '[data-testid=next-step]'));
    await view.updateComplete;
    await userEvent.click(q(view, '[data-testid=listen]'));
    expect(listens).toHaveLength(1);
    expect(listens[0]!.detail.source).toEqual({ sine: { hz: 500, levelDbfs: -1 } });
  });
});
