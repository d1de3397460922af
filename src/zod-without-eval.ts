/**
 * Zod 4 compiles object parsers with `new Function` when it may; it probes for that by trying
 * it, and under the page's Content-Security-Policy (no 'unsafe-eval') the probe is reported as
 * a violation. Jitless parsing is plenty fast for setups of a few hundred bytes, keeps the CSP
 * report clean and must be set before the first parse — so this module is imported first.
 */
import { config } from 'zod';

config({ jitless: true });
