// Deterministic comment texts: a seeded PRNG over a vocabulary of realistic sentences on cyber security policy.

/** mulberry32: small, fast and good enough to spread benchmark data; the same seed gives the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: () => number, list: readonly T[]): T => {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
};

/** A version-4-shaped UUID from the PRNG, so form tokens are deterministic too. */
export function uuidFrom(rng: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Math.floor(rng() * 4) + 8) as number).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const SENTENCES = [
  "Hospitals and power distribution companies should be named explicitly as critical infrastructure.",
  "Many smaller state utilities still run control systems that cannot be patched without shutting down supply.",
  "A national vulnerability disclosure policy would give researchers a safe way to report what they find.",
  "CERT-In's six-hour reporting window is workable for large firms but hard for a district cooperative bank.",
  "The principle should protect people and not only systems: leaked patient records harm them for years.",
  "Routing security, such as RPKI route origin validation, is the public core of the Internet in practice.",
  "Resilient DNS and diverse submarine cable landings matter more than any declaration of intent.",
  "States should commit never to target the systems that count and report votes.",
  "Defending elections must not become a reason to take down lawful political speech.",
  "Payment companies are attacked every day, and none of us should be allowed to hack back.",
  "What small firms need is a trusted channel to report incidents that also works on weekends.",
  "Devices sold in India should come with a published minimum period of security updates.",
  "Five years of security patches for anything connected to the Internet would be a reasonable start.",
  "Non-proliferation rules must exempt good-faith vulnerability research in writing.",
  "Export controls on intrusion software have hurt defenders more than attackers in other countries.",
  "Cyber hygiene at small organisations prevents most of the incidents our members see.",
  "Timely patching, strong sign-in and tested backups would stop the majority of ransomware cases.",
  "The list of critical systems should be published rather than kept confidential.",
  "Universities could train far more security engineers if the curriculum were updated every year.",
  "Supply chain security needs a software bill of materials for every system bought by the government.",
  "Municipal bodies rarely have a single person responsible for information security.",
  "Incident reports should be anonymised and shared so that others can learn from them.",
  "The Call's language on non-state actors is vague and should name what is actually prohibited.",
  "Intellectual property theft by cyber means hurts start-ups that cannot afford long lawsuits.",
  "International norms only matter if states publish how they interpret them domestically.",
  "Civil society should have a seat when national cyber security strategies are revised.",
  "Telecom operators can commit to filtering spoofed traffic at the edge of their networks.",
  "Ransomware payments should be reported, even when they are not prohibited.",
  "Regional language outreach would help small businesses outside the metros understand basic risks.",
  "A public registry of endorsements makes commitments visible and holds signatories to them.",
  "Security audits of government websites should be published with a timeline for fixes.",
  "Encryption protects citizens and businesses alike and should not be weakened by design.",
  "Cross-border data requests need a faster legal process than the mutual legal assistance treaties.",
  "Smart meters and connected water pumps widen the attack surface of essential services.",
  "The private sector holds most of the infrastructure, so it must be part of the response plan.",
  "Capacity building for neighbouring countries would strengthen the region as a whole.",
  "Academic researchers need safe harbour when they test systems that the public relies on.",
  "The principle is sound, but without reporting and accountability it will stay on paper.",
  "We support the text with the changes proposed above and offer our members' experience.",
  "Election commissions should run public red-team exercises well before polling day.",
];

const URLS = [
  "https://www.cert-in.org.in/",
  "https://pariscall.international/en/principles",
  "https://www.rfc-editor.org/rfc/rfc6811",
  "https://example.org/policy-brief-2024",
  "https://indiaigf.in/",
];

export interface BodyOptions {
  /** Blank-line paragraph breaks between sentences (seeded comments have them; posted texts stay on one line). */
  paragraphs?: boolean;
}

/**
 * A comment text of about 70 to 530 characters (mean about 325): whole sentences until a target length drawn
 * uniformly, with a web address in about one text in six.
 */
export function commentBody(rng: () => number, options: BodyOptions = {}): string {
  const target = 70 + Math.floor(rng() * 400);
  const parts: string[] = [];
  let length = 0;
  while (length < target) {
    const s = pick(rng, SENTENCES);
    const sep = parts.length === 0 ? "" : options.paragraphs && rng() < 0.12 ? "\n\n" : " ";
    parts.push(sep + s);
    length += sep.length + s.length;
  }
  if (rng() < 0.17) parts.push(` See ${pick(rng, URLS)} for details.`);
  return parts.join("");
}

const FIRST = ["Aarav", "Priya", "Kabir", "Ananya", "Vihaan", "Diya", "Ishaan", "Kavya", "Rahul", "Sneha", "Farhan", "Lakshmi"];
const LAST = ["Sharma", "Iyer", "Khan", "Das", "Reddy", "Banerjee", "Menon", "Singh", "Joshi", "Fernandes", "Patel", "Bose"];
const DESIGNATIONS = ["Analyst", "Director", "Researcher", "Engineer", "Policy Officer", "Professor", "Consultant", ""];

export function personName(n: number): { name: string; designation: string } {
  const first = FIRST[n % FIRST.length] ?? "Asha";
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length] ?? "Rao";
  return { name: `${first} ${last} ${n + 1}`, designation: DESIGNATIONS[n % DESIGNATIONS.length] ?? "" };
}
