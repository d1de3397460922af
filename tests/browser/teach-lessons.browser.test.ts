/**
 * The lessons in real Chromium: every lesson is clicked through all its steps — predict and
 * reveal, listen (the event carries a valid pair, the side, listener and sound), measure (the
 * model's own numbers on screen), check answered right ("Correct.") — with a screenshot of
 * each lesson's first step. Also: a wrong answer, the keyboard, hidden numbers, and the list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { parseSetup } from '../../src/model/setup.ts';
import { lessons, type Lesson } from '../../src/teach/lessons/index.ts';
import type { HeadroomLesson } from '../../src/ui/teach/headroom-lesson.ts';
import type { HeadroomLessons } from '../../src/ui/teach/headroom-lessons.ts';
import '../../src/ui/teach/headroom-lesson.ts';
import '../../src/ui/teach/headroom-lessons.ts';
import { mount, shoot, textOf, themedStage, type Scheme } from './views-support.ts';
import type { UiEvent } from '../../src/ui/events.ts';

beforeEach(async () => {
  await page.viewport(1000, 800);
});

afterEach(() => {
  document.body.replaceChildren();
});

const clean = (s: string) => s.replace(/[\s\u202f\u00a0]+/g, ' ').trim();

function q<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot!.querySelector<T>(selector);
  expect(found, selector).toBeTruthy();
  return found!;
}

function collect<T extends Event>(type: string): T[] {
  const seen: T[] = [];
  document.addEventListener(type, (event) => seen.push(event as T));
  return seen;
}

async function mountLesson(lesson: Lesson, scheme: Scheme = 'light', width = 900): Promise<HeadroomLesson> {
  const element = document.createElement('headroom-lesson');
  element.lesson = lesson;
  const stage = themedStage(scheme, width);
  // Text on the accent colour, as src/palette.css sets it per theme.
  stage.style.setProperty('--hr-on-accent', scheme === 'dark' ? '#111418' : '#ffffff');
  return mount(element, stage);
}

async function pick(element: HeadroomLesson, choiceId: string): Promise<void> {
  await userEvent.click(q(element, `label[data-choice="${choiceId}"] input`));
  await element.updateComplete;
}

describe('<headroom-lesson> runs every lesson through all its steps', () => {
  for (const [n, lesson] of lessons().entries()) {
    it(`lesson ${n + 1}, “${lesson.title}”: ${lesson.steps.length} steps from prediction to a correct check answer`, async () => {
      const element = await mountLesson(lesson, n % 2 === 0 ? 'light' : 'dark');
      const listens = collect<UiEvent<'lesson-listen'>>('lesson-listen');
      const stepEvents = collect<UiEvent<'lesson-step'>>('lesson-step');
      await shoot(element, `lesson-${n + 1}-${lesson.id}-first-step`);
      expect(q<HTMLButtonElement>(element, '[data-testid=back]').disabled).toBe(true);

      for (const [i, step] of lesson.steps.entries()) {
        expect(textOf(q(element, '[data-testid=progress]'))).toBe(`Step ${i + 1} of ${lesson.steps.length}`);
        expect(q(element, '[data-testid=step]').dataset.kind).toBe(step.kind);
        expect(clean(textOf(q(element, 'h3.step-title')))).toBe(clean(step.text));

        if (step.kind === 'predict' || step.kind === 'check') {
          expect(q<HTMLButtonElement>(element, '[data-testid=answer]').disabled).toBe(true);
          await pick(element, step.correct);
          await userEvent.click(q(element, '[data-testid=answer]'));
          await element.updateComplete;
          const verdict = textOf(q(element, '[data-testid=verdict]'));
          if (step.kind === 'check') expect(verdict).toBe('Correct.');
          else expect(verdict).toMatch(/^The model agrees/);
          expect(clean(textOf(q(element, '[data-testid=explanation]')))).toBe(clean(step.explanation));
          expect(q(element, '[data-testid=feedback]').getAttribute('aria-live')).toBe('polite');
          expect(q(element, `label[data-choice="${step.correct}"]`).classList.contains('right')).toBe(true);
        } else if (step.kind === 'listen') {
          const before = listens.length;
          await userEvent.click(q(element, '[data-testid=listen]'));
          expect(listens.length).toBe(before + 1);
          const event = listens.at(-1)!;
          expect(event.bubbles && event.composed).toBe(true);
          const detail = event.detail;
          expect(detail.side).toBe(step.hear.side);
          expect(detail.listener).toBe(step.hear.listener);
          expect(detail.source).toEqual(step.source);
          for (const setup of [detail.pair!.a, detail.pair!.b]) {
            const parsed = parseSetup(JSON.parse(JSON.stringify(setup)));
            expect(parsed.ok ? [] : parsed.errors).toEqual([]);
          }
          await element.updateComplete;
          expect(clean(textOf(q(element, '[data-testid=listen-for]')))).toBe(clean(step.listenFor));
        } else {
          const shown = [...element.shadowRoot!.querySelectorAll('[data-testid=figure]')].map((dd) => clean(textOf(dd)));
          expect(shown).toEqual(step.figures.map((f) => clean(f.text)));
          expect(clean(textOf(q(element, '[data-testid=explanation]')))).toBe(clean(step.explanation));
        }
        if (step.link) expect(q<HTMLAnchorElement>(element, '[data-testid=lesson-link]').getAttribute('href')).toBe(step.link.href);

        if (i < lesson.steps.length - 1) {
          await userEvent.click(q(element, '[data-testid=next]'));
          await element.updateComplete;
          expect(stepEvents.at(-1)!.detail).toEqual({ lessonId: lesson.id, index: i + 1, count: lesson.steps.length });
        }
      }
      expect(q<HTMLButtonElement>(element, '[data-testid=next]').disabled).toBe(true);
      expect(textOf(q(element, '[data-testid=lesson-done]'))).toBe('Lesson complete');
      if (n === 2) await shoot(element, `lesson-${n + 1}-${lesson.id}-check-correct`);
      expect(listens.length).toBe(lesson.steps.filter((s) => s.kind === 'listen').length);
    });
  }
});

describe('<headroom-lesson> answers, keys and hidden numbers', () => {
  it('a wrong check answer says “Not quite” and names the model’s answer; Back returns to the previous step', async () => {
    const lesson = lessons()[2]!;
    const element = await mountLesson(lesson);
    element.go(lesson.steps.length - 1);
    await element.updateComplete;
    const step = lesson.steps.at(-1)!;
    if (step.kind !== 'check') throw new Error('the last step is a check');
    const wrong = step.choices.find((c) => c.id !== step.correct)!;
    await pick(element, wrong.id);
    await userEvent.click(q(element, '[data-testid=answer]'));
    await element.updateComplete;
    const right = step.choices.find((c) => c.id === step.correct)!;
    expect(textOf(q(element, '[data-testid=verdict]'))).toBe(clean(`Not quite. The answer is: ${right.text}.`));
    expect(q(element, `label[data-choice="${wrong.id}"]`).classList.contains('wrong')).toBe(true);
    await userEvent.click(q(element, '[data-testid=back]'));
    await element.updateComplete;
    expect(textOf(q(element, '[data-testid=progress]'))).toBe(`Step ${lesson.steps.length - 1} of ${lesson.steps.length}`);
  });

  it('works from the keyboard: arrow keys choose, Enter reveals, Enter on Next moves on and focuses the new step', async () => {
    const lesson = lessons()[0]!;
    const element = await mountLesson(lesson);
    const step = lesson.steps[0]!;
    if (step.kind !== 'predict') throw new Error('lesson 1 starts with a prediction');
    const radios = [...element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    radios[0]!.focus();
    const target = step.choices.findIndex((c) => c.id === step.correct);
    await userEvent.keyboard(' ');
    for (let k = 0; k < target; k++) await userEvent.keyboard('{ArrowDown}');
    await element.updateComplete;
    expect(radios[target]!.checked).toBe(true);
    q<HTMLButtonElement>(element, '[data-testid=answer]').focus();
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(textOf(q(element, '[data-testid=verdict]'))).toMatch(/^The model agrees/);
    q<HTMLButtonElement>(element, '[data-testid=next]').focus();
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(textOf(q(element, '[data-testid=progress]'))).toBe(`Step 2 of ${lesson.steps.length}`);
    expect(element.shadowRoot!.activeElement?.classList.contains('step-title')).toBe(true);
  });

  it('numbers-hidden shows placeholders instead of the model’s figures until they are revealed', async () => {
    const lesson = lessons()[0]!;
    const element = await mountLesson(lesson);
    element.numbersHidden = true;
    const measureIndex = lesson.steps.findIndex((s) => s.kind === 'measure');
    element.go(measureIndex);
    await element.updateComplete;
    const step = lesson.steps[measureIndex]!;
    if (step.kind !== 'measure') throw new Error('measure');
    const text = textOf(q(element, '[data-testid=figures]'));
    for (const f of step.figures) expect(text).not.toContain(clean(f.text));
    element.numbersHidden = false;
    await element.updateComplete;
    expect(clean(textOf(q(element, '[data-testid=figures]')))).toContain(clean(step.figures[0]!.text));
  });
});

describe('<headroom-lessons>', () => {
  it('lists the eight lessons, shows the one picked, and lets its events bubble up', async () => {
    const list = document.createElement('headroom-lessons') as HeadroomLessons;
    await mount(list, themedStage('light'));
    const buttons = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-lesson]')];
    expect(buttons.map((b) => b.dataset.lesson)).toEqual(lessons().map((l) => l.id));
    const selects = collect<UiEvent<'lesson-select'>>('lesson-select');
    const listens = collect<UiEvent<'lesson-listen'>>('lesson-listen');
    await userEvent.click(buttons[2]!);
    await list.updateComplete;
    expect(selects.map((e) => e.detail.id)).toEqual(['splitters']);
    expect(buttons[2]!.getAttribute('aria-current')).toBe('true');
    const inner = list.shadowRoot!.querySelector('headroom-lesson')!;
    await inner.updateComplete;
    expect(textOf(inner.shadowRoot!.querySelector('#lesson-title'))).toBe(lessons()[2]!.title);
    inner.next();
    await inner.updateComplete;
    await userEvent.click(q(inner, '[data-testid=listen]'));
    expect(listens).toHaveLength(1);
    expect(listens[0]!.detail.pair!.a.headphones).toHaveLength(1);
    await shoot(list, 'lessons-list');
  });
});
