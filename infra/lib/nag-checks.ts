import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag 3 runs as a CDK policy-validation plugin (it is no longer an Aspect): its findings go to the assembly's
 * validation report and an unacknowledged error makes `app.synth()` throw. Acknowledgments are made with
 * `Validations.of(construct).acknowledge({ id, reason })` next to the construct they concern.
 */
export function addNagChecks(app: IConstruct): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}
