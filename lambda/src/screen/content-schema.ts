import { z } from 'zod';

const line = z.string().trim().min(1);

/** The words on the Echo Show screens that are not the article's (labels, titles). */
export const screenContentSchema = z.strictObject({
  sides: z.strictObject({ links: line, rechts: line }),
  /** "{seconds}": the hold's length. */
  holdLabel: line.includes('{seconds}'),
  /** "{number}", "{title}": the article's tip. */
  tipTitle: line.includes('{number}').includes('{title}'),
  doctorTitle: line,
});

export type ScreenContent = z.infer<typeof screenContentSchema>;
