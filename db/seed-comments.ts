import type { OffPlatformChannel, Stance, StakeholderGroup } from "@/lib/limits";

/** A demo comment, written for Samvad. Its fixed key is its form token, so seeding twice adds nothing. */
export interface SeedComment {
  key: string;
  author: string;
  principle: number;
  stance: Stance;
  body: string;
  /** Hours after the round opened. */
  at: number;
  onBehalf?: boolean;
  replyTo?: string;
  /** Shows only the author's stakeholder group, not their name. */
  groupOnly?: boolean;
}

const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const DAYS = 24;

const ASHA = "asha.verma@digitaltrust.gov.example";
const ROHAN = "rohan.mehta@setu-pay.example";
const FATIMA = "fatima.sheikh@digitaladhikar.example";
const ARJUN = "arjun.nair@nofi.example";
const MEERA = "meera.iyer@icps.edu.example";
const VIKRAM = "vikram.rao@kavach-cloud.example";

/**
 * The open round: all five groups, some in Hindi, replies, and one comment that shows only its group. Inserted
 * in this order (the demo's comment numbers, #1 and #2, are linked from tests), which is also the order of time.
 */
export const openRoundComments: SeedComment[] = [
  {
    key: key(1),
    author: ASHA,
    principle: 1,
    stance: "supports",
    onBehalf: true,
    at: 5,
    body: "Hospitals and power distribution companies should be named explicitly as critical infrastructure. Many smaller state utilities still run systems that cannot be patched without shutting down supply.",
  },
  {
    key: key(2),
    author: FATIMA,
    principle: 1,
    stance: "supports_with_changes",
    replyTo: key(1),
    at: 12,
    body: "Agreed on hospitals. The principle should also protect people, not only systems: the data of patients leaked in an attack harms them long after the systems are restored.",
  },
  {
    key: key(3),
    author: ARJUN,
    principle: 2,
    stance: "supports",
    onBehalf: true,
    at: 20,
    body: "Routing security (RPKI route origin validation) and resilient DNS are the public core in practice. Operators can commit to them; a norm that states only intent will change little.",
  },
  {
    key: key(4),
    author: MEERA,
    principle: 9,
    stance: "has_concerns",
    at: 44,
    body: "The UN process and the Paris Call pull in different directions. India can support the norms while keeping its position that states decide on international security; the dialogue should say where that line lies.",
  },
  {
    key: key(5),
    author: ROHAN,
    principle: 8,
    stance: "supports",
    at: 52,
    body: "Payment companies are attacked every day and none of us should be striking back. What we need instead is a fast, trusted channel to CERT-In that works on weekends.",
  },
  {
    key: key(6),
    author: VIKRAM,
    principle: 6,
    stance: "supports_with_changes",
    onBehalf: true,
    at: 70,
    body: "Lifecycle security needs a clear minimum support period for devices sold in India. Five years of security updates for anything connected to the Internet would be a reasonable start.",
  },
  {
    key: key(7),
    author: FATIMA,
    principle: 3,
    stance: "opposes",
    at: 76,
    body: "Defending elections must not become a reason to take down lawful political speech. As written, the principle gives no safeguard for that, so we cannot support it yet.",
  },
  {
    key: key(8),
    author: ARJUN,
    principle: 7,
    stance: "supports",
    at: 95,
    body: "साइबर स्वच्छता का प्रशिक्षण हर ज़िले के सरकारी दफ़्तरों और छोटे व्यवसायों तक पहुँचना चाहिए। नियमित अद्यतन, मज़बूत पासवर्ड और बैकअप से ही ज़्यादातर हमले रुक जाते हैं।",
  },
  {
    key: key(9),
    author: FATIMA,
    principle: 7,
    stance: "supports_with_changes",
    replyTo: key(8),
    at: 110,
    body: "प्रशिक्षण की सामग्री हिंदी और दूसरी भारतीय भाषाओं में होनी चाहिए, और उसमें ऑनलाइन धोखाधड़ी से बचने के आसान तरीक़े शामिल हों, ताकि पहली बार इंटरनेट इस्तेमाल करने वाले भी इसका लाभ उठा सकें।",
  },
  {
    key: key(10),
    author: ROHAN,
    principle: 4,
    stance: "has_concerns",
    groupOnly: true,
    at: 118,
    body: "As a small payments firm we have lost source code to a former contractor's compromised laptop. Nobody could tell us whether that was theft under this principle or simply our own failure.",
  },
  {
    key: key(11),
    author: ASHA,
    principle: 3,
    stance: "supports_with_changes",
    replyTo: key(7),
    at: 126,
    body: "The safeguard can be written in: defending elections covers voter rolls, counting systems and foreign influence operations, never the lawful speech of people in India.",
  },
  {
    key: key(12),
    author: ARJUN,
    principle: 1,
    stance: "supports",
    replyTo: key(2),
    at: 140,
    body: "Patient data is a good test case. Hospitals that keep tested, offline backups recover in days instead of weeks, and leak less because fewer systems hold copies.",
  },
];

