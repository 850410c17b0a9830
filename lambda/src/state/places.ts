import type { Place, UserState } from './user-state.js';

/** Devices whose own place is kept (a household's); the oldest place goes first. */
export const placesKept = 4;

/** The newest `placesKept` places. */
export function keepNewestPlaces(places: Record<string, Place>): Record<string, Place> {
  const entries = Object.entries(places);
  if (entries.length <= placesKept) return places;
  entries.sort(([, a], [, b]) => Date.parse(b.at) - Date.parse(a.at));
  return Object.fromEntries(entries.slice(0, placesKept));
}

/** The place that changed last, of any device: where the user stopped. */
export function newestPlace(places: Record<string, Place>): Place | undefined {
  let newest: Place | undefined;
  for (const place of Object.values(places)) {
    if (!newest || Date.parse(place.at) > Date.parse(newest.at)) newest = place;
  }
  return newest;
}

/** `state` with `device`'s own place set to `place`. */
export function withPlace(state: UserState, device: string, place: Place): UserState {
  return { ...state, places: keepNewestPlaces({ ...state.places, [device]: place }) };
}

/** The state as a new session sees it: its position is where the user stopped last, on any device. */
export function asLoaded(state: UserState): UserState {
  const newest = newestPlace(state.places);
  return newest ? { ...state, position: newest.position } : state;
}
