import CloudCore
import Foundation
import Testing
@testable import WizardCore

/// A 429 is waited out on screen and the same call sent again, creates included.
@Suite("429 countdown and automatic retry")
struct RateLimitWizardTests {
    @Test func aLongRetryAfterOnACreateIsCountedDownAndTheCreateSentAgainAsItWas() throws {
        var t = WizardTester.creatingAPIKey()
        t.state.now = 1000
        let request = try #require(t.state.inFlight)
        guard case .createAPIKey = request.call else { Issue.record("\(request)"); return }
        // The retry loop gave up: the server asked for 30 s, more than its budget.
        _ = t.send(.retryWaiting(request.id, RetryWait(status: 429, seconds: 30, fromServer: true, willRetry: false)))
        _ = t.fail(.cloud(.server(service: .iamIdentity, status: 429, code: "rate_limited", message: "Too many requests", requestID: "r")))
        #expect(t.state.automaticRetryAt == 1030)
        #expect(t.state.notice?.kind == .warning)
        #expect(t.state.notice?.message == .say(.rateLimited(waitSeconds: 30)))
        #expect(t.state.uncertainCreate == nil, "a 429 created nothing")
        #expect(t.send(.ticked(now: 1029)).isEmpty)
        _ = t.send(.ticked(now: 1030))
        #expect(t.request?.call == request.call, "the same create, not a lookup for a lost one")
        #expect(t.state.automaticRetryAt == nil)
        _ = t.answer(.apiKey(Fixtures.apiKey))
        guard case .saveAPIKey = t.request?.call else { Issue.record("\(t.effects)"); return }
        #expect(t.state.automaticRetries == 0)
    }

    @Test func enterSendsTheWaitingCreateAtOnce() throws {
        var t = WizardTester.creatingAPIKey()
        t.state.now = 1000
        let request = try #require(t.state.inFlight)
        _ = t.fail(.cloud(.server(service: .iamIdentity, status: 429, code: "", message: "", requestID: "")))
        #expect(t.state.automaticRetryAt == 1000 + Wizard.automaticRetryDefaultWait, "no Retry-After: a default wait")
        t.press(.enter)
        #expect(t.request?.call == request.call)
    }

    @Test func automaticRetriesAreBounded() throws {
        var t = WizardTester.creatingAPIKey()
        t.state.now = 1000
        for _ in 0..<Wizard.automaticRetryLimit {
            _ = t.fail(.cloud(.server(service: .iamIdentity, status: 429, code: "", message: "", requestID: "")))
            let due = try #require(t.state.automaticRetryAt)
            _ = t.send(.ticked(now: due))
        }
        _ = t.fail(.cloud(.server(service: .iamIdentity, status: 429, code: "", message: "", requestID: "")))
        #expect(t.state.automaticRetryAt == nil)
        #expect(t.state.notice?.kind == .error)
        #expect(t.send(.ticked(now: 1_000_000)).isEmpty)
    }

    @Test func aVeryLongRetryAfterIsSaidNotCountedDown() throws {
        var t = WizardTester.creatingAPIKey()
        let request = try #require(t.state.inFlight)
        _ = t.send(.retryWaiting(request.id, RetryWait(status: 429, seconds: 3600, fromServer: true, willRetry: false)))
        _ = t.fail(.cloud(.server(service: .iamIdentity, status: 429, code: "", message: "", requestID: "")))
        #expect(t.state.automaticRetryAt == nil)
        #expect(t.state.notice?.message == .say(.rateLimited(waitSeconds: 3600)))
    }

    @Test func aWaitOfTheRetryLoopIsKeptForTheCountdown() throws {
        var t = WizardTester.creatingAPIKey()
        t.state.now = 500
        let request = try #require(t.state.inFlight)
        _ = t.send(.retryWaiting(request.id, RetryWait(status: 429, seconds: 8, fromServer: true, willRetry: true)))
        #expect(t.state.retryingAt == 508)
        _ = t.send(.retryWaiting(RequestID(999), RetryWait(status: 429, seconds: 99, fromServer: true, willRetry: true)))
        #expect(t.state.retryingAt == 508, "another request's wait is ignored")
        _ = t.answer(.apiKey(Fixtures.apiKey))
        #expect(t.state.retryingAt == nil)
    }
}