/** The closed pilot round's comments; one is in Hindi, one is a reply made in the counter-comment window. */
export const pilotComments: SeedComment[] = [
  {
    key: key(101),
    author: ASHA,
    principle: 1,
    stance: "supports",
    onBehalf: true,
    at: 3 * DAYS,
    body: "लोगों और महत्वपूर्ण अवसंरचना की सुरक्षा वह सिद्धांत है जिसका मंत्रालय बिना किसी शर्त के समर्थन कर सकता है। घरेलू सवाल यह है कि कौन-सी प्रणालियाँ इसमें गिनी जाएँ; इसकी शुरुआत उन प्रणालियों से होनी चाहिए जिन्हें क़ानून के तहत पहले से महत्वपूर्ण घोषित किया गया है।",
  },
  {
    key: key(102),
    author: FATIMA,
    principle: 1,
    stance: "supports_with_changes",
    at: 7 * DAYS,
    body: "We support this if the protection covers the people whose data these systems hold, and if the list of critical systems is published instead of kept confidential.",
  },
  {
    key: key(103),
    author: ARJUN,
    principle: 7,
    stance: "supports",
    onBehalf: true,
    at: 11 * DAYS,
    body: "Cyber hygiene is where the technical community can help most. Timely patching, strong sign-in and tested backups prevent most of the incidents we see at small organisations.",
  },
  {
    key: key(104),
    author: ROHAN,
    principle: 4,
    stance: "has_concerns",
    at: 15 * DAYS,
    body: "We back the principle against cyber-enabled theft of trade secrets, but small firms do not know where to report such theft. Without a clear channel the principle stays on paper.",
  },
  {
    key: key(105),
    author: MEERA,
    principle: 5,
    stance: "supports_with_changes",
    at: 19 * DAYS,
    body: "Non-proliferation must not catch security research. Rules on intrusion software have hurt researchers in other countries; India should exempt good-faith vulnerability research in writing.",
  },
  {
    key: key(106),
    author: MEERA,
    principle: 1,
    stance: "supports",
    at: 22 * DAYS,
    body: "A published list of critical systems would also let researchers study how well they are protected. Secret lists protect nobody from attackers, who find these systems anyway.",
  },
  {
    key: key(107),
    author: VIKRAM,
    principle: 1,
    stance: "has_concerns",
    onBehalf: true,
    at: 26 * DAYS,
    body: "Cloud providers host many hospital and utility systems. Duties should fall on whoever operates a system, with clear contracts, not on every provider in the supply chain at once.",
  },
  {
    key: key(108),
    author: ARJUN,
    principle: 1,
    stance: "supports",
    at: 30 * DAYS,
    body: "Protecting infrastructure starts with knowing who to call. Every operator of a critical system should publish a security contact and answer it within a day.",
  },
  {
    key: key(109),
    author: FATIMA,
    principle: 7,
    stance: "supports",
    at: 34 * DAYS,
    body: "साइबर स्वच्छता की जानकारी लोगों तक उनकी अपनी भाषा में पहुँचनी चाहिए। गाँवों में डिजिटल भुगतान बढ़ा है, पर धोखाधड़ी से बचने की जानकारी अब भी ज़्यादातर अंग्रेज़ी में है।",
  },
  {
    key: key(110),
    author: ASHA,
    principle: 7,
    stance: "supports_with_changes",
    at: 38 * DAYS,
    body: "Government offices can lead by example: a yearly hygiene check for every district office, with its results reported to the state, would show where help is needed most.",
  },
  {
    key: key(111),
    author: ROHAN,
    principle: 8,
    stance: "supports",
    at: 42 * DAYS,
    body: "Our fraud team gets dozens of complaints a week. Anyone who wants to help victims directly can call our fraud desk on +91 98100 12345 or write to the head of security at home.",
  },
  {
    key: key(112),
    author: ARJUN,
    principle: 2,
    stance: "supports",
    onBehalf: true,
    at: 46 * DAYS,
    body: "Route hijacks still take Indian networks offline every year. Our members run free RPKI clinics for small operators; details are on the forum's website, and anyone may join.",
  },
  {
    key: key(113),
    author: FATIMA,
    principle: 3,
    stance: "opposes",
    at: 50 * DAYS,
    body: "Takedowns in the name of election security have silenced journalists before. The principle must name an independent body that reviews every such request.",
  },
  {
    key: key(114),
    author: ASHA,
    principle: 3,
    stance: "supports",
    onBehalf: true,
    at: 54 * DAYS,
    body: "The Department supports defending electoral processes against foreign interference, and would start with the security of voter rolls and of the systems that publish results.",
  },
  {
    key: key(115),
    author: MEERA,
    principle: 1,
    stance: "supports_with_changes",
    replyTo: key(107),
    // In the counter-comment window, after the comment period closed: a reply is still taken.
    at: 93 * DAYS,
    body: "Research on past incidents shows that operators and providers can both carry duties if contracts say who does what. Without that, each points to the other after an attack.",
  },
];

