import { axeViolations, expect, test } from "./support";

// A principle whose summary no other spec drafts.
const EDITOR = "/en/moderate/summaries?principle=no-private-hack-back";

for (const javaScriptEnabled of [true, false]) {
  test(`a refused summary says which part to fix and keeps the text; a save is confirmed (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    openAs,
  }) => {
    const mod = await openAs("moderator", { javaScriptEnabled });
    await mod.goto(EDITOR);
    const editor = mod.getByTestId("summary-editor");
    const overview = editor.getByLabel("Overview");
    const tooLong = "x".repeat(20_001);
    const government = `Governments want a clear ban ${javaScriptEnabled ? "on" : "off"}.`;
    await overview.fill(tooLong);
    await editor.getByLabel("Government").fill(government);
    if (javaScriptEnabled) await expect(mod.getByTestId("summary-overview-count")).toHaveText("1 character too many");
    await editor.getByRole("button", { name: "Save draft" }).click();

    const summary = mod.getByTestId("error-summary");
    await expect(summary).toHaveAttribute("role", "alert");
    const link = summary.getByRole("link", { name: "Overview: Use at most 20,000 characters in each part." });
    await expect(link).toHaveAttribute("href", "#summary-overview");
    await expect(mod.getByTestId("summary-overview-error")).toHaveText("Use at most 20,000 characters in each part.");
    const refused = mod.getByTestId("summary-editor").getByLabel("Overview");
    await expect(refused).toHaveAttribute("aria-invalid", "true");
    await expect(refused).toHaveAttribute("aria-describedby", /summary-overview-error/);
    await expect(refused).toHaveValue(tooLong);
    await expect(mod.getByTestId("summary-editor").getByLabel("Government")).toHaveValue(government);
    await expect(mod.getByTestId("summary-editor").getByLabel("Government")).not.toHaveAttribute("aria-invalid", "true");
    await expect(mod.getByTestId("summary-saved")).toHaveCount(0);
    if (javaScriptEnabled) expect(await axeViolations(mod)).toEqual([]);

    await refused.fill("Most participants oppose hack-back.");
    await mod.getByTestId("summary-editor").getByRole("button", { name: "Save draft" }).click();
    await expect(mod.getByTestId("summary-status")).toHaveAttribute("role", "status");
    await expect(mod.getByTestId("summary-saved")).toHaveText("The draft has been saved. Only moderators can see it.");
    await expect(mod.getByTestId("error-summary")).toHaveCount(0);
    await expect(mod.getByTestId("summary-editor").getByLabel("Overview")).not.toHaveAttribute("aria-invalid", "true");
    // Saved with a citation problem (the overview cites nobody): listed, to fix before publishing.
    await expect(mod.getByTestId("citation-problems")).toContainText("Overview, statement 1");
    await mod.goto(EDITOR);
    await expect(mod.getByTestId("summary-editor").getByLabel("Overview")).toHaveValue("Most participants oppose hack-back.");
  });
}
