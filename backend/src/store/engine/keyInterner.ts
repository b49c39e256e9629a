/**
 * Shares one string among the equal values an index field holds. Most indexed
 * strings repeat (a status, a community's code, a search term: a million
 * incidents have a few thousand distinct ones), yet every value read from a
 * document's bytes is a new string: interned, a million index entries point
 * at one copy, and equal values compare by identity. A field whose values do
 * not repeat (a unique code) fills the table without hits: the interner then
 * forgets its table and stops looking.
 */
export class KeyInterner {
  /** Distinct values kept at most; reaching it with fewer hits than lookups/2 disables the interner. */
  static readonly MAX_ENTRIES = 65_536;
  private table: Map<string, string> | null = new Map();
  private lookups = 0;
  private hits = 0;

  intern(value: string): string {
    const table = this.table;
    if (table === null) return value;
    this.lookups++;
    const found = table.get(value);
    if (found !== undefined) {
      this.hits++;
      return found;
    }
    if (table.size < KeyInterner.MAX_ENTRIES) table.set(value, value);
    else if (this.hits * 2 < this.lookups) this.table = null;
    return value;
  }

  /** Whether the interner still shares values (false once the field proved not to repeat). */
  get active(): boolean {
    return this.table !== null;
  }
}
