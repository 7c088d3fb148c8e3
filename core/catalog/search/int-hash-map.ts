/**
 * An open-addressing map from 32-bit integer keys to non-negative integers, in two typed arrays: the index's
 * feature dictionary, built without allocating a JS object per feature.
 */
export class IntHashMap {
  private keys: Int32Array;
  /** value + 1; 0 marks an empty slot. */
  private values: Int32Array;
  private shift: number;
  private count = 0;

  constructor(expected = 16) {
    let bits = 4;
    while (1 << bits < expected * 2) bits++;
    this.keys = new Int32Array(1 << bits);
    this.values = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  get size(): number {
    return this.count;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const keys = this.keys;
    const values = this.values;
    const mask = keys.length - 1;
    for (let i = Math.imul(key | 0, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const v = values[i] ?? 0;
      if (v === 0) return -1;
      if (keys[i] === (key | 0)) return v - 1;
    }
  }

  /** The value of `key`, storing `value` first when the key is new. */
  getOrSet(key: number, value: number): number {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    const values = this.values;
    const mask = keys.length - 1;
    for (let i = Math.imul(key | 0, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const v = values[i] ?? 0;
      if (v === 0) {
        keys[i] = key | 0;
        values[i] = value + 1;
        this.count++;
        return value;
      }
      if (keys[i] === (key | 0)) return v - 1;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.values = new Int32Array(oldKeys.length * 2);
    this.shift--;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const v = oldValues[i] ?? 0;
      if (v !== 0) this.getOrSet(oldKeys[i] ?? 0, v - 1);
    }
  }
}
