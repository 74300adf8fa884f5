/**
 * The Paris Call consultation as seeded: facts from the source documents, every sentence written for Samvad.
 * Paragraphs are separated by a blank line.
 */
/** The organisation that runs both demo rounds and answers for them. */
export const DEMO_OWNER_ORGANISATION = "Department of Digital Trust (demo)";

export const parisCall = {
  slug: "paris-call",
  referencePrefix: "PC",
  title: "Paris Call for Trust and Security in Cyberspace: a national dialogue",
  titleHi: "साइबरस्पेस में विश्वास और सुरक्षा के लिए पेरिस आह्वान: एक राष्ट्रीय संवाद",
  description: [
    "The Paris Call for Trust and Security in Cyberspace was published in Paris on 11 November 2018, at the Paris Peace Forum held for the centenary of the end of the First World War, on the initiative of President Emmanuel Macron. It sets out nine principles for a safe and open cyberspace and is meant to be backed by governments, companies and civil-society organisations alike. It is not legally binding: those who sign it commit to observing its principles.",
    "Within days more than 100 governments and about 1,000 other supporters had signed, among them large technology companies and groups such as the Internet Society. The governments of the United States, China, Russia and India did not sign. The Call builds on earlier work: the Budapest Convention on cybercrime and the norms for state behaviour agreed by the UN Group of Governmental Experts in 2015. The Internet Governance Forum (IGF) was named as a place to take stock of its progress.",
    "This dialogue asks a domestic question in the way the India Internet Governance Forum does: what should each principle mean for India, and should Indian institutions stand behind it? Government, industry, civil society, the technical community and academia each comment on the nine principles in their own voice. Moderators then publish summaries that show what every group said, with each point linked to the comments behind it.",
  ].join("\n\n"),
  descriptionHi: [
    "साइबरस्पेस में विश्वास और सुरक्षा के लिए पेरिस आह्वान 11 नवंबर 2018 को पेरिस में, प्रथम विश्व युद्ध की समाप्ति के सौ वर्ष पूरे होने पर आयोजित पेरिस शांति फ़ोरम में, राष्ट्रपति इमैनुएल मैक्रों की पहल पर जारी किया गया। इसमें सुरक्षित और खुले साइबरस्पेस के लिए नौ सिद्धांत हैं, और इसका उद्देश्य है कि सरकारें, कंपनियाँ और नागरिक समाज के संगठन, सभी इसका साथ दें। यह क़ानूनी रूप से बाध्यकारी नहीं है: हस्ताक्षर करने वाले इसके सिद्धांतों का पालन करने का वचन देते हैं।",
    "कुछ ही दिनों में 100 से अधिक सरकारों और लगभग 1,000 अन्य समर्थकों ने इस पर हस्ताक्षर किए, जिनमें बड़ी तकनीकी कंपनियाँ और इंटरनेट सोसाइटी जैसे समूह शामिल हैं। अमेरिका, चीन, रूस और भारत की सरकारों ने हस्ताक्षर नहीं किए। यह आह्वान पहले के काम पर आधारित है: साइबर अपराध पर बुडापेस्ट कन्वेंशन और 2015 में संयुक्त राष्ट्र के सरकारी विशेषज्ञ समूह द्वारा तय किए गए राज्यों के आचरण के मानदंड। इसकी प्रगति की समीक्षा के लिए इंटरनेट गवर्नेंस फ़ोरम (IGF) को एक मंच के रूप में चुना गया।",
    "यह संवाद भारत इंटरनेट गवर्नेंस फ़ोरम की तरह एक घरेलू सवाल पूछता है: हर सिद्धांत का भारत के लिए क्या अर्थ होना चाहिए, और क्या भारतीय संस्थाओं को इसका समर्थन करना चाहिए? सरकार, निजी क्षेत्र, नागरिक समाज, तकनीकी समुदाय और शिक्षा जगत, सभी अपनी आवाज़ में नौ सिद्धांतों पर टिप्पणी करते हैं। इसके बाद मॉडरेटर सारांश प्रकाशित करते हैं, जिनमें हर समूह की बात दिखती है और हर बिंदु उन टिप्पणियों से जुड़ा होता है जिन पर वह आधारित है।",
  ].join("\n\n"),
};

