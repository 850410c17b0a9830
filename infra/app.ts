import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stackPropsFrom } from './config.js';
import { RugCoachStack } from './rug-coach-stack.js';

const app = new App();
new RugCoachStack(app, 'RugCoach', stackPropsFrom(app));
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
