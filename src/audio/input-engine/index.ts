/**
 * The input engine's public surface (issue 7, the input side heard in the browser):
 *
 *   const engine = await InputEngine.create({ a: { input: hiZ, path: 'instrument' }, b: { input: line, path: 'instrument' } });
 *   button.onclick = async () => { await engine.start(); engine.setMaterial(await renderPluckedString(engine.context.sampleRate)); engine.play(); };
 */
export { InputEngine, type InputChoice, type InputEngineOptions } from './input-engine.ts';
