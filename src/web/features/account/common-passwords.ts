/**
 * About 200 of the most used passwords, from public breach analyses (SplashData and NordPass
 * yearly lists, the RockYou top 1000, the NCSC "PwnedPasswordsTop100k" list). Lower case; used
 * only to warn, never to block (NIST SP 800-63B §5.1.1.2 asks verifiers to check "passwords
 * obtained from previous breach corpuses" and to tell the person why).
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '123456', '123456789', '12345678', 'password', 'qwerty123', 'qwerty1', '111111', '12345',
  'secret', '123123', '1234567890', '1234567', '000000', 'qwerty', 'abc123', 'password1',
  'iloveyou', '11111111', 'dragon', 'monkey', '123321', '654321', '666666', '121212',
  'qwertyuiop', '1q2w3e4r', '1qaz2wsx', 'qazwsx', 'zaq12wsx', 'asdfgh', 'asdfghjkl', 'zxcvbnm',
  'zxcvbn', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'password123', 'password12', 'password1234',
  'admin', 'admin123', 'administrator', 'root', 'toor', 'welcome', 'welcome1', 'welcome123',
  'letmein', 'login', 'master', 'hello', 'hello123', 'freedom', 'whatever', 'trustno1',
  'sunshine', 'princess', 'football', 'baseball', 'basketball', 'soccer', 'hockey', 'superman',
  'batman', 'spiderman', 'starwars', 'pokemon', 'naruto', 'charlie', 'shadow', 'michael',
  'jennifer', 'jordan', 'jordan23', 'hunter', 'hunter2', 'killer', 'daniel', 'andrew', 'joshua',
  'thomas', 'jessica', 'ashley', 'michelle', 'nicole', 'amanda', 'matthew', 'robert', 'anthony',
  'william', 'jasmine', 'tigger', 'buster', 'ginger', 'pepper', 'cookie', 'summer', 'flower',
  'orange', 'banana', 'chocolate', 'butterfly', 'purple', 'loveme', 'lovely', 'loveyou', 'love',
  'lover', 'iloveu', 'iloveyou1', 'iloveyou2', 'mylove', 'babygirl', 'baby', 'angel', 'angels',
  'sweety', 'sweetheart', 'forever', 'friends', 'family', 'heaven', 'blessed', 'jesus', 'god',
  'secret123', 'changeme', 'default', 'guest', 'test', 'test123', 'testing', 'temp', 'pass',
  'pass123', 'mypassword', 'computer', 'internet', 'google', 'samsung', 'apple', 'iphone',
  'mustang', 'ferrari', 'corvette', 'harley', 'yamaha', 'access', 'biteme', 'matrix', 'ninja',
  'azerty', 'azerty123', 'aaaaaa', 'abcdef', 'abcd1234', 'abc12345', 'a123456', 'a1b2c3',
  'a1b2c3d4', 'qwe123', 'q1w2e3r4', 'q1w2e3r4t5', '1q2w3e', '1q2w3e4r5t', '123qwe', '123abc',
  '112233', '159753', '147258369', '987654321', '987654', '999999', '888888', '777777', '555555',
  '11223344', '1111', '0000', '1234', '12341234', '123654', '696969', '131313', '7777777',
  '00000000', '12121212', '88888888', 'monkey123', 'dragon123', 'qwerty12', 'qwerty1234',
  'qwertyu', '1234qwer', 'football1', 'princess1', 'sunshine1', 'charlie1', 'shadow1', 'master1',
  'superstar', 'rockstar', 'soccer1', 'cheese', 'liverpool', 'chelsea', 'arsenal', 'barcelona',
  'maverick', 'silver', 'golden', 'diamond', 'peanut', 'snoopy', 'winter', 'spring', 'autumn',
  'monday', 'august', 'september', 'november', 'december', 'london', 'paris', 'berlin',
  'passion', 'sexy', 'sex', 'fuckyou', 'asshole', 'bailey', 'maggie', 'sophie', 'lucky',
  'happy', 'smile', 'qwerty!', 'zaq1zaq1', 'asd123', 'asdf1234', 'asdasd', 'asdfasdf',
];
