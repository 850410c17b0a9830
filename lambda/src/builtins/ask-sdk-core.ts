/**
 * In place of `ask-sdk-core` in the bundle (infra/bundling.ts): the things lambda/src takes from it.
 * ask-sdk-core is CommonJS, and its index requires every module it has (viewport and component utilities,
 * content helpers, the intent delegator), which esbuild cannot shake out. Relative paths, because the
 * alias would catch `ask-sdk-core/…` too; the types still come from the package itself.
 */
export { SkillBuilders } from '../../../node_modules/ask-sdk-core/dist/skill/SkillBuilders.js';
export {
  getDeviceId,
  getIntentName,
  getRequestType,
  getSlot,
  getSupportedInterfaces,
  getUserId,
} from '../../../node_modules/ask-sdk-core/dist/util/RequestEnvelopeUtils.js';
