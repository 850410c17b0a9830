/** The value, or an error naming what is missing: for a lookup the types cannot prove (an index, a find). */
export function defined<T>(value: T | null | undefined, what = 'a looked-up value'): T {
  if (value === undefined || value === null) throw new Error(`${what} is missing`);
  return value;
}
