// Bundles the admin scripts and the styles they import (with Quill and Pico CSS from node_modules) into the folder given as the
// first argument; the Portals.Admin project embeds the result and serves it from /{tenant}/admin/assets/.
import { build } from 'esbuild';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs <output folder>');
  process.exit(2);
}

await build({
  // Each script's imported CSS becomes a file of the same name: admin.js + admin.css, editor.js + editor.css.
  entryPoints: {
    admin: 'Scripts/admin.js',
    editor: 'Scripts/editor.js',
    content: 'Scripts/content.js',
  },
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  // Third-party licence headers stay with the code they belong to.
  legalComments: 'eof',
  logLevel: 'warning',
  // Pico CSS and Quill reference no fonts or images; anything else would be a new file to embed.
  loader: { '.svg': 'dataurl' },
});
