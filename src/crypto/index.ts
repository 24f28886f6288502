/** Innermost's end-to-end encryption: pure functions, no I/O. Formats are in docs/crypto.md. */
export * from './errors.ts';
export * from './bytes.ts';
export * from './context.ts';
export * from './kdf.ts';
export * from './aead.ts';
export * from './keywrap.ts';
export * from './identity.ts';
export * from './sign.ts';
export * from './seal.ts';
export * from './space-keys.ts';
export * from './records.ts';
export * from './recovery.ts';
export * from './invite.ts';
export * from './membership.ts';
export * from './departure.ts';
export * from './safety-code.ts';
export * from './rounds.ts';
