/**
 * The screens a person can land on first (signed out, locked, unlocked, starting). They are in
 * the initial bundle; every other screen is loaded on demand (see app.tsx).
 */
export { default as Home } from './home.tsx';
export { Loading } from './loading.tsx';
export { Locked } from './locked.tsx';
export { default as Welcome } from './welcome.tsx';
