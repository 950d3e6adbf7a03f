import { PNG } from 'pngjs'; import pixelmatch from 'pixelmatch'; import { readFileSync } from 'node:fs';
for (const p of ['p-1.png', 'p-2.png']) {
  const a = PNG.sync.read(readFileSync('/tmp/w-NpMjC0/out/' + p)), b = PNG.sync.read(readFileSync('/tmp/w-NpMjC0/full/' + p));
  console.log(p, a.width, b.width, pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.1 }));
}
