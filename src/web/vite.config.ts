// Vite 7 build of the web UI (src/web -> dist/web). No React plugin: esbuild compiles JSX with
// Preact's automatic runtime. The closing hook prints the gzipped bundle size (budget: 300 kB).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const outDir = resolve(root, '../../dist/web');
const BUDGET_BYTES = 300 * 1024;

/** Prints raw and gzipped sizes of the emitted files and fails the build above the budget. */
function reportSize(): Plugin {
  return {
    name: 'h2o-ts-report-size',
    closeBundle() {
      const files: string[] = [];
      const walk = (d: string) => {
        for (const n of readdirSync(d)) {
          const p = join(d, n);
          if (statSync(p).isDirectory()) walk(p);
          else files.push(p);
        }
      };
      walk(outDir);
      let raw = 0;
      let gz = 0;
      for (const f of files) {
        const b = readFileSync(f);
        raw += b.length;
        gz += gzipSync(b).length;
      }
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      console.log(
        `web UI bundle: ${files.length} files, ${kb(raw)} raw, ${kb(gz)} gzipped (budget ${kb(BUDGET_BYTES)})`,
      );
      if (gz > BUDGET_BYTES)
        throw new Error(`web UI bundle is ${kb(gz)} gzipped, over the ${kb(BUDGET_BYTES)} budget`);
    },
  };
}

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
  plugins: [reportSize()],
});
