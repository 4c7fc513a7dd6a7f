import WizardCore

/// The help behind `?`, one short page per step: what the step is for, in IBM's terms, and the
/// matching `ibmcloud` command. The words are in each language's ``Strings/help(_:)``.
public enum ScreenHelp {
    /// The page for what `state` shows: the plan, the own-token final screen, or the step's page.
    public static func page(for state: WizardState) -> HelpPage {
        if state.step == .apiKey, state.reviewingPlan { return .plan }
        if state.step == .done, state.usingOwnToken { return .ownToken }
        return .step(state.step)
    }

    /// The help page for `step` in `strings`: a heading, then paragraphs. On the final screen with the
    /// user's own token (no service ID, no saved key) `r` is not offered: there is no key to make a
    /// new token from.
    public static func lines(for step: Step, usingOwnToken: Bool = false, strings: any Strings = English()) -> [String] {
        strings.help(step == .done && usingOwnToken ? .ownToken : .step(step))
    }
}
