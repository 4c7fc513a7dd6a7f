import Testing
@testable import WizardCore

/// Modal things are one optional value: opening one closes the other, none can linger beside another.
@Suite struct OverlayTests {
    @Test func oneOverlayAtATime() {
        var state = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u"))
        state.managerConfirmationPending = true
        #expect(state.overlay == .managerConfirmation)
        state.showingHelp = true
        #expect(state.overlay == .help && !state.managerConfirmationPending)
        state.quitArmed = false
        #expect(state.overlay == .help, "closing another overlay leaves this one")
        state.showingHelp = false
        #expect(state.overlay == nil)
    }

    @Test func helpOverTheManagerQuestionAsksAgainAfterwards() {
        var t = WizardTester.atServiceID()
        t.press(.enter, .enter)
        _ = t.answer(.serviceIDs([]))
        _ = t.answer(.roles(Wizard.fallbackRoles))
        t.press(.home, .enter)
        #expect(t.state.overlay == .managerConfirmation)
        t.press(.f1)
        #expect(t.state.overlay == .help)
        t.press(.character("x"))
        t.press(.enter)
        #expect(t.state.overlay == .managerConfirmation, "Manager is confirmed only by an Enter right after the question")
        #expect(t.state.role == nil)
    }
}
