/**
 * Whether this page may use the browser's crypto API. Browsers hide `crypto.subtle` outside a
 * secure context (W3C Secure Contexts: https, or localhost / 127.0.0.1), e.g. at a plain-HTTP
 * LAN address such as http://192.168.1.20:3000; Innermost encrypts on the device, so there it
 * explains what is wrong instead of failing later in some obscure way.
 */
export function cryptoAvailable(scope: { isSecureContext?: boolean; crypto?: { subtle?: unknown } } = globalThis): boolean {
  return scope.isSecureContext !== false && scope.crypto?.subtle !== undefined;
}
