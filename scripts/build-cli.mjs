// Builds dist/cli.mjs: the `describe` command bundled to plain JS with esbuild, so that command starts
// without tsx compiling TypeScript (about 0.3 s). Run by `npm ci` (the `prepare` script); bin/h2o-ts
// uses the bundle only while it is newer than every source file it was built from.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // Without esbuild (an install without dev dependencies) the CLI still runs through tsx.
  console.log('build-cli: esbuild is not installed; ./bin/h2o-ts will run through tsx');
  process.exit(0);
}

/** The commands the bundle carries; the others need tsx (workers, wasm, files beside the sources). */
const BUNDLED = new Set(['./describe.ts']);

const notBundled = {
  name: 'not-bundled',
  setup(build) {
    // main.ts loads each command lazily; every command but describe becomes a module that throws.
    build.onResolve({ filter: /^\.\/[a-z-]+\.ts$/ }, (args) =>
      args.kind === 'dynamic-import' &&
      args.importer.endsWith(join('src', 'cli', 'main.ts')) &&
      !BUNDLED.has(args.path)
        ? { path: args.path, namespace: 'not-bundled' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'not-bundled' }, (args) => ({
      contents: `throw new Error('${args.path} is not in dist/cli.mjs; run it through tsx');`,
      loader: 'js',
    }));
  },
};

const out = join(root, 'dist');
mkdirSync(out, { recursive: true });
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', 'parse-worker': 'src/parse/parse-worker.ts' },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  metafile: true,
  logLevel: 'warning',
  plugins: [notBundled],
});
// The inputs, for bin/h2o-ts's freshness check (a source edited after the build means: use tsx).
const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes(':'));
writeFileSync(
  join(out, 'cli-inputs.json'),
  `${JSON.stringify(inputs.map((p) => relative(root, join(root, p))))}\n`,
);
console.log(`build-cli: dist/cli.mjs and dist/parse-worker.mjs from ${inputs.length} sources`);
