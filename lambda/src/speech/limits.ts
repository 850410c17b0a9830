/** Alexa's limits on a response, in one place. */
export const alexaLimits = {
  /** The longest single `<break>` Alexa plays. */
  maxBreakSeconds: 10,
  /** Output speech must stay under this many characters of SSML. */
  maxSsmlChars: 8000,
  /** The whole response must stay within this many bytes. */
  maxResponseBytes: 24 * 1024,
  /** At most this many `<audio>` tags per response. */
  maxAudioTags: 5,
  /** A turn that expects an answer should last about this long or less (speech and silence). */
  maxTurnSeconds: 90,
} as const;

/** Rough speaking speed of Alexa's Dutch voice, used to estimate how long a turn lasts. */
export const charactersPerSecond = { normal: 14, slow: 11 } as const;
