// Lint rules, including the layer rules of docs/architecture.md (section 1, "Layers"):
// a wrong import arrow fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noDomGlobals = ['window', 'document', 'navigator', 'localStorage', 'AudioContext', 'OfflineAudioContext']
  .map((name) => ({ name, message: 'src/model is pure physics: no DOM or Web Audio.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', '.vitest-attachments/**', 'tests/browser/__screenshots__/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // noUncheckedIndexedAccess types every index as possibly undefined; `!` marks the
      // places where the index is in range by construction (loops over the same array).
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['src/model/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/audio/**', '**/ui/**', '**/cli/**', '**/worklets/**', '**/state/**', '**/teach/**', '**/abx/**', '**/text/**', '**/drawing/**'], message: 'src/model must not import audio, ui, cli, worklets, state, teach, abx, text or drawing (src/math it may).' },
          { group: ['lit', 'lit/*', 'tone', 'standardized-audio-context', 'node:*', 'fs', 'path'], message: 'src/model is pure: no host libraries.' },
        ],
      }],
      'no-restricted-globals': ['error', ...noDomGlobals],
    },
  },
  {
    // src/math is the arithmetic both the model and the kernels use (complex numbers, H(jω),
    // the raised cosine, the seeded PRNG): it imports nothing but itself, so either may import it.
    files: ['src/math/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../*', '!./*'], message: 'src/math imports nothing but other src/math modules.' },
          { group: ['lit', 'lit/*', 'tone', 'standardized-audio-context', 'zod', 'node:*', 'fs', 'path'], message: 'src/math is pure arithmetic: no libraries.' },
        ],
      }],
      'no-restricted-globals': ['error', ...noDomGlobals.map(({ name }) => ({ name, message: 'src/math is pure arithmetic: no DOM or Web Audio.' }))],
    },
  },
  {
    files: ['worklets/dsp/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          // Kernels may import src/math (the arithmetic they share with the model) and nothing else of src/.
          { regex: '/src/(?!math/)', message: 'worklets/dsp kernels import nothing but other kernels and src/math.' },
          { group: ['**/processors/**', 'node:*', 'lit', 'tone', 'standardized-audio-context'], message: 'worklets/dsp kernels import nothing but other kernels and src/math.' },
        ],
      }],
      'no-restricted-globals': ['error', ...noDomGlobals,
        { name: 'AudioWorkletProcessor', message: 'Kernels are host-free; the processor wraps them.' },
        { name: 'registerProcessor', message: 'Kernels are host-free; the entry module registers.' }],
    },
  },
  {
    files: ['src/abx/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/audio/**', '**/ui/**', '**/cli/**', '**/worklets/**', '**/state/**', '**/drawing/**'], message: 'src/abx must not import audio, ui, cli, state, drawing or worklets.' },
          { group: ['lit', 'lit/*', 'tone', 'standardized-audio-context', 'node:*', 'fs', 'path'], message: 'src/abx is pure: no host libraries.' },
        ],
      }],
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'localStorage', 'AudioContext', 'OfflineAudioContext', 'HTMLElement', 'customElements', 'Blob', 'URL']
        .map((name) => ({ name, message: 'src/abx is pure: no DOM or Web Audio.' }))],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/audio/**', '**/ui/**', '**/cli/**', '**/worklets/**', '**/teach/**', '**/abx/**', '**/text/**', '**/drawing/**'], message: 'src/state holds plain data: it may import the model only.' },
          { group: ['lit', 'lit/*', 'tone', 'standardized-audio-context', 'node:*', 'fs', 'path'], message: 'src/state is pure: no host libraries.' },
        ],
      }],
      'no-restricted-globals': ['error', ...noDomGlobals.map(({ name }) => ({ name, message: 'src/state is pure: the app passes storage and URLs in.' }))],
    },
  },
  {
    files: ['src/teach/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/audio/**', '**/ui/**', '**/cli/**', '**/worklets/**', '**/abx/**', '**/text/**', '**/drawing/**'], message: 'src/teach is pure: it may import src/model and src/state only.' },
          { group: ['lit', 'lit/*', 'tone', 'standardized-audio-context', 'node:*', 'fs', 'path'], message: 'src/teach is pure: no host libraries.' },
        ],
      }],
      'no-restricted-globals': ['error', ...noDomGlobals.map(({ name }) => ({ name, message: 'src/teach is pure: no DOM or Web Audio.' }))],
    },
  },
  {
    // src/text writes numbers, units and report figures as words for the page: pure, beside src/state and src/teach.
    files: ['src/text/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/audio/**', '**/ui/**', '**/cli/**', '**/worklets/**', '**/abx/**', '**/drawing/**'], message: 'src/text is pure: it may import src/model, src/state and src/teach only.' },
          { group: ['lit', 'lit/*', 'tone', 'standardized-audio-context', 'node:*', 'fs', 'path'], message: 'src/text is pure: no host libraries.' },
        ],
      }],
      'no-restricted-globals': ['error', ...noDomGlobals.map(({ name }) => ({ name, message: 'src/text is pure: no DOM or Web Audio.' }))],
    },
  },
  {
    // src/drawing lays out what the page draws (the circuit diagram, the charts' scales and ticks) as plain numbers and words.
    files: ['src/drawing/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/audio/**', '**/ui/**', '**/cli/**', '**/worklets/**', '**/abx/**', '**/state/**', '**/teach/**'], message: 'src/drawing is pure: it may import src/model, src/math and src/text only.' },
          { group: ['lit', 'lit/*', 'uplot', 'tone', 'standardized-audio-context', 'node:*', 'fs', 'path'], message: 'src/drawing is pure: no host libraries.' },
        ],
      }],
      'no-restricted-globals': ['error', ...noDomGlobals.map(({ name }) => ({ name, message: 'src/drawing is pure: no DOM or Web Audio.' }))],
    },
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/worklets/dsp/**'], message: 'The UI reads model and audio, never DSP internals.' }],
      }],
    },
  },
);
