/** The Paris Call consultation's moderation policy: our own rules, numbered as moderators cite them. */
export const parisCallRules = [
  {
    title: "Stay on the principle",
    titleHi: "सिद्धांत से जुड़े रहें",
    body: "Comments respond to the principle they are posted under. Points about another principle belong on its page; general remarks belong on the overview of the Call.",
    bodyHi: "टिप्पणियाँ उसी सिद्धांत पर हों जिसके अंतर्गत वे लिखी गई हैं। किसी दूसरे सिद्धांत से जुड़ी बातें उसी के पेज पर लिखें।",
  },
  {
    title: "Respect other participants",
    titleHi: "अन्य प्रतिभागियों का सम्मान करें",
    body: "Disagree with arguments, not with people. Insults, threats, harassment and abuse aimed at a person or a group are removed.",
    bodyHi: "तर्कों से असहमत हों, व्यक्तियों से नहीं। किसी व्यक्ति या समूह पर अपमान, धमकी, उत्पीड़न और दुर्व्यवहार वाली टिप्पणियाँ हटाई जाती हैं।",
  },
  {
    title: "No spam or advertising",
    titleHi: "कोई स्पैम या विज्ञापन नहीं",
    body: "Repeated text, promotion of products or services, and links unrelated to the discussion are removed.",
    bodyHi: "दोहराया गया पाठ, उत्पादों या सेवाओं का प्रचार, और चर्चा से असंबंधित लिंक हटाए जाते हैं।",
  },
  {
    title: "Protect personal data",
    titleHi: "व्यक्तिगत डेटा की रक्षा करें",
    body: "Do not publish anyone's phone number, address, identity numbers or other personal details, including your own beyond what your profile shows.",
    bodyHi: "किसी का फ़ोन नंबर, पता, पहचान संख्या या अन्य व्यक्तिगत जानकारी प्रकाशित न करें, अपनी भी नहीं, सिवाय उसके जो आपकी प्रोफ़ाइल में दिखता है।",
  },
  {
    title: "Speak only in your own name",
    titleHi: "केवल अपने नाम से बोलें",
    body: "Do not impersonate others or attribute words to people or organisations who did not say them. Speak for an organisation only when you are its verified member.",
    bodyHi:
      "दूसरों का रूप धारण न करें, और किसी व्यक्ति या संगठन के नाम ऐसी बातें न जोड़ें जो उन्होंने नहीं कहीं। किसी संगठन की ओर से तभी बोलें जब आप उसके सत्यापित सदस्य हों।",
  },
  {
    title: "Keep within the law",
    titleHi: "क़ानून के दायरे में रहें",
    body: "Content that is unlawful in India, including incitement to violence and instructions for attacking systems, is removed.",
    bodyHi: "भारत में ग़ैरक़ानूनी सामग्री, जिसमें हिंसा के लिए उकसाना और प्रणालियों पर हमले के निर्देश शामिल हैं, हटाई जाती है।",
  },
];
