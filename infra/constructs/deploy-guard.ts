import { CfnRule, Fn } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface DeployGuardProps {
  /** What CloudFormation shows when it refuses the deployment. */
  readonly reason: string;
}

/**
 * Makes a template that synthesizes fine but that CloudFormation refuses to deploy.
 *
 * The CDK CLI tells the app nothing about the command it runs (synth, diff, deploy), so "synth works,
 * deploy refuses" cannot be decided in the app. A template rule can: CloudFormation evaluates Rules
 * before it creates or changes any resource, whichever tool deploys (cdk deploy, the console, a pipeline).
 */
export class DeployGuard extends Construct {
  constructor(scope: Construct, id: string, props: DeployGuardProps) {
    super(scope, id);
    new CfnRule(this, 'Rule', {
      assertions: [
        {
          // Always false: this template must not be deployed as it is.
          assert: Fn.conditionNot(Fn.conditionEquals('refuse', 'refuse')),
          assertDescription: props.reason,
        },
      ],
    });
  }
}
