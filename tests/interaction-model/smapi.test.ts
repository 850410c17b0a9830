import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defined } from '../../tools/defined.js';
import { schemaErrors, typeErrors } from '../support/smapi.js';

/*
 * The skill package against the official Skill Management API model (ask-smapi-model): what `ask deploy`
 * and the CloudFormation skill resource upload must be a SkillManifestEnvelope and an InteractionModelData.
 */
const read = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../interaction-model/${file}`, import.meta.url), 'utf8'));

const manifest = read('skill.json');
const model = read('interactionModels/custom/nl-NL.json');

describe('the skill manifest (skill.json)', () => {
  it('is a SkillManifestEnvelope, written as a literal: no unknown or misspelt field, no value outside an enum', () => {
    expect(typeErrors(manifest, 'skill.Manifest.SkillManifestEnvelope')).toEqual([]);
  }, 30_000);

  it('passes the spec.json schema of SkillManifestEnvelope (lengths, counts, required fields, subtypes)', () => {
    expect(schemaErrors(manifest, 'v1.skill.Manifest.SkillManifestEnvelope')).toEqual([]);
  });
});

describe('the nl-NL interaction model', () => {
  it('is an InteractionModelData, written as a literal', () => {
    expect(typeErrors(model, 'skill.interactionModel.InteractionModelData')).toEqual([]);
  }, 30_000);

  it('passes the spec.json schema of InteractionModelData', () => {
    expect(schemaErrors(model, 'v1.skill.interactionModel.InteractionModelData')).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const withLocale = (extra: Record<string, unknown>) => {
    const copy = structuredClone(manifest) as {
      manifest: { publishingInformation: { locales: Record<string, Record<string, unknown>> } };
    };
    Object.assign(defined(copy.manifest.publishingInformation.locales['nl-NL']), extra);
    return copy;
  };

  it('catch a misspelt field and a value outside an enum in the types', () => {
    const misspelt = withLocale({ smallIconURL: 'file://assets/images/x.png' });
    expect(typeErrors(misspelt, 'skill.Manifest.SkillManifestEnvelope').join('\n')).toMatch(/smallIconURL/);
    const copy = structuredClone(manifest) as {
      manifest: { publishingInformation: Record<string, unknown> };
    };
    copy.manifest.publishingInformation.distributionMode = 'EVERYONE';
    expect(typeErrors(copy, 'skill.Manifest.SkillManifestEnvelope').join('\n')).toMatch(/EVERYONE/);
  }, 30_000);

  it('catch a summary over 160 characters and a wrong APL viewport in the schema', () => {
    expect(
      schemaErrors(withLocale({ summary: 'x'.repeat(161) }), 'v1.skill.Manifest.SkillManifestEnvelope'),
    ).toEqual([
      expect.stringContaining(
        '/manifest/publishingInformation/locales/nl-NL/summary must NOT have more than 160',
      ),
    ]);
    const copy = structuredClone(manifest) as {
      manifest: { apis: { custom: { interfaces: { supportedViewports: Record<string, unknown>[] }[] } } };
    };
    defined(defined(copy.manifest.apis.custom.interfaces[0]).supportedViewports[0]).shape = 'TRIANGLE';
    expect(schemaErrors(copy, 'v1.skill.Manifest.SkillManifestEnvelope').join('\n')).toMatch(
      /supportedViewports\/0\/shape must be equal to one of the allowed values/,
    );
  });
});
