import fs from 'node:fs/promises';
import path from 'node:path';

/** A chunk of Vite's build manifest (`.vite/manifest.json`), as far as we read it. */
type ManifestChunk = { file: string; name?: string; isEntry?: boolean; imports?: string[]; css?: string[] };

/** What a page writes in its head to run one built entry: the script, the chunks it imports, their stylesheets. */
export type EntryAssets = { script: string; preload: string[]; styles: string[] };

/**
 * Finds a script entry of the web build by its name in Vite's manifest, so a page can link its
 * hashed files. The manifest is read again when it changes, as the static files are served from
 * the build on disk without a restart. Without a build (API tests, a server started before
 * `npm run build`) there is no entry, and pages are served without the script.
 */
export function builtEntries(distDir: string) {
  const file = path.join(distDir, '.vite', 'manifest.json');
  let read: { mtimeMs: number; manifest: Record<string, ManifestChunk> } | undefined;

  async function manifest() {
    try {
      const { mtimeMs } = await fs.stat(file);
      if (read?.mtimeMs !== mtimeMs) read = { mtimeMs, manifest: JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, ManifestChunk> };
      return read.manifest;
    } catch {
      // No build, or one being written: the page goes without its script this time.
      return undefined;
    }
  }

  return async function entry(name: string): Promise<EntryAssets | undefined> {
    const chunks = await manifest();
    const key = chunks && Object.keys(chunks).find((k) => chunks[k]!.isEntry && chunks[k]!.name === name);
    if (!chunks || !key) return undefined;
    const preload = new Set<string>();
    const styles = new Set<string>();
    // Imported chunks' stylesheets come before the importer's, so the entry's own rules override a library's.
    const walk = (k: string) => {
      const chunk = chunks[k];
      if (!chunk) return;
      for (const imported of chunk.imports ?? []) {
        const file = chunks[imported]?.file;
        if (file && !preload.has(`/${file}`)) {
          preload.add(`/${file}`);
          walk(imported);
        }
      }
      for (const css of chunk.css ?? []) styles.add(`/${css}`);
    };
    walk(key);
    return { script: `/${chunks[key]!.file}`, preload: [...preload], styles: [...styles] };
  };
}
