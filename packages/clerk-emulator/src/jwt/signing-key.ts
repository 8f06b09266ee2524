import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { newClerkId } from '@invites/clerk-schema';
import { type Db, getMeta, setMeta } from '../db/database.ts';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public key as Clerk's JWKS lists it. */
  jwk: { use: 'sig'; kty: 'RSA'; kid: string; alg: 'RS256'; n: string; e: string };
}

/**
 * The instance's RS256 key: generated on first use and kept in the `meta` table, so a data file
 * keeps one key across restarts and resets (tokens stay verifiable).
 */
export class SigningKeys {
  #key: SigningKey | undefined;

  constructor(private readonly db: Db) {}

  get(): SigningKey {
    if (this.#key) return this.#key;
    let kid = getMeta(this.db, 'jwt_kid');
    let pem = getMeta(this.db, 'jwt_private_key');
    if (!kid || !pem) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
      kid = newClerkId('ins');
      pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      setMeta(this.db, 'jwt_private_key', pem);
      setMeta(this.db, 'jwt_kid', kid);
    }
    const privateKey = createPrivateKey(pem);
    const { n, e } = createPublicKey(privateKey).export({ format: 'jwk' });
    if (!n || !e) throw new Error('clerk-emulator: the signing key has no RSA modulus');
    this.#key = { kid, privateKey, jwk: { use: 'sig', kty: 'RSA', kid, alg: 'RS256', n, e } };
    return this.#key;
  }
}
