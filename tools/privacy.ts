/**
 * `npm run privacy`: serves the privacy policy on http://localhost:4173/privacy.html, exactly as the stack
 * uploads it (`-- --contact you@example.nl` fills in a contact address, as `-c privacyContact=…` does).
 * `-- --screenshot docs/privacy-policy-phone.png` instead renders it in headless Chromium at a phone's width.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { privacyPage, privacyPageKey } from '../infra/privacy-page.js';

/** Serves the page, and only the page, on loopback. */
export async function servePrivacyPage(options: { port?: number; contact?: string } = {}): Promise<{
  url: string;
  server: Server;
}> {
  const html = privacyPage(options.contact);
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/' || pathname === `/${privacyPageKey}`) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(html);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('niet gevonden');
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/${privacyPageKey}`, server };
}

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};

async function main(): Promise<void> {
  const contact = argument('--contact');
  const screenshot = argument('--screenshot');
  if (screenshot) {
    const { openPhonePage } = await import('./headless-chromium.js');
    const { url, server } = await servePrivacyPage({ contact });
    const page = await openPhonePage(url);
    try {
      // The first screen a phone shows: the title and the summary.
      await page.page.screenshot({ path: path.resolve(screenshot) });
      process.stdout.write(`${screenshot}\n`);
    } finally {
      await page.close();
      server.close();
    }
    return;
  }
  const { url } = await servePrivacyPage({ port: Number(argument('--port') ?? 4173), contact });
  process.stdout.write(`Privacybeleid: ${url}  (Ctrl+C stopt)\n`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
