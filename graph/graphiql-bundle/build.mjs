// Bundles entry.js into ../src/main/resources/static/graphiql-assets/ (graphiql.js + graphiql.css).
// Run `npm ci && npm run build` here after changing a version in package.json, then commit the output.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const out = new URL('../src/main/resources/static/graphiql-assets/', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url)));
const versions = ['graphiql', 'react', '@graphiql/plugin-explorer', 'graphql']
  .map((name) => `${name}@${pkg.devDependencies[name]}`).join(', ');

await esbuild.build({
  entryPoints: { graphiql: 'entry.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  define: { 'process.env.NODE_ENV': '"production"', 'global': 'globalThis' },
  legalComments: 'eof',
  banner: { js: `/* ERP Graph self-hosted GraphiQL: ${versions}. Built by graph/graphiql-bundle. */`,
            css: `/* ERP Graph self-hosted GraphiQL: ${versions}. Built by graph/graphiql-bundle. */` },
  outdir: out,
  logLevel: 'info',
});
