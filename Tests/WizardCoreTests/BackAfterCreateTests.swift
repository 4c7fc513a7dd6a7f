import CloudCore
import Testing
@testable import WizardCore

/// Esc after part of the plan was carried out: delete what was created, or keep it for reuse.
@Suite("Going back after a partial create")
struct BackAfterCreateTests {
    static let forbidden = CallFailure.cloud(.server(service: .iamPolicy, status: 403, code: "insufficent_permissions",
        message: "You need the Administrator role.", requestID: ""))

    /// The plan confirmed; the service ID created; the policy refused.
    func serviceIDCreatedPolicyRefused() -> WizardTester {
        var t = WizardTester.atPlan()
        t.press(.enter)
        _ = t.answer(.serviceID(Fixtures.serviceID))
        _ = t.fail(Self.forbidden)
        return t
    }

    @Test func escOffersToDeleteAndDDeletesThenGoesBack() {
        var t = serviceIDCreatedPolicyRefused()
        t.press(.escape)
        #expect(t.state.backOfferPending)
        #expect(t.state.notice?.message == .say(.createdSoFar([.serviceID(name: "token-wizard-kp-dallas")])))
        #expect(t.state.notice?.hint == .say(.createdSoFarHint))
        t.press(.character("d"))
        guard case .deleteCreated(let serviceID, let policyID, let keys, _) = t.request?.call else {
            Issue.record("expected a delete: \(t.effects)"); return
        }
        #expect(serviceID == Fixtures.serviceID.id && policyID == nil && keys.isEmpty)
        _ = t.answer(.deleted)
        #expect(!t.state.reviewingPlan && t.state.step == .apiKey)
        #expect(!t.state.hasCreatedResources)
        #expect(t.state.serviceID == nil && t.state.createsServiceID)
        #expect(t.state.notice?.message?.phrase.map { if case .deleted = $0 { true } else { false } } == true)
        t.press(.escape)
        #expect(t.state.step == .role, "and back further, freely")
    }

    @Test func escAgainKeepsTheServiceIDForReuse() {
        var t = serviceIDCreatedPolicyRefused()
        t.press(.escape, .escape)
        #expect(!t.state.reviewingPlan)
        #expect(t.state.serviceID == Fixtures.serviceID)
        #expect(!t.state.serviceIDWasCreated && !t.state.createsServiceID, "now reused")
        #expect(t.effects.isEmpty, "nothing deleted")
        // Back to the plan and on: the policy is created for the kept service ID, nothing twice.
        t.press(.enter, .enter, .enter, .enter)
        _ = t.answer(.pathsChecked(problem: nil))
        t.press(.enter)
        guard case .createPolicy(let subject, _, _, _, _) = t.request?.call else { Issue.record("\(t.effects)"); return }
        #expect(subject == Fixtures.serviceID.iamID)
    }

    @Test func aCreatedPolicyOnAReusedServiceIDIsWhatGetsDeleted() {
        var t = WizardTester.atServiceID()
        t.press(.enter, .enter)
        _ = t.answer(.serviceIDs([Fixtures.serviceID]))
        t.press(.enter)  // reuse
        _ = t.answer(.roles(Fixtures.roles))
        t.press(.enter, .enter, .enter, .enter, .enter)
        _ = t.answer(.pathsChecked(problem: nil))
        t.press(.enter)
        _ = t.answer(.policy(AccessPolicy(id: "policy-1", roleIDs: [], subjectIAMID: Fixtures.serviceID.iamID)))
        _ = t.fail(.cloud(.server(service: .iamIdentity, status: 500, code: "internal_error", message: "boom", requestID: "")))
        t.press(.escape, .character("d"))
        guard case .deleteCreated(let serviceID, let policyID, _, _) = t.request?.call else { Issue.record("\(t.effects)"); return }
        #expect(serviceID == nil, "a reused service ID is never deleted")
        #expect(policyID == "policy-1")
    }
}
