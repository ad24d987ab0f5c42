// Lints spec/openapi.yaml with Redocly, bundles it into the published single-file spec (JSON and
// YAML), and renders the API reference (index.html) from the bundle.
// Problems are printed in MSBuild's canonical format (file(line,col): error RULE: message) so the
// build fails naming the spec file and line. Outputs are written to temp files and moved into
// place only when everything succeeded: a broken spec never replaces the last good bundle.
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const [root, outJson, outYaml] = process.argv.slice(2);
if (!root || !outJson || !outYaml) {
  console.error('usage: node build/bundle-spec.mjs <spec/openapi.yaml> <out.json> <out.yaml>');
  process.exit(2);
}
const repo = resolve(dirname(new URL(import.meta.url).pathname), '..');
const redocly = join(repo, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

function run(args) {
  return spawnSync(process.execPath, [redocly, ...args], { cwd: repo, env, encoding: 'utf8', maxBuffer: 64 << 20 });
}

// 1. Lint.
const lint = run(['lint', root, '--format=json', '--config', join(repo, 'redocly.yaml')]);
let report;
try {
  report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{')));
} catch {
  // The root itself did not parse: Redocly prints `<reason> in "<file>" (line:col)` instead of a report.
  const text = `${lint.stdout}\n${lint.stderr}`;
  const m = text.match(/-\s+(.*?) in "([^"]+)" \((\d+):(\d+)\)/);
  if (m) {
    console.log(`${m[2]}(${m[3]},${m[4]}): error YAML: ${m[1]}; the previous bundle and generated client are kept.`);
  } else {
    const reason = text.split('\n').filter(l => l.trim() && !/[║╔╚]/.test(l)).join(' ').trim();
    console.log(`${root}(1,1): error REDOCLY: redocly lint failed (exit ${lint.status}): ${reason}`);
  }
  process.exit(1);
}
for (const p of report.problems) {
  const loc = p.location?.[0] ?? {};
  const file = loc.source?.ref ?? root;
  const line = loc.start?.line ?? 1;
  const col = loc.start?.col ?? 1;
  const level = p.severity === 'error' ? 'error' : 'warning';
  const where = loc.pointer ? ` (at ${loc.pointer})` : '';
  console.log(`${file}(${line},${col}): ${level} ${p.ruleId}: ${p.message.replace(/\s+/g, ' ')}${where}`);
}
if (report.totals.errors > 0) {
  console.log(`${root}(1,1): error REDOCLY: the spec has ${report.totals.errors} lint error(s); the previous bundle and generated client are kept.`);
  process.exit(1);
}

// 2. Bundle to temp files next to the outputs, then move them into place.
for (const [out, ext] of [[outJson, 'json'], [outYaml, 'yaml']]) {
  mkdirSync(dirname(resolve(repo, out)), { recursive: true });
  const tmp = resolve(repo, `${out}.tmp-${process.pid}.${ext}`);
  const b = run(['bundle', root, '--output', tmp, '--ext', ext, '--config', join(repo, 'redocly.yaml')]);
  if (b.status !== 0 || !existsSync(tmp)) {
    rmSync(tmp, { force: true });
    console.log(`${root}(1,1): error REDOCLY: redocly bundle failed (exit ${b.status}): ${(b.stderr || b.stdout).trim()}`);
    process.exit(1);
  }
  if (ext === 'json') JSON.parse(readFileSync(tmp, 'utf8')); // a truncated bundle must not be published
  renameSync(tmp, resolve(repo, out));
}
// 3. The API reference for humans: Redoc, self-contained (scripts inlined, no CDN), beside the bundle.
const outHtml = resolve(dirname(resolve(repo, outJson)), 'index.html');
const tmpHtml = `${outHtml}.tmp-${process.pid}.html`;
const docs = run(['build-docs', outJson, '--inlineBundle', '--output', tmpHtml, '--title', 'Sentry API reference (Sentry.OpenApi)']);
if (docs.status !== 0 || !existsSync(tmpHtml)) {
  rmSync(tmpHtml, { force: true });
  console.log(`${root}(1,1): error REDOCLY: redocly build-docs failed (exit ${docs.status}): ${(docs.stderr || docs.stdout).trim()}`);
  process.exit(1);
}
// Redoc's attribution logo is fetched from a CDN even in an inlined bundle (Redocly/redoc#2108);
// the reference must open offline, so it points at a small inline image instead.
const offlineLogo = 'data:image/svg+xml,' + encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16" rx="3" fill="#362d59"/></svg>');
writeFileSync(tmpHtml, readFileSync(tmpHtml, 'utf8').replace(/https:\/\/cdn\.redoc\.ly\/redoc\/[\w.-]+\.svg/g, offlineLogo));
renameSync(tmpHtml, outHtml);
console.log(`Bundled ${root} into ${outJson}, ${outYaml} and ${outHtml}.`);
