import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../helpers/fixtures';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], input?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile('npx', ['tsx', 'scripts/extract.ts', ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

const SEED = fixturePath('seed', 'modal-scroll-lock', 'source.html');

describe('the extract CLI (a contract other checks call)', () => {
  it('prints one JSON line per file with the article fields plus file, ok and reason', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-cli-'));
    const gz = path.join(dir, 'seed.html.gz');
    writeFileSync(gz, gzipSync(readFixture('seed', 'hidden-paragraphs', 'source.html')));
    const run = await runCli(['--format', 'json', '--url', 'https://www.inkl.com/news/x', SEED, gz, fixturePath('pages', 'home-page.html')]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ file: SEED, ok: true, reason: null, byline: 'Gustaf Kilander', siteName: 'The Independent UK' });
    expect(lines[1]).toMatchObject({ file: gz, ok: true });
    expect(lines[2]).toMatchObject({ ok: false, reason: 'not-article' });
    for (const key of ['title', 'byline', 'siteName', 'publishedTime', 'lang', 'dir', 'excerpt', 'leadImage', 'content', 'textContent', 'wordCount', 'readingMinutes']) {
      expect(lines[0], key).toHaveProperty(key);
    }
  });

  it('reports an unreadable file on stderr, still processes the others, and exits non-zero', async () => {
    const run = await runCli(['--format', 'text', '/no/such/file.html', SEED]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('/no/such/file.html');
    expect(run.stdout).toContain('Defence Secretary Pete Hegseth');
  });

  it('reads stdin with "-" and decodes a windows-1252 page without a charset', async () => {
    const run = await runCli(['--format', 'markdown', '-'], readFixture('seed', 'json-ld-body', 'source.html'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Prior to Oval Office showdown/);
    expect(run.stdout).toContain('if it’s even possible.”');
  });

  it('decodes by BOM, by <meta charset>, and falls back to windows-1252', async () => {
    const { decodeHtml } = await import('@/scripts/lib/read-html-file');
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9]))).toBe('aé');
    const latin = new Uint8Array([...new TextEncoder().encode('<meta charset="iso-8859-1"><p>caf'), 0xe9]);
    expect(decodeHtml(latin)).toContain('café');
    expect(decodeHtml(new Uint8Array([0x93, 0x71, 0x94]))).toBe('“q”');
  });

  it('explains its decision with --debug', async () => {
    const run = await runCli(['--debug', '--format', 'text', SEED]);
    expect(run.stderr).toContain('remove-subscription-prompts');
    expect(run.stderr).toContain('[choose]');
    expect(run.stderr).toContain('[candidates]');
  });
});
