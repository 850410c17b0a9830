import { SecretValue } from 'aws-cdk-lib';
import { CfnSkill } from 'aws-cdk-lib/alexa-ask';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnPermission, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';

import { alexaServicePrincipal as alexaService } from '../../lambda/src/alexa-platform.js';

export interface AlexaSkillProps {
  /** The function the skill's custom endpoint and event endpoint point at. */
  readonly fn: IFunction;
  /** The privacy policy this stack serves; it replaces skill.json's placeholder for nl-NL. */
  readonly privacyPolicyUrl: string;
  /** Secrets Manager secret (name or ARN) with the Login-with-Amazon `clientId`, `clientSecret`, `refreshToken`. */
  readonly lwaSecretArn: string;
  /** The Amazon developer account's vendor ID. */
  readonly vendorId: string;
  /**
   * The skill package as the ASK CLI lays it out (skill.json, interactionModels/custom/nl-NL.json, assets/):
   * the repository's interaction-model/, taken as it is.
   */
  readonly skillPackageDir: string;
  /**
   * False on the first deploy, before the skill exists and its ID is known: Alexa refuses an endpoint
   * the skill cannot invoke, so the function then accepts invocations from any skill (its handler still
   * refuses every request until SKILL_ID is set by a second deploy with `-c skillId=<SkillId output>`).
   */
  readonly functionKnowsSkillId: boolean;
}

/**
 * The Alexa skill itself (Alexa::ASK::Skill), deployed from the repository's skill package. Created only
 * with Login-with-Amazon credentials, which Alexa needs to act on the developer account.
 */
export class AlexaSkill extends Construct {
  readonly skill: CfnSkill;
  readonly skillId: string;

  constructor(scope: Construct, id: string, props: AlexaSkillProps) {
    super(scope, id);

    const packageAsset = new Asset(this, 'Package', { path: props.skillPackageDir });

    // Alexa reads the package from the CDK asset bucket through this role (SkillPackage.S3BucketRole).
    const packageReader = new Role(this, 'PackageReader', {
      assumedBy: new ServicePrincipal(alexaService),
      description: 'Lets Alexa read the Rug Coach skill package asset',
    });
    packageReader.addToPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [packageAsset.bucket.arnForObjects(packageAsset.s3ObjectKey)],
      }),
    );

    const lwa = (field: 'clientId' | 'clientSecret' | 'refreshToken'): string =>
      // A {{resolve:secretsmanager:…}} dynamic reference: the secret never enters the template.
      SecretValue.secretsManager(props.lwaSecretArn, { jsonField: field }).unsafeUnwrap();

    this.skill = new CfnSkill(this, 'Skill', {
      vendorId: props.vendorId,
      authenticationConfiguration: {
        clientId: lwa('clientId'),
        clientSecret: lwa('clientSecret'),
        refreshToken: lwa('refreshToken'),
      },
      skillPackage: {
        s3Bucket: packageAsset.s3BucketName,
        s3Key: packageAsset.s3ObjectKey,
        s3BucketRole: packageReader.roleArn,
        overrides: {
          // Merged into skill.json's manifest (Alexa::ASK::Skill Overrides).
          manifest: {
            apis: { custom: { endpoint: { uri: props.fn.functionArn } } },
            events: { endpoint: { uri: props.fn.functionArn } },
            privacyAndCompliance: { locales: { 'nl-NL': { privacyPolicyUrl: props.privacyPolicyUrl } } },
          },
        },
      },
    });
    this.skill.node.addDependency(packageReader);
    this.skillId = this.skill.ref;

    if (!props.functionKnowsSkillId) {
      const bootstrap = new CfnPermission(this, 'BootstrapInvoke', {
        functionName: props.fn.functionArn,
        principal: alexaService,
        action: 'lambda:InvokeFunction',
      });
      this.skill.node.addDependency(bootstrap);
    }
  }
}