/** A closed pilot round of the same nine principles, held before the national dialogue (demo). */
export const parisCallPilot = {
  slug: "paris-call-pilot",
  referencePrefix: "PCP",
  title: "Paris Call pilot dialogue (closed)",
  titleHi: "पेरिस आह्वान पर प्रायोगिक संवाद (बंद)",
  description:
    "A short pilot round with a small group of invited participants, held to test how the dialogue works before it opened to everyone. It is closed: its comments and endorsements can be read, and its report shows what came of it.",
  descriptionHi:
    "आमंत्रित प्रतिभागियों के एक छोटे समूह के साथ एक छोटा प्रायोगिक दौर, जो सबके लिए खुलने से पहले यह परखने के लिए हुआ कि संवाद कैसे काम करता है। यह बंद है: इसकी टिप्पणियाँ और समर्थन पढ़े जा सकते हैं, और इसकी रिपोर्ट बताती है कि इससे क्या निकला।",
};

/** A principle as written: its official text, a blank line, then the plain-language explainer. */
interface PrincipleText {
  slug: string;
  title: string;
  titleHi: string;
  body: string;
  bodyHi: string;
}

export interface SeedPrinciple {
  slug: string;
  title: string;
  titleHi: string;
  /** The official text of the Paris Call (first paragraph). */
  body: string;
  bodyHi: string;
  /** What it means for India, in plain words (second paragraph). */
  explainer: string;
  explainerHi: string;
}

