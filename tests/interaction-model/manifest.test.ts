import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import { loadInteractionModel, Understanding } from '../../tools/simulator/nlu/index.js';

/** "21 december 2025" as the English instructions write it: "21 December 2025". */
const englishDate = (dutch: string) => dutch.replace('december', 'December');

interface Manifest {
  manifest: {
    manifestVersion: string;
    publishingInformation: {
      locales: Record<
        string,
        { name: string; summary: string; description: string; examplePhrases: string[]; keywords: string[] }
      >;
      isAvailableWorldwide: boolean;
      distributionCountries: string[];
      category: string;
      testingInstructions: string;
    };
    privacyAndCompliance: {
      allowsPurchases: boolean;
      usesPersonalInfo: boolean;
      isChildDirected: boolean;
      isExportCompliant: boolean;
      containsAds: boolean;
      locales: Record<string, { privacyPolicyUrl: string }>;
    };
    apis: { custom: { endpoint: { uri: string } } };
    events: { subscriptions: { eventName: string }[] };
  };
}

const { manifest } = JSON.parse(
  readFileSync(new URL('../../interaction-model/skill.json', import.meta.url), 'utf8'),
) as Manifest;
const nl = manifest.publishingInformation.locales['nl-NL'];
const model = loadInteractionModel();

describe('the skill manifest', () => {
  it('publishes "Rug Coach" in the Dutch store as a health and fitness skill for NL and BE', () => {
    expect(manifest.manifestVersion).toBe('1.0');
    expect(nl?.name).toBe('Rug Coach');
    expect(manifest.publishingInformation.category).toBe('HEALTH_AND_FITNESS');
    expect(manifest.publishingInformation.isAvailableWorldwide).toBe(false);
    expect(manifest.publishingInformation.distributionCountries).toEqual(['NL', 'BE']);
    expect(nl?.summary.length).toBeGreaterThan(0);
    expect(nl?.summary.length).toBeLessThanOrEqual(160);
    expect(nl?.keywords.length).toBeGreaterThan(0);
    expect(nl?.keywords.length).toBeLessThanOrEqual(30);
  });

  it('tells store visitors it is no medical advice, to call the GP when in doubt and 112 in danger', () => {
    const description = nl?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(4000);
    expect(description).toMatch(/geen medisch advies/i);
    expect(description).toMatch(/twijfel[^.]*huisarts/i);
    expect(description).toMatch(/levensgevaar[^.]*112/i);
  });

  it('names the content’s source, Nederlandse Gids, in the store description', () => {
    expect(nl?.description).toContain('een artikel van Nederlandse Gids (NederlandseGids.nl)');
  });

  it('tells the certification team how to test reminders and the permission flow, and where the content comes from', () => {
    const instructions = manifest.publishingInformation.testingInstructions;
    expect(instructions.length).toBeLessThanOrEqual(4000);
    expect(instructions).toContain('herinner me elke dag om acht uur aan mijn oefeningen');
    expect(instructions).toContain('AskForPermissionsConsent/2');
    expect(instructions).toMatch(
      /"nee" or nothing: no reminder, the skill says so and sends a permissions card/,
    );
    expect(instructions).toContain('"stop mijn herinnering"');
    expect(instructions).toContain('"wis mijn gegevens"');
    expect(instructions).toContain(
      `"${article.source.title}" by Nederlandse Gids (NederlandseGids.nl, ${englishDate(article.source.date)})`,
    );
    expect(instructions).toMatch(/answers to the doctor questions are never stored/);
  });

  it('declares no purchases, personal info, children or ads, and has a privacy policy', () => {
    const p = manifest.privacyAndCompliance;
    expect([p.allowsPurchases, p.usesPersonalInfo, p.isChildDirected, p.containsAds]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(p.isExportCompliant).toBe(true);
    // A placeholder: the stack's overrides (or the ASK CLI user, from the PrivacyPolicyUrl output) put the real URL.
    expect(p.locales['nl-NL']?.privacyPolicyUrl).toBe('https://example.com/rug-coach/privacy');
  });

  it('points at a Lambda endpoint and subscribes to the skill-disabled event', () => {
    expect(manifest.apis.custom.endpoint.uri).toMatch(/^arn:aws:lambda:/);
    expect(manifest.events.subscriptions).toEqual([{ eventName: 'SKILL_DISABLED' }]);
  });

  it('has three example phrases that start with the wake word and name the skill', () => {
    expect(nl?.examplePhrases).toHaveLength(3);
    for (const phrase of nl?.examplePhrases ?? []) expect(phrase).toMatch(/^Alexa, \S+( \S+)* rug coach\b/);
  });

  it('understands each example phrase word for word, from the samples themselves, as the store promises', async () => {
    const understanding = await Understanding.train(model);
    const heard = [];
    for (const phrase of nl?.examplePhrases ?? []) heard.push(await understanding.understand(phrase));
    expect(heard).toEqual([
      { kind: 'launch' },
      {
        kind: 'intent',
        name: 'ExerciseIntent',
        slots: { exercise: { value: 'brug', id: 'brug', name: 'brug', matched: true, type: 'ExerciseType' } },
        confidence: 1,
        exact: true,
      },
      { kind: 'intent', name: 'TipIntent', slots: {}, confidence: 1, exact: true },
    ]);
  });
});
