export declare const HEADLESS_SHELL_PACKAGE: string;
export declare function findChromium(): string | null;
export declare function findHeadlessShell(): string | null;
export declare function findFullBrowser(): string | null;
export declare function isHeadlessShell(executable: string): boolean;
