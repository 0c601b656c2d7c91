// HTML is only read, never run (issue 6): no script execution, no resource loading, no network, no
// child processes. cheerio (parse5) builds a tree; nothing in plancmp evaluates or fetches anything.
import { describe, it, expect, vi, afterEach } from 'vitest';
import net from 'node:net';
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import childProcess from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { parseBytes } from '../src/index.js';

const FIXTURE = readFileSync(new URL('../fixtures/002_2cdac00586eece9b.txt', import.meta.url), 'utf8');
const body = FIXTURE.split('\n')
  .map((l) => `<p>${l}</p>`)
  .join('\n');

const HOSTILE = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>关于印发实施方案的通知</title>
<meta http-equiv="refresh" content="0; url=http://198.51.100.7/redirect">
<link rel="stylesheet" href="http://198.51.100.7/style.css">
<link rel="preload" href="https://198.51.100.7/font.woff2" as="font">
<base href="http://198.51.100.7/">
<script src="http://198.51.100.7/evil.js"></script>
<script>globalThis.__plancmpPwned = true; throw new Error("script executed");</script>
<style>@import url("http://198.51.100.7/import.css"); body { background: url(http://198.51.100.7/bg.png) }</style>
</head>
<body onload="globalThis.__plancmpPwned = true">
<img src="http://198.51.100.7/track.gif" onerror="globalThis.__plancmpPwned = true">
<iframe src="http://198.51.100.7/frame.html">框架里的文字</iframe>
<object data="http://198.51.100.7/x.swf"></object><embed src="http://198.51.100.7/x.swf">
<svg><script>globalThis.__plancmpPwned = true</script></svg>
<noscript>请启用脚本</noscript>
<template><p>模板里的文字</p></template>
<div id="zoom">
${body}
<a href="javascript:globalThis.__plancmpPwned=true">链接</a>
<script>document.write("脚本写入的文字")</script>
</div>
</body></html>`;

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as Record<string, unknown>).__plancmpPwned;
});

describe('HTML is only read, never run', () => {
  it('parses a page with scripts, remote images, links, frames and handlers without running or fetching anything', () => {
    const spies = [
      vi.spyOn(net, 'connect'),
      vi.spyOn(net, 'createConnection'),
      vi.spyOn(net.Socket.prototype, 'connect'),
      vi.spyOn(http, 'request'),
      vi.spyOn(http, 'get'),
      vi.spyOn(https, 'request'),
      vi.spyOn(https, 'get'),
      vi.spyOn(dns, 'lookup'),
      vi.spyOn(childProcess, 'spawn'),
      vi.spyOn(childProcess, 'exec'),
      vi.spyOn(childProcess, 'execFile'),
      vi.spyOn(childProcess, 'fork'),
      vi.spyOn(childProcess, 'spawnSync'),
      vi.spyOn(childProcess, 'execSync'),
    ];
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const handlesBefore = (process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo().length;

    const n = parseBytes(Buffer.from(HOSTILE), 'hostile.html');

    expect(n.source.format).toBe('html');
    expect(n.tasks).toHaveLength(41); // the notice itself is all there
    for (const s of [...spies, fetchSpy]) expect(s).not.toHaveBeenCalled();
    expect((globalThis as Record<string, unknown>).__plancmpPwned).toBeUndefined();
    // parsing is synchronous and leaves nothing running: no new sockets, timers or processes
    expect((process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo().length).toBeLessThanOrEqual(handlesBefore);

    // none of the script, style, frame, template or noscript text reaches the output
    const out = JSON.stringify(n);
    for (const leak of ['__plancmpPwned', 'script executed', 'document.write', '脚本写入的文字', '@import', '198.51.100.7', '框架里的文字', '模板里的文字', '请启用脚本', 'javascript:']) {
      expect(out, leak).not.toContain(leak);
    }
  });

  it('the reader loads cheerio only to parse: no fetching or script-running API is used in src/read', () => {
    const dir = new URL('../src/read/', import.meta.url);
    // ocr.ts is the one reader that runs programs: the local pdftoppm and tesseract, by execFile with a
    // fixed argument list (no shell), checked below; isolate.ts starts plancmp's own reading process
    const src = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'ocr.ts' && f !== 'isolate.ts')
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n');
    // cheerio is used through load() only (no fromURL/loadBuffer with a URL, no jsdom, no vm)
    expect(src).toMatch(/cheerio\(\)\.load\(/);
    for (const api of ['fromURL', 'jsdom', "from 'node:vm'", 'node:http', 'node:https', 'node:net', 'fetch(', 'child_process', 'eval(', 'new Function(', 'runScripts']) {
      expect(src, api).not.toContain(api);
    }
    const ocr = readFileSync(new URL('ocr.ts', dir), 'utf8');
    expect(ocr).toMatch(/import \{ execFile, type ChildProcess \} from 'node:child_process';/);
    expect(ocr).not.toMatch(/\bexec\(|execSync|spawn|shell:/);
    expect(ocr).not.toMatch(/fetch\(|node:https?|node:net/);
    // the reading process: only fork() of read-worker.js beside it
    const isolate = readFileSync(new URL('isolate.ts', dir), 'utf8');
    expect(isolate).toMatch(/import \{ fork, type ChildProcess \} from 'node:child_process';/);
    expect(isolate).toMatch(/new URL\('\.\/read-worker\.js', import\.meta\.url\)/);
    expect(isolate).not.toMatch(/(?<!\.)\bexec\(|execFile|execSync|spawn|shell:|fetch\(|node:https?|node:net/);
  });
});
