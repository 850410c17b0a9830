import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './bundling.js';

/** The privacy policy's source: Dutch text, so it lives with the other content. */
const privacyPageSource = path.join(repoRoot, 'content/privacy/privacy.html');

/** The object key the page has in its bucket, and the path of its URL. */
export const privacyPageKey = 'privacy.html';

/** Said when no contact address was given at deploy time (-c privacyContact=…). */
export const defaultPrivacyContact =
  'Vragen over je gegevens? Neem contact op met de uitgever van Rug Coach; de naam van de uitgever staat bij de skill in de Alexa Skills Store.';

/** Contact line for an e-mail address: the only thing the page needs from whoever publishes the skill. */
export function contactLine(email: string): string {
  if (!/^[^\s@<>"&]+@[^\s@<>"&]+\.[a-z]{2,}$/i.test(email)) {
    throw new Error(`privacyContact must be an e-mail address, got "${email}"`);
  }
  return `Vragen over je gegevens? Mail de uitgever van Rug Coach: <a href="mailto:${email}">${email}</a>.`;
}

/** The page as it is served: the source with its contact line filled in, and nothing left to fill. */
export function privacyPage(contact?: string): string {
  const line = contact === undefined ? defaultPrivacyContact : contactLine(contact);
  const html = readFileSync(privacyPageSource, 'utf8').replace('{{contact}}', line);
  if (html.includes('{{'))
    throw new Error(`${privacyPageSource} has a placeholder left: ${/\{\{\w*\}\}/.exec(html)?.[0]}`);
  return html;
}
