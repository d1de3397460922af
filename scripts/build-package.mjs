// `npm pack` runs this first (the "prepack" script): the package ships compiled JavaScript,
// not TypeScript for tsx to run (docs/decisions.md, "A package that installs anywhere").
//
//   dist/cli/headroom.js            the CLI, one ES module with every library it uses inside
//   dist/cli/headroom.worklet.js    the worklet entry, one classic script (the render thread's and `--host web-audio`'s)
//   dist/cli/render-thread.js       the direct host's render thread (src/cli/render-thread.ts), one classic script
//   dist/embed/headroom-sim.js      `import 'headroom/embed'`: defines <headroom-sim>
//   dist/embed/headroom.worklet.js  the worklet it loads, found next to it (import.meta.url)
//
// So the package has no dependencies to download (node-web-audio-api, for `--host web-audio`
// only, is optional), needs no TypeScript or esbuild at run time, and writes no temp files.
// The build goes to a fresh folder that replaces dist/ when complete.
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = await mkdtemp(join(root, '.dist-'));

const worklets = { 'headroom.worklet.ts': 'headroom.worklet.js', 'input.worklet.ts': 'input.worklet.js' };

/** The worklet entries as classic scripts: a worklet scope is not an ES module host everywhere (vite.config.ts). */
async function buildWorklet(entry, outfile) {
  await build({ entryPoints: [join(root, 'worklets', entry)], bundle: true, format: 'iife', target: 'es2022', outfile, logLevel: 'warning', legalComments: 'none' });
}

/**
 * Vite's `…/x.worklet.ts?worker&url` (src/audio/worklet-url.ts) becomes the URL of the built
 * script next to the bundle, `new URL('./x.worklet.js', import.meta.url)`: a page (or its
 * bundler) loads the worklet from the package.
 */
const workletUrls = {
  name: 'headroom-worklet-urls',
  setup(context) {
    context.onResolve({ filter: /\?worker&url$/ }, (args) => ({ path: args.path.replace(/\?worker&url$/, '').split('/').pop(), namespace: 'worklet-url' }));
    context.onLoad({ filter: /.*/, namespace: 'worklet-url' }, (args) => {
      const script = worklets[args.path];
      if (!script) throw new Error(`no packaged worklet for ${args.path}`);
      return { contents: `export default new URL('./${script}', import.meta.url).href;`, loader: 'js' };
    });
  },
};

try {
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(out, 'cli/headroom.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Loaded only when asked for: node-web-audio-api by `--host web-audio` (optional), esbuild
    // only from the source tree (the package has the worklet built).
    external: ['node-web-audio-api', 'esbuild'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  await buildWorklet('headroom.worklet.ts', join(out, 'cli/headroom.worklet.js'));
  // A worker thread evaluates it as text (src/cli/bundled-script.ts): a classic script, Node's modules by require().
  await build({ entryPoints: [join(root, 'src/cli/render-thread.ts')], bundle: true, format: 'iife', platform: 'node', target: 'es2022', outfile: join(out, 'cli/render-thread.js'), legalComments: 'none', logLevel: 'warning' });

  await build({
    entryPoints: [join(root, 'src/embed/index.ts')],
    outfile: join(out, 'embed/headroom-sim.js'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    // For pages: about a third of the size (Tone.js, Lit and zod are inside). Messages keep their text.
    minify: true,
    plugins: [workletUrls],
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const [entry, script] of Object.entries(worklets)) await buildWorklet(entry, join(out, 'embed', script));

  const dist = join(root, 'dist');
  if (existsSync(dist)) await rm(dist, { recursive: true, force: true });
  await rename(out, dist);
  // mkdtemp made it private; the package's files are for everyone to read.
  await chmod(dist, 0o755);
  for (const sub of ['cli', 'embed']) await chmod(join(dist, sub), 0o755);
} catch (error) {
  await rm(out, { recursive: true, force: true });
  throw error;
}
