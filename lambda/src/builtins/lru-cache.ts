/**
 * In place of mnemonist's LRUCache in the bundle (infra/bundling.ts): the SDK's endpoint cache
 * (@aws-sdk/endpoint-cache, for DynamoDB's endpoint discovery, which the skill leaves off) is its only
 * user and needs get, set, has, peek and clear. A Map keeps insertion order, so the least recently
 * used entry is its first. mnemonist and its iterator helpers were 7 KiB of the bundle.
 */
export default class LRUCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value without marking it used. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return this;
  }

  clear(): void {
    this.entries.clear();
  }
}
