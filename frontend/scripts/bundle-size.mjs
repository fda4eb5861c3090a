#!/usr/bin/env node
/**
 * Weighs what each page of the built SPA downloads before it can paint, and fails the build when the
 * citizens' public pages get heavy or pull in the staff app's libraries.
 *
 *   node scripts/bundle-size.mjs        (run by `npm run build` after `vite build`)
 *
 * For each HTML entry (index.html: staff SPA, public.html: lookup and feedback) it adds the HTML, the
 * entry script with everything it imports statically, and their CSS, as raw and gzip bytes; the
 * translation files the public pages fetch are listed apart, and so are the chunks the public pages
 * load later, only for a browser that had a Lantern login (keycloak-js behind a dynamic import). Reads Vite's manifest (then moves it
 * out of the static folder, so the server does not publish it) and target/bundle/modules.json
 * (written by the `lantern-chunk-modules` plugin in vite.config.ts).
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** First load of the public pages, HTML + JS + CSS, gzip. Today about 11 kB; the staff SPA's is over 250 kB. */
export const PUBLIC_BUDGET_GZIP = 16 * 1024;
/** Packages the public pages must not contain at all, lazily or not (the staff shell's). */
export const FORBIDDEN = /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|@mantine|@apollo|graphql|rxjs|i18next|react-i18next|i18next-http-backend)[\\/]/;
/** Packages the public pages may load only through a dynamic import, never in their first load. */
export const LAZY_ONLY = /[\\/]node_modules[\\/](keycloak-js)[\\/]/;
/** The translation files the public pages fetch at start (one language at a time). */
const PUBLIC_LOCALES = ['common', 'citizen', 'feedback'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = join(root, 'target/classes/static');
const bundleDir = join(root, 'target/bundle');
const builtManifest = join(staticDir, '.vite/manifest.json');
const keptManifest = join(bundleDir, 'manifest.json');

function readManifest() {
  mkdirSync(bundleDir, { recursive: true });
  if (existsSync(builtManifest)) renameSync(builtManifest, keptManifest);
  if (!existsSync(keptManifest)) throw new Error(`No Vite manifest: run 'vite build' first (looked for ${builtManifest})`);
  return JSON.parse(readFileSync(keptManifest, 'utf8'));
}

function weigh(file) {
  const bytes = readFileSync(join(staticDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** The entry's chunks loaded before first paint: the entry and its static imports, transitively. */
function staticGraph(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) staticGraph(manifest, next, seen);
  return seen;
}

/** Every chunk the entry may ever load, lazy ones included. */
function fullGraph(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of [...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? [])]) fullGraph(manifest, next, seen);
  return seen;
}

function firstLoad(manifest, entry) {
  const keys = [...staticGraph(manifest, entry)];
  const scripts = keys.map((key) => manifest[key].file);
  const styles = [...new Set(keys.flatMap((key) => manifest[key].css ?? []))];
  return [weigh(entry), ...scripts.map(weigh), ...styles.map(weigh)];
}

const kB = (bytes) => (bytes / 1024).toFixed(1).padStart(7);

function table(title, rows) {
  const width = Math.max(28, ...rows.map((row) => row.file.length));
  console.log(`\n${title}`);
  console.log(`  ${'asset'.padEnd(width)}  ${'raw kB'.padStart(7)}  ${'gzip kB'.padStart(7)}`);
  for (const row of rows) console.log(`  ${row.file.padEnd(width)}  ${kB(row.raw)}  ${kB(row.gzip)}`);
  const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), { raw: 0, gzip: 0 });
  console.log(`  ${'total'.padEnd(width)}  ${kB(total.raw)}  ${kB(total.gzip)}`);
  return total;
}

const manifest = readManifest();
const problems = [];

table('Staff SPA (index.html), first load', firstLoad(manifest, 'index.html'));
const publicTotal = table('Public pages (public.html: /lookup, /feedback, /feedback/:code), first load', firstLoad(manifest, 'public.html'));
for (const lng of ['vi', 'en']) {
  table(`Public pages, translations fetched at start (${lng})`, PUBLIC_LOCALES.map((ns) => weigh(`locales/${lng}/${ns}.json`)));
}

/** The public entry's chunks outside its first load: loaded only when this browser had a login. */
const publicFirst = staticGraph(manifest, 'public.html');
const publicLazy = [...fullGraph(manifest, 'public.html')].filter((key) => !publicFirst.has(key));
if (publicLazy.length > 0) {
  const lazyRows = publicLazy.flatMap((key) => [manifest[key].file, ...(manifest[key].css ?? [])]).map(weigh);
  const lazyTotal = table('Public pages, loaded later in the background, only for visitors who logged in before (login check)', lazyRows);
  console.log(`Public pages, lazy login chunk (only for visitors who logged in before): ${kB(lazyTotal.raw).trim()} kB raw, ${kB(lazyTotal.gzip).trim()} kB gzip.`);
}

if (publicTotal.gzip > PUBLIC_BUDGET_GZIP) {
  problems.push(`the public pages' first load is ${kB(publicTotal.gzip).trim()} kB gzip, over the budget of ${kB(PUBLIC_BUDGET_GZIP).trim()} kB`);
}

const modulesFile = join(bundleDir, 'modules.json');
if (!existsSync(modulesFile)) {
  problems.push(`${modulesFile} is missing (written by the lantern-chunk-modules plugin during vite build)`);
} else {
  const modulesByFile = new Map(JSON.parse(readFileSync(modulesFile, 'utf8')).map((chunk) => [chunk.file, chunk.modules]));
  const modulesOf = (keys) => keys.flatMap((key) => modulesByFile.get(manifest[key].file) ?? []);
  const publicFiles = [...fullGraph(manifest, 'public.html')];
  const forbidden = modulesOf(publicFiles).filter((id) => FORBIDDEN.test(id));
  const eager = modulesOf([...publicFirst]).filter((id) => LAZY_ONLY.test(id));
  if (forbidden.length > 0) {
    problems.push(`the public pages contain staff-app libraries:\n    ${[...new Set(forbidden)].slice(0, 10).join('\n    ')}`);
  }
  if (eager.length > 0) {
    problems.push(`the public pages' first load contains keycloak-js (allowed only behind a dynamic import):\n    ${[...new Set(eager)].slice(0, 10).join('\n    ')}`);
  }
  if (forbidden.length === 0 && eager.length === 0) {
    console.log(
      `\nPublic pages: ${modulesOf(publicFiles).length} modules, none from React, Mantine, Apollo, graphql or i18next; keycloak-js only in a lazy chunk (${modulesOf(publicLazy).filter((id) => LAZY_ONLY.test(id)).length} modules).`,
    );
  }
}

console.log(`Budget for the public pages' first load: ${kB(PUBLIC_BUDGET_GZIP).trim()} kB gzip.`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`Bundle check failed: ${problem}`);
  process.exit(1);
}
