import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundle (an esbuild alias in
 * infra/bundling.ts). Lambda puts the function role's credentials in the environment, so the SDK's
 * full chain (SSO, ini files, processes, web identity, instance metadata) never runs there; leaving
 * it out of the bundle shortens every cold start. Locally the client gets fixed credentials instead.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]): AwsCredentialIdentityProvider =>
  fromEnv(init);
