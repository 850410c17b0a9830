/**
 * Stands in for the `ask-sdk-model` package in the Lambda bundle (an esbuild alias in infra/bundling.ts).
 * ask-sdk-model is types, except for the service clients; ask-sdk-core touches one of them,
 * `services.ServiceClientFactory`, and only for skills built `withApiClient`. This skill calls the
 * Reminders API itself, so the 60 KiB of service clients stay out of every cold start.
 */
class ServiceClientFactory {
  constructor() {
    throw new Error(
      'Alexa service clients are not bundled: call the API directly, or drop the ask-sdk-model alias',
    );
  }
}

export const services = { ServiceClientFactory };
