/**
 * A small least-recently-used cache on top of Map's insertion order. Used for /api/check results, which
 * cost tens of milliseconds to compute and serialise but depend only on the KB version and the substances.
 *
 * @example const c = new Lru<string>(100); c.set('k', 'v'); c.get('k'); // 'v'
 */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Re-insert so the key becomes the most recently used.
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }

  get size(): number {
    return this.map.size;
  }
}
