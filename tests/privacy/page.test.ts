import type { Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { logRetention } from '../../infra/constructs/skill-function.js';
import { pointInTimeRecoveryDays } from '../../infra/constructs/user-table.js';
import { contactLine, defaultPrivacyContact, privacyPage } from '../../infra/privacy-page.js';
import { recentTipsKept } from '../../lambda/src/knowledge/tips.js';
import { reminderText } from '../../lambda/src/reminders/content.js';
import { retentionMonths } from '../../lambda/src/state/user-state.js';
import { type OpenPage, openPhonePage, phoneViewport } from '../../tools/headless-chromium.js';
import { servePrivacyPage } from '../../tools/privacy.js';

/*
 * The privacy policy as a person reads it: served as `npm run privacy` serves it, opened in Debian's
 * Chromium at a phone's width. Its figures are the code's figures.
 */

let server: Server;
let phone: OpenPage;
let text: string;
/** Why the browser did not open; every test then fails with it (a missing Chromium is a failure, never a skip). */
let launchError: unknown;
beforeAll(async () => {
  const served = await servePrivacyPage();
  server = served.server;
  try {
    phone = await openPhonePage(served.url);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text as rendered, as a reader sees it.
    text = (await phone.page.locator('body').innerText()).replace(/\s+/g, ' ');
  } catch (error) {
    launchError = error;
  }
}, 60_000);
beforeEach(({ task }) => {
  if (launchError !== undefined && task.suite?.name === 'the privacy policy in a browser') throw launchError;
});
afterAll(async () => {
  await phone?.close();
  server?.close();
});

const numberWords: Record<number, string> = { 5: 'vijf' };

describe('the privacy policy in a browser', () => {
  it('is a Dutch page titled "Privacybeleid van Rug Coach"', async () => {
    expect(await phone.page.title()).toBe('Privacybeleid van Rug Coach');
    expect(await phone.page.locator('html').getAttribute('lang')).toBe('nl');
    // biome-ignore lint/performance/useDomNodeTextContent: the heading as rendered.
    expect(await phone.page.locator('h1').innerText()).toBe('Privacybeleid van Rug Coach');
  });

  it('says what is stored, and that health answers never are', () => {
    expect(text).toContain('bij welke oefening en welke stap je was');
    expect(text).toContain('je voorkeuren');
    expect(text).toContain('je voortgang');
    expect(text).toMatch(
      /Je antwoorden op de vragen bij "moet ik naar de dokter\?" en de klachten die je noemt/,
    );
    expect(text).toMatch(/over je klachten of je gezondheid, bewaart Rug Coach nooit/);
  });

  it('gives the code’s figures: the TTL, the backups, the logs and the tips kept', () => {
    expect(text).toContain(`${retentionMonths} maanden niet, dan wordt alles vanzelf gewist`);
    expect(text).toContain(`reservekopie van de laatste ${pointInTimeRecoveryDays} dagen`);
    expect(text).toContain(`logboek bij, dat ${logRetention} dagen bewaard blijft`);
    expect(text).toContain(`welke ${numberWords[recentTipsKept]} tips je het laatst hoorde`);
    // No other figure of months or days that the code does not have.
    const months = [...text.matchAll(/(\d+) maanden/g)].map((m) => Number(m[1]));
    const days = [...text.matchAll(/(\d+) dagen/g)].map((m) => Number(m[1]));
    expect(new Set(months)).toEqual(new Set([retentionMonths]));
    expect(new Set(days)).toEqual(new Set([pointInTimeRecoveryDays, logRetention]));
  });

  it('explains reminders with the reminder’s own words, and how to stop them', () => {
    expect(text).toContain(`met de tekst "${reminderText.reminderText}"`);
    expect(text).toContain('"stop mijn herinnering"');
    expect(text).toContain('kaart waarmee je het later alsnog kunt toestaan');
  });

  it('explains how "wis mijn gegevens" and disabling the skill delete everything', () => {
    expect(text).toContain('"Alexa, vraag rug coach om mijn gegevens te wissen"');
    expect(text).toMatch(
      /na "ja" wist Rug Coach alles wat het over je bewaart, en ook je dagelijkse herinnering/,
    );
    expect(text).toMatch(/Schakel je de skill uit in de Alexa-app, .* wist Rug Coach al je gegevens/);
  });

  it('explains the store’s “no personal information” and names the content’s source', () => {
    expect(text).toContain(
      'In de Alexa Skills Store staat dat Rug Coach geen persoonlijke informatie verzamelt',
    );
    expect(text).toContain('Nederlandse Gids');
    expect(text).toContain(defaultPrivacyContact);
  });

  it('fits a phone: no sideways scrolling, and text of at least 16 px', async () => {
    // Run in the page (as strings: this project's TypeScript has no DOM types).
    const fit = (await phone.page.evaluate(`({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      fontSize: Number.parseFloat(getComputedStyle(document.body).fontSize),
    })`)) as { scrollWidth: number; innerWidth: number; fontSize: number };
    expect(fit.innerWidth).toBe(phoneViewport.width);
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth);
    expect(fit.fontSize).toBeGreaterThanOrEqual(16);
    const rights = (await phone.page.evaluate(
      `[...document.querySelectorAll('main, section, p, li')].map((n) => n.getBoundingClientRect().right)`,
    )) as number[];
    expect(rights.length).toBeGreaterThan(20);
    for (const right of rights) expect(right).toBeLessThanOrEqual(phoneViewport.width);
  });
});

describe('the page as deployed', () => {
  it('takes the publisher’s e-mail address as its contact, and nothing else', () => {
    const html = privacyPage('privacy@rugcoach.nl');
    expect(html).toContain('<a href="mailto:privacy@rugcoach.nl">privacy@rugcoach.nl</a>');
    expect(html).not.toContain('{{');
    expect(() => contactLine('<script>@x.nl')).toThrow(/e-mail address/);
    expect(() => contactLine('geen adres')).toThrow(/e-mail address/);
  });
});
