/**
 * The user-state table's key schema: the one definition that the CDK stack, the local simulator
 * and the tests all use.
 */
export const userTable = {
  /** Name used locally; the stack lets CloudFormation name the deployed table. */
  localName: 'rug-coach-users',
  partitionKey: { name: 'userId', type: 'S' },
  /** TTL attribute: epoch seconds, about 13 months after the last use. */
  ttlAttribute: 'expiresAt',
} as const;
