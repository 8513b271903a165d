// Builds the self-hosted GraphiQL into ../src/main/resources/static/graphiql/.
import { build } from 'esbuild';
import { copyFileSync, rmSync } from 'node:fs';

const outdir = '../src/main/resources/static/graphiql';
const common = { bundle: true, minify: true, legalComments: 'linked', logLevel: 'info' };

rmSync(outdir, { recursive: true, force: true });

await build({
  ...common,
  entryPoints: { graphiql: 'src/index.jsx' },
  outdir,
  format: 'esm',
  // No code splitting: esbuild would emit CSS of lazily imported chunks (Monaco's) as
  // separate files that nothing loads. One JS + one CSS file is simpler to serve.
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
});

// Classic (non-module) workers: every browser can start them.
await build({
  ...common,
  entryPoints: {
    editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
    json: 'monaco-editor/esm/vs/language/json/json.worker.js',
    graphql: 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir: `${outdir}/workers`,
  entryNames: '[name].worker',
  format: 'iife',
  define: { 'process.env.NODE_ENV': '"production"' },
});

copyFileSync('index.html', `${outdir}/index.html`);