const principleTexts: PrincipleText[] = [
  {
    slug: "protect-individuals-and-infrastructure",
    title: "Protect individuals and infrastructure",
    titleHi: "व्यक्तियों और अवसंरचना की रक्षा",
    body: "Malicious cyber activity that harms people or critical infrastructure, or causes systemic damage, should be prevented and its effects reduced.\n\nFor India this touches power grids, hospitals, payment systems and telecom networks, and the people who depend on them. Tell us which systems matter most and who should answer for protecting them.",
    bodyHi:
      "ऐसी दुर्भावनापूर्ण साइबर गतिविधियों को रोका जाना चाहिए और उनके असर को कम किया जाना चाहिए, जो लोगों या महत्वपूर्ण अवसंरचना को नुकसान पहुँचाती हैं या पूरी व्यवस्था को क्षति पहुँचाती हैं।\n\nभारत के लिए इसका संबंध बिजली ग्रिड, अस्पतालों, भुगतान प्रणालियों और दूरसंचार नेटवर्क से है, और उन लोगों से जो इन पर निर्भर हैं। हमें बताइए कि कौन-सी प्रणालियाँ सबसे अहम हैं और उनकी रक्षा की ज़िम्मेदारी किसकी होनी चाहिए।",
  },
  {
    slug: "protect-the-internet",
    title: "Protect the Internet",
    titleHi: "इंटरनेट की रक्षा",
    body: "Activity that deliberately and substantially damages the general availability or integrity of the public core of the Internet should be prevented.\n\nThe public core includes routing, the domain name system and the undersea and terrestrial links that carry traffic. Should protecting it bind states, companies, or both, and how would that be checked?",
    bodyHi:
      "ऐसी गतिविधियों को रोका जाना चाहिए जो इंटरनेट के सार्वजनिक मूल की सामान्य उपलब्धता या अखंडता को जानबूझकर और गंभीर रूप से नुकसान पहुँचाती हैं।\n\nसार्वजनिक मूल में रूटिंग, डोमेन नेम सिस्टम और समुद्र के नीचे व ज़मीन पर बिछी वे कड़ियाँ शामिल हैं जिनसे ट्रैफ़िक चलता है। क्या इसकी रक्षा का दायित्व राज्यों पर हो, कंपनियों पर हो या दोनों पर, और इसकी जाँच कैसे होगी?",
  },
  {
    slug: "defend-electoral-processes",
    title: "Defend electoral processes",
    titleHi: "चुनावी प्रक्रियाओं की रक्षा",
    body: "States and other actors should strengthen their capacity to prevent malicious interference by foreign actors that aims to undermine electoral processes through cyber activity.\n\nThe world's largest elections are held here. We welcome views on voter data, campaign systems and influence operations, and on where defending elections must stop so that it does not limit lawful speech.",
    bodyHi:
      "राज्यों और अन्य पक्षों को अपनी क्षमता बढ़ानी चाहिए ताकि विदेशी तत्व साइबर गतिविधियों के ज़रिए चुनावी प्रक्रियाओं को कमज़ोर करने के लिए दुर्भावनापूर्ण दखल न दे सकें।\n\nदुनिया के सबसे बड़े चुनाव यहीं होते हैं। मतदाता डेटा, प्रचार प्रणालियों और प्रभाव अभियानों पर आपके विचार आमंत्रित हैं, और इस पर भी कि चुनावों की रक्षा कहाँ रुकनी चाहिए ताकि वैध अभिव्यक्ति पर रोक न लगे।",
  },
  {
    slug: "defend-intellectual-property",
    title: "Defend intellectual property",
    titleHi: "बौद्धिक संपदा की रक्षा",
    body: "Cyber-enabled theft of intellectual property, including trade secrets and other confidential business information, with the intent of giving a competitive advantage to companies or commercial sectors, should be prevented.\n\nIndian firms are both targets of such theft and competitors in global markets. How should this principle sit alongside research, open source and access to knowledge?",
    bodyHi:
      "साइबर माध्यमों से बौद्धिक संपदा की चोरी, जिसमें व्यापारिक रहस्य और अन्य गोपनीय व्यावसायिक जानकारी शामिल है, रोकी जानी चाहिए, जब उसका मकसद कंपनियों या व्यावसायिक क्षेत्रों को प्रतिस्पर्धा में बढ़त दिलाना हो।\n\nभारतीय कंपनियाँ ऐसी चोरी का निशाना भी हैं और वैश्विक बाज़ारों में प्रतिस्पर्धी भी। यह सिद्धांत शोध, ओपन सोर्स और ज्ञान तक पहुँच के साथ कैसे संतुलित हो?",
  },
  {
    slug: "non-proliferation",
    title: "Non-proliferation",
    titleHi: "अप्रसार",
    body: "Measures should be developed to prevent the spread of malicious software and practices intended to cause harm.\n\nTools that attack can also be used to test defences. Tell us how export controls, vulnerability disclosure and the work of security researchers should be treated.",
    bodyHi:
      "नुकसान पहुँचाने के इरादे से बनाए गए दुर्भावनापूर्ण सॉफ़्टवेयर और तरीकों के फैलाव को रोकने के उपाय विकसित किए जाने चाहिए।\n\nहमला करने वाले औज़ार सुरक्षा की जाँच में भी काम आते हैं। हमें बताइए कि निर्यात नियंत्रण, कमज़ोरियों के खुलासे और सुरक्षा शोधकर्ताओं के काम को कैसे देखा जाना चाहिए।",
  },
  {
    slug: "lifecycle-security",
    title: "Lifecycle security",
    titleHi: "जीवनचक्र सुरक्षा",
    body: "The security of digital processes, products and services should be strengthened throughout their lifecycle and supply chain.\n\nThis covers how software and devices are designed, built, updated and retired, including those bought from abroad. Who should carry the cost of updates, and for how long?",
    bodyHi:
      "डिजिटल प्रक्रियाओं, उत्पादों और सेवाओं की सुरक्षा उनके पूरे जीवनचक्र और आपूर्ति श्रृंखला में मज़बूत की जानी चाहिए।\n\nइसमें यह शामिल है कि सॉफ़्टवेयर और उपकरण कैसे डिज़ाइन किए जाते हैं, बनाए जाते हैं, अद्यतन किए जाते हैं और उपयोग से हटाए जाते हैं, विदेश से ख़रीदे गए उपकरण भी। अद्यतनों का ख़र्च कौन उठाए, और कितने समय तक?",
  },
  {
    slug: "cyber-hygiene",
    title: "Cyber hygiene",
    titleHi: "साइबर स्वच्छता",
    body: "Efforts should be supported to advance cyber hygiene for all actors.\n\nMost attacks begin with weak passwords, missing updates or a convincing message. What would help small businesses, local government offices and first-time Internet users protect themselves, in their own languages?",
    bodyHi:
      "सभी पक्षों में साइबर स्वच्छता बढ़ाने के प्रयासों का साथ दिया जाना चाहिए।\n\nज़्यादातर हमले कमज़ोर पासवर्ड, छूटे हुए अद्यतनों या किसी भरोसेमंद दिखने वाले संदेश से शुरू होते हैं। छोटे व्यवसायों, स्थानीय सरकारी कार्यालयों और पहली बार इंटरनेट इस्तेमाल करने वालों को अपनी भाषा में अपनी सुरक्षा करने में किस चीज़ से मदद मिलेगी?",
  },
  {
    slug: "no-private-hack-back",
    title: "No private hack-back",
    titleHi: "कोई निजी हैक-बैक नहीं",
    body: "Steps should be taken to prevent non-state actors, including the private sector, from hacking back, whether for their own purposes or for those of other non-state actors.\n\nA company that has been attacked may want to strike back. Should that always remain the state's job, and what should a victim be able to do instead?",
    bodyHi:
      "ऐसे कदम उठाए जाने चाहिए जिनसे निजी क्षेत्र समेत गैर-राज्य पक्ष हैक-बैक (जवाबी हैकिंग) न कर सकें, चाहे अपने लिए या किसी अन्य गैर-राज्य पक्ष के लिए।\n\nजिस कंपनी पर हमला हुआ हो, वह पलटवार करना चाह सकती है। क्या यह हमेशा राज्य का ही काम रहना चाहिए, और पीड़ित इसके बजाय क्या कर सके?",
  },
  {
    slug: "international-norms",
    title: "International norms",
    titleHi: "अंतरराष्ट्रीय मानदंड",
    body: "Efforts should be strengthened to promote the wide acceptance and implementation of international norms of responsible behaviour and confidence-building measures in cyberspace.\n\nThese norms are negotiated at the United Nations, where states decide, while the Paris Call also invites companies and civil society. Which of the two models should India favour, and where?",
    bodyHi:
      "साइबरस्पेस में ज़िम्मेदार आचरण के अंतरराष्ट्रीय मानदंडों और विश्वास बढ़ाने वाले उपायों को व्यापक रूप से अपनाने और लागू करने के प्रयास मज़बूत किए जाने चाहिए।\n\nये मानदंड संयुक्त राष्ट्र में तय होते हैं, जहाँ निर्णय राज्य लेते हैं, जबकि पेरिस आह्वान कंपनियों और नागरिक समाज को भी शामिल करता है। भारत को इन दोनों में से किस मॉडल को, और कहाँ, प्राथमिकता देनी चाहिए?",
  },
];

function split(text: string): [string, string] {
  const [official = "", ...rest] = text.split("\n\n");
  return [official, rest.join("\n\n")];
}

/** The nine principles with the official text and the explainer apart, in both languages. */
export const parisCallPrinciples: SeedPrinciple[] = principleTexts.map((p) => {
  const [body, explainer] = split(p.body);
  const [bodyHi, explainerHi] = split(p.bodyHi);
  return { slug: p.slug, title: p.title, titleHi: p.titleHi, body, bodyHi, explainer, explainerHi };
});

/**
 * The texts as demo databases made before the split hold them (both paragraphs in the body), so a restart can
 * split those rows too, and only those.
 */
export const combinedPrincipleTexts: { slug: string; body: string; bodyHi: string }[] = principleTexts.map(({ slug, body, bodyHi }) => ({
  slug,
  body,
  bodyHi,
}));
