import { describe, expect, it } from 'vitest';
import LRUCache from '../../lambda/src/builtins/lru-cache.js';

/** The bundle's stand-in for mnemonist's LRUCache (infra/bundling.ts), as the SDK's endpoint cache uses it. */
describe('the endpoint cache’s LRU', () => {
  it('evicts the least recently used entry beyond its capacity; get marks an entry used, peek does not', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.peek('a')).toBe(1);
    cache.set('d', 4);
    expect([cache.has('a'), cache.has('c'), cache.has('d')]).toEqual([false, true, true]);
  });

  it('replaces a value in place, and forgets everything on clear', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('a', 5);
    expect(cache.get('a')).toBe(5);
    expect(cache.get('missing')).toBeUndefined();
    cache.clear();
    expect(cache.has('a')).toBe(false);
  });
});