/** A submission that reached the round by post, email or at a meeting, entered by the demo moderator. */
export interface SeedOffPlatform {
  key: string;
  principle: number;
  submitterName: string;
  stakeholderGroup: StakeholderGroup;
  channel: OffPlatformChannel;
  stance: Stance;
  body: string;
  /** Hours after the round opened: when it was received, and when it was entered. */
  receivedAt: number;
  enteredAt: number;
}

export const openRoundOffPlatform: SeedOffPlatform[] = [
  {
    key: key(201),
    principle: 2,
    submitterName: "Ramesh Chandra, retired telecom engineer, Bhopal",
    stakeholderGroup: "technical_community",
    channel: "post",
    stance: "supports",
    receivedAt: 48,
    enteredAt: 60,
    body: "इंटरनेट के सार्वजनिक मूल की रक्षा में छोटे शहरों के नेटवर्क भी गिने जाने चाहिए। जब कोई बड़ा मार्ग बंद होता है, तो मध्य प्रदेश के कई ज़िले घंटों तक कट जाते हैं।",
  },
];

export const pilotOffPlatform: SeedOffPlatform[] = [
  {
    key: key(202),
    principle: 7,
    submitterName: "Residents' Welfare Association, Sector 21, Dwarka",
    stakeholderGroup: "civil_society",
    channel: "email",
    stance: "supports",
    receivedAt: 40 * DAYS,
    enteredAt: 41 * DAYS,
    body: "Our older members lose money to fake payment requests every month. Short cyber hygiene sessions at residents' meetings, in Hindi and English, would do more than any poster.",
  },
];
