// Types for scripts/chromium-path.mjs (plain JS so that `node scripts/ensure-chromium.mjs` runs
// without a TypeScript loader).
export declare const CHROMIUM_COMMANDS: readonly string[];
export declare const CHROMIUM_ARGS: string[];
export declare const INSTALL_HINT: string;
export declare function findChromium(): string | null;
export declare function chromiumVersion(executablePath: string): string | null;
export declare function requireChromium(): string;
