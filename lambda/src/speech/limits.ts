/** Alexa's limits on a response, in one place. */
export const alexaLimits = {
  /**
   * The longest single `<break>` Alexa plays ("maximum duration of 10 seconds").
   * https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html#break
   */
  maxBreakSeconds: 10,
  /**
   * Output speech must stay under this many characters of SSML ("must not exceed 8000 characters").
   * https://developer.amazon.com/en-US/docs/alexa/custom-skills/request-and-response-json-reference.html#response-format
   */
  maxSsmlChars: 8000,
  /**
   * The whole response must stay within this many bytes ("cannot exceed 24 kilobytes").
   * https://developer.amazon.com/en-US/docs/alexa/custom-skills/request-and-response-json-reference.html#response-format
   */
  maxResponseBytes: 24 * 1024,
  /**
   * At most this many `<audio>` tags per response ("no more than five audio files").
   * https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html#audio
   */
  maxAudioTags: 5,
  /**
   * A turn that expects an answer should last this long or less, speech and silence together, from the
   * design guide's "make each turn 90 seconds or less".
   * https://developer.amazon.com/en-US/docs/alexa/alexa-design/audio.html
   */
  maxTurnSeconds: 90,
} as const;

/**
 * Rough speaking speed of Alexa's Dutch voice, used to estimate how long a turn lasts: the project's own
 * estimate (no Alexa doc gives one); `slow` is for speech under speech/ssml.ts's 85 % rate.
 */
export const charactersPerSecond = { normal: 14, slow: 11 } as const;
