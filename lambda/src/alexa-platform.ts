/**
 * Alexa's names and limits that both the skill (lambda/) and its deployment (infra/) depend on, once.
 * Plain values only: infra imports this file without pulling in any of the skill.
 */

/**
 * The service Alexa invokes a skill's Lambda function as: the Alexa Skills Kit trigger.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/host-a-custom-skill-as-an-aws-lambda-function.html
 */
export const alexaServicePrincipal = 'alexa-appkit.amazon.com';

/**
 * The permission to create and delete the user's reminders (skill.json's `permissions` asks for it too).
 * https://developer.amazon.com/en-US/docs/alexa/smapi/alexa-reminders-overview.html
 */
export const remindersScope = 'alexa::alerts:reminders:skill:readwrite';

/** The function's timeout: Alexa waits 8 s for an answer; past that a slower answer is useless. */
export const functionTimeoutSeconds = 7;
