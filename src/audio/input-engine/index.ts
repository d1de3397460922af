/**
 * The input engine's public surface (issue 7, the input side heard in the browser):
 *
 *   const engine = await InputEngine.create({ a: { input: hiZ, path: 'instrument' }, b: { input: line, path: 'instrument' } });
 *   button.onclick = async () => { await engine.start(); engine.setMaterial(await renderPluckedString(engine.context.sampleRate)); engine.play(); };
 */
export { InputEngine, type InputChoice, type InputEngineOptions } from './input-engine.ts';
export { MAX_MONITOR_SECONDS, MONITOR_DIRECT_MIX, PATH_CROSSFADE_SECONDS, type InputPath } from './input-chain.ts';
