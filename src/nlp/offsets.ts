/**
 * Offset conversion between UTF-16 code units (JavaScript strings, our Doc) and Unicode
 * code points (Python string indices, used by the PTC corpus and its scorers).
 * They differ only after characters outside the BMP (e.g. emoji), which take two units.
 */

export class OffsetMap {
  /** cpToUnit[i] = UTF-16 index of code point i; length = code points + 1. */
  private readonly cpToUnit: Uint32Array;
  /** unitToCp[u] = code-point index of the code point that starts at or contains unit u. */
  private readonly unitToCp: Uint32Array;

  constructor(text: string) {
    const units = text.length;
    this.unitToCp = new Uint32Array(units + 1);
    const cps: number[] = [];
    let cp = 0;
    for (let u = 0; u < units; ) {
      cps.push(u);
      const code = text.charCodeAt(u);
      const width = code >= 0xd800 && code <= 0xdbff && u + 1 < units ? 2 : 1;
      for (let k = 0; k < width; k++) this.unitToCp[u + k] = cp;
      u += width;
      cp++;
    }
    cps.push(units);
    this.unitToCp[units] = cp;
    this.cpToUnit = Uint32Array.from(cps);
  }

  /** Number of code points in the text. */
  get codePoints(): number {
    return this.cpToUnit.length - 1;
  }

  toUnit(codePoint: number): number {
    if (codePoint < 0 || codePoint >= this.cpToUnit.length) {
      throw new RangeError(`code-point offset ${codePoint} outside text of ${this.codePoints} code points`);
    }
    return this.cpToUnit[codePoint];
  }

  toCodePoint(unit: number): number {
    if (unit < 0 || unit >= this.unitToCp.length) {
      throw new RangeError(`UTF-16 offset ${unit} outside text of ${this.unitToCp.length - 1} units`);
    }
    return this.unitToCp[unit];
  }
}
