export type Build = {
  name: 'web' | 'server';
  /** Files and folders, relative to the package root. */
  inputs: readonly string[];
  outDir: string;
  /** A file the build writes last, relative to outDir. */
  product: string;
};
export declare const WEB_BUILD: Build;
export declare const SERVER_BUILD: Build;
export declare function buildFingerprint(root: string, build: Build): string;
export declare function buildIsCurrent(root: string, build: Build, fingerprint?: string): boolean;
export declare function recordBuild(root: string, build: Build, fingerprint: string): void;
