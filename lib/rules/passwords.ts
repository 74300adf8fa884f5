// The most common passwords that meet the length rule, from public breach-frequency lists, plus words people
// reach for on this site. Compared after lower-casing and removing digits, spaces and symbols at the ends,
// so "Password1234!" is refused as well as "password1234".
const COMMON = new Set([
  "password",
  "passwordpassword",
  "qwerty",
  "qwertyuiop",
  "qwertyuiopasdfghjkl",
  "asdfghjkl",
  "zxcvbnm",
  "iloveyou",
  "iloveyouiloveyou",
  "letmein",
  "welcome",
  "welcomewelcome",
  "admin",
  "administrator",
  "abc",
  "abcdef",
  "abcdefghijkl",
  "abcdefghijklmnop",
  "changeme",
  "default",
  "football",
  "baseball",
  "sunshine",
  "princess",
  "dragon",
  "monkey",
  "master",
  "superman",
  "batman",
  "trustno",
  "starwars",
  "samvad",
  "samvadsamvad",
  "pariscall",
  "parispeaceforum",
  "cyberspace",
  "cybersecurity",
  "security",
  "india",
  "incredibleindia",
  "bharat",
  "jaihind",
  "mumbai",
  "delhi",
  "newdelhi",
  "bangalore",
  "secret",
  "mypassword",
  "yourpassword",
  "passw",
  "passwrd",
  "pass",
  "login",
  "loginlogin",
  "computer",
  "internet",
  "whatever",
  "nothing",
  "freedom",
  "access",
  "shadow",
  "michael",
]);

const TRIVIAL = [
  /^(.)\1+$/, // one character repeated
  /^(?:0123456789|1234567890|0987654321|9876543210)+\d*$/, // digit runs
];

const isLetter = (code: number) => code >= 97 && code <= 122;

/**
 * The text between its first and last letter a–z. A loop, not /^[^a-z]+|[^a-z]+$/g: that pattern retries the
 * end at every position of a long run of non-letters, so a password of "a", 200,000 spaces and "a" took minutes
 * (the check runs on whatever length is posted, beside the length limit's own message).
 */
function betweenLetters(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && !isLetter(s.charCodeAt(start))) start++;
  while (end > start && !isLetter(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (TRIVIAL.some((re) => re.test(lower))) return true;
  const core = betweenLetters(lower).replace(/\s+/g, "");
  if (core.length === 0) return /^\d+$/.test(lower) && new Set(lower).size <= 4;
  if (COMMON.has(core)) return true;
  // The same word twice ("monkeymonkey") is as weak as the word.
  const half = core.length / 2;
  return Number.isInteger(half) && core.slice(0, half) === core.slice(half) && COMMON.has(core.slice(0, half));
}
