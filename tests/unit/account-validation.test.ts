import { describe, expect, it } from "vitest";
import { signInSchema, signUpSchema } from "@/lib/validation/account";
import { fieldErrorKeys } from "@/lib/validation/form-data";

const valid = {
  name: "Kavya Rao",
  email: "Kavya@Example.org",
  password: "a long and unusual passphrase",
  stakeholderGroup: "civil_society",
  organisation: "",
  newOrganisationName: "",
  designation: "Researcher",
  language: "hi",
  adult: "yes",
  consent: "yes",
};

function errorsFor(input: Record<string, string | undefined>) {
  const r = signUpSchema.safeParse(input);
  return r.success ? {} : fieldErrorKeys(r.error.issues);
}

describe("sign-up schema", () => {
  it("accepts a complete sign-up and normalises the email", () => {
    const r = signUpSchema.safeParse(valid);
    expect(r.success && r.data.email).toBe("kavya@example.org");
  });

  it.each([
    ["name", "   ", "nameRequired"],
    ["name", "x".repeat(121), "nameTooLong"],
    ["email", "not-an-email", "emailInvalid"],
    ["email", "", "emailInvalid"],
    ["password", "short", "passwordTooShort"],
    ["password", "Password1234!", "passwordCommon"],
    ["password", "x".repeat(201), "passwordTooLong"],
    ["stakeholderGroup", "media", "groupRequired"],
    ["stakeholderGroup", undefined, "groupRequired"],
    ["organisation", "not-a-uuid", "organisationInvalid"],
    ["designation", "d".repeat(121), "designationTooLong"],
    ["language", "fr", "languageRequired"],
    ["consent", undefined, "consentRequired"],
    ["adult", undefined, "adultRequired"],
    ["adult", "no", "adultRequired"],
  ])("%s = %j → %s, and no other field is blamed", (field, value, key) => {
    expect(errorsFor({ ...valid, [field]: value })).toEqual({ [field]: key });
  });

  it("asks for the organisation's name when it is not listed", () => {
    expect(errorsFor({ ...valid, organisation: "new", newOrganisationName: " " })).toEqual({
      newOrganisationName: "organisationNameRequired",
    });
  });
});

describe("sign-in schema", () => {
  it("requires both fields", () => {
    const r = signInSchema.safeParse({ email: "", password: "" });
    expect(r.success ? {} : fieldErrorKeys(r.error.issues)).toEqual({ email: "emailRequired", password: "passwordRequired" });
  });
});
