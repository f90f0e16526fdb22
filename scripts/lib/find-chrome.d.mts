export declare const INSTALL_HINT: string;
export declare function findChrome(): string;
export declare function quietBrowserArgs(options?: { sandbox?: boolean }): string[];
export declare function extensionLaunchArgs(extensionDir: string, options?: { sandbox?: boolean }): string[];
