/** A set of addresses in a canonical order, with a short hash that stands for it in a query key. */
export interface AddressSet {
  addresses: readonly string[];
  size: number;
  hash: string;
}

/** cyrb53: a fast 53-bit string hash; collisions between two pastes are vanishingly unlikely. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The set of `addresses` (order does not matter), at most `max` of them. */
export function addressSet(addresses: readonly string[], max = Number.POSITIVE_INFINITY): AddressSet {
  const sorted = [...addresses].sort().slice(0, max);
  return { addresses: sorted, size: sorted.length, hash: cyrb53(sorted.join('\n')) };
}
