/**
 * The extraction CLI (a contract other checks call):
 *   npm run --silent extract -- [--format json|html|text|markdown] [--url URL] [--debug] FILE...
 * One result per file; `-` reads stdin. A file it cannot read is reported on stderr, the others are
 * still processed, and the exit code is 1.
 */
import { extractArticle, type ExtractResult } from '../lib/extract/index.ts';
import { articleHtmlToMarkdown } from '../lib/markdown/article-to-markdown.ts';
import { getSanitizerWindow, parseHtmlDocument } from './lib/node-dom.ts';
import { readHtmlFile } from './lib/read-html-file.ts';

type Format = 'json' | 'html' | 'text' | 'markdown';
const FORMATS: readonly Format[] = ['json', 'html', 'text', 'markdown'];
const USAGE = 'usage: npm run --silent extract -- [--format json|html|text|markdown] [--url URL] [--debug] FILE...';

interface CliOptions {
  format: Format;
  url?: string;
  debug: boolean;
  files: string[];
}

function parseArguments(argv: string[]): CliOptions {
  const options: CliOptions = { format: 'json', debug: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (argument === '--format') {
      const format = argv[++i] as Format;
      if (!FORMATS.includes(format)) throw new Error(`unknown format "${format}"\n${USAGE}`);
      options.format = format;
    } else if (argument === '--url') {
      options.url = argv[++i];
    } else if (argument === '--debug') {
      options.debug = true;
    } else if (argument === '--help' || argument === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      options.files.push(argument);
    }
  }
  if (options.files.length === 0) throw new Error(USAGE);
  return options;
}

function jsonLine(file: string, result: ExtractResult): string {
  const article = result.ok ? result.article : result.bestEffort;
  return JSON.stringify({
    file,
    ok: result.ok,
    reason: result.ok ? null : result.reason,
    detail: result.ok ? null : result.detail,
    ...article,
    ...(result.debug ? { debug: result.debug } : {}),
  });
}

function render(format: Format, file: string, result: ExtractResult): string {
  if (format === 'json') return jsonLine(file, result);
  const article = result.ok ? result.article : result.bestEffort;
  if (!article) return '';
  if (format === 'html') return article.content;
  if (format === 'text') return article.textContent;
  return `# ${article.title}\n\n${articleHtmlToMarkdown(article.content)}`;
}

function printDebug(file: string, result: ExtractResult): void {
  if (!result.debug) return;
  console.error(`── ${file}: ${result.ok ? 'article' : `${result.reason}: ${result.detail}`}`);
  for (const entry of result.debug.entries) console.error(`  [${entry.step}]${entry.rule ? ` ${entry.rule}:` : ''} ${entry.message}`);
  console.error(`  timings (ms): ${JSON.stringify(result.debug.timingsMs)}`);
}

function main(): void {
  let options: CliOptions;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  let failures = 0;
  const sanitizerWindow = getSanitizerWindow();
  const many = options.files.length > 1;
  for (const file of options.files) {
    let html: string;
    try {
      html = readHtmlFile(file);
    } catch (error) {
      console.error(`extract: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      failures++;
      continue;
    }
    const document = parseHtmlDocument(html, options.url);
    const result = extractArticle(document, { sanitizerWindow, ownsDocument: true, debug: options.debug, ...(options.url ? { url: options.url } : {}) });
    if (options.format !== 'json' && many) process.stdout.write(`==> ${file} <==\n`);
    process.stdout.write(`${render(options.format, file, result)}\n`);
    if (options.debug) printDebug(file, result);
  }
  process.exitCode = failures > 0 ? 1 : 0;
}

main();
