export * from './blobs.ts';
export * from './http.ts';
export * from './membership.ts';
export * from './rounds.ts';
export * from './spaces.ts';
export * from './users.ts';
