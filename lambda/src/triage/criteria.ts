import type { RedFlag } from '../content/schema.js';
import { article, spoken } from '../text/index.js';

/** How urgent the advice is: 'direct' = contact the GP now, 'appointment' = make an appointment. */
export type UrgentLevel = 'direct' | 'appointment';

/** The article's seven "direct contact opnemen bij" flags, in the article's order. */
export const directFlags: readonly RedFlag[] = article.doctor.directContact;

/** The article's five "maak een afspraak bij" criteria, in the article's order. */
export const appointmentFlags: readonly RedFlag[] = article.doctor.appointment;

/** The level of one of the twelve criteria, or undefined for an id the article does not have. */
export function levelOf(flagId: string): UrgentLevel | undefined {
  if (directFlags.some((flag) => flag.id === flagId)) return 'direct';
  if (appointmentFlags.some((flag) => flag.id === flagId)) return 'appointment';
  return undefined;
}

/** How the skill says a criterion ("gevoelloosheid of tintelingen"); the id itself if unknown. */
export function spokenFlag(flagId: string): string {
  return spoken.criteria[flagId]?.say ?? flagId;
}
