/**
 * Whether two plain values would serialise the same. The engines use it before setting a signal,
 * so an engine change that moved nothing does not wake every screen.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  // A top-level Map compares by its entries (JSON.stringify would make every Map "{}").
  const norm = (v: unknown) => JSON.stringify(v instanceof Map ? [...v] : v);
  return norm(a) === norm(b);
}
