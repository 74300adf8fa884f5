import type { Role, StakeholderGroup } from "@/lib/limits";

/** Demo organisations: fictional, marked "(demo)", one or more per stakeholder group. */
export const demoOrganisations: {
  name: string;
  stakeholderGroup: StakeholderGroup;
  websiteDomain: string;
  verified: boolean;
}[] = [
  { name: "Department of Digital Trust (demo)", stakeholderGroup: "government", websiteDomain: "digitaltrust.gov.example", verified: true },
  {
    name: "State Cyber Cell of Vindhya Pradesh (demo)",
    stakeholderGroup: "government",
    websiteDomain: "cybercell-vp.example",
    verified: false,
  },
  { name: "Kavach Cloud Services (demo)", stakeholderGroup: "private_sector", websiteDomain: "kavach-cloud.example", verified: true },
  { name: "Setu Payments (demo)", stakeholderGroup: "private_sector", websiteDomain: "setu-pay.example", verified: false },
  { name: "Digital Adhikar Collective (demo)", stakeholderGroup: "civil_society", websiteDomain: "digitaladhikar.example", verified: true },
  {
    name: "Network Operators Forum of India (demo)",
    stakeholderGroup: "technical_community",
    websiteDomain: "nofi.example",
    verified: true,
  },
  { name: "Institute for Cyber Policy Studies (demo)", stakeholderGroup: "academia", websiteDomain: "icps.edu.example", verified: true },
  { name: "Open Source Guild of Pune (demo)", stakeholderGroup: "technical_community", websiteDomain: "osg-pune.example", verified: false },
];

export const DEMO_PASSWORD = "paris-call-demo-2018";

export interface DemoAccount {
  key: string;
  email: string;
  name: string;
  role: Role;
  stakeholderGroup: StakeholderGroup;
  designation: string;
  organisation?: string;
  membershipVerified?: boolean;
  maySign?: boolean;
}

/** One participant per group, an organisation representative, a moderator and an admin. */
export const demoAccounts: DemoAccount[] = [
  {
    key: "government",
    email: "asha.verma@digitaltrust.gov.example",
    name: "Asha Verma",
    role: "participant",
    stakeholderGroup: "government",
    designation: "Deputy Director",
    organisation: "Department of Digital Trust (demo)",
    membershipVerified: true,
  },
  {
    key: "private_sector",
    email: "rohan.mehta@setu-pay.example",
    name: "Rohan Mehta",
    role: "participant",
    stakeholderGroup: "private_sector",
    designation: "Head of Security",
    organisation: "Setu Payments (demo)",
  },
  {
    key: "civil_society",
    email: "fatima.sheikh@digitaladhikar.example",
    name: "Fatima Sheikh",
    role: "participant",
    stakeholderGroup: "civil_society",
    designation: "Policy Lead",
    organisation: "Digital Adhikar Collective (demo)",
    membershipVerified: true,
  },
  {
    key: "technical_community",
    email: "arjun.nair@nofi.example",
    name: "Arjun Nair",
    role: "participant",
    stakeholderGroup: "technical_community",
    designation: "Network Engineer",
    organisation: "Network Operators Forum of India (demo)",
    membershipVerified: true,
  },
  {
    key: "academia",
    email: "meera.iyer@icps.edu.example",
    name: "Meera Iyer",
    role: "participant",
    stakeholderGroup: "academia",
    designation: "Associate Professor",
    organisation: "Institute for Cyber Policy Studies (demo)",
    membershipVerified: true,
  },
  {
    key: "representative",
    email: "vikram.rao@kavach-cloud.example",
    name: "Vikram Rao",
    role: "participant",
    stakeholderGroup: "private_sector",
    designation: "Chief Information Security Officer",
    organisation: "Kavach Cloud Services (demo)",
    membershipVerified: true,
    maySign: true,
  },
  {
    key: "moderator",
    email: "neha.kapoor@samvad.example",
    name: "Neha Kapoor",
    role: "moderator",
    stakeholderGroup: "civil_society",
    designation: "Consultation Moderator",
  },
  {
    key: "admin",
    email: "sanjay.gupta@samvad.example",
    name: "Sanjay Gupta",
    role: "admin",
    stakeholderGroup: "technical_community",
    designation: "Platform Administrator",
  },
];
