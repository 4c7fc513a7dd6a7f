import CloudCore
import Testing
@testable import WizardCore

@Suite("Lists with one entry")
struct OneEntryListTests {
    @Test func aListWithOneEntryIsChosenForTheUserWhoIsToldSo() {
        let t = WizardTester.atServiceID()
        #expect(t.state.resourceGroup == Fixtures.groupDefault)
        #expect(t.state.instance == Fixtures.instanceDallas)
        #expect(t.state.step == .serviceID)
        #expect(t.state.autoChoiceNote?.contains(.onlyOneResourceGroup(group: "Default")) == true)
        #expect(t.state.autoChoiceNote?.contains(.onlyOneInstance(group: "Default", instance: "kp-dallas")) == true)
    }

    @Test func withSeveralGroupsOrInstancesTheUserChooses() {
        var t = WizardTester()
        t.type("test-api-key-0123456789")
        t.press(.enter)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id)))
        _ = t.answer(.accounts([Fixtures.accountA]))
        _ = t.answer(.instances([Fixtures.instanceDallas, Fixtures.instanceDallas2]))
        t.press(.enter)
        _ = t.answer(.resourceGroups([Fixtures.groupDefault, Fixtures.groupSecurity]))
        #expect(t.state.step == .resourceGroup)
        t.press(.enter)
        #expect(t.state.step == .instance, "two instances in Default here: the user picks")
        #expect(t.state.instance == nil)
    }
}
