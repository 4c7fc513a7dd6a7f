import CloudCore
import TestSupport
import Testing
@testable import TerminalUI
@testable import WizardCore

/// Waits IBM Cloud asks for (429 Retry-After) are counted down on screen.
@Suite("Retry countdowns")
struct RetryCountdownScreenTests {
    static let size = Size(columns: 80, rows: 24)

    static func plain(_ edit: (inout WizardState) -> Void) -> String {
        ScreenRenderer.render(ScreenSnapshotTests.state(edit), size: size).plainText
    }

    @Test func aLongRetryAfterIsCountedDownOnThePlan() {
        let text = Self.plain {
            $0.step = .apiKey
            $0.reviewingPlan = true
            $0.account = Account(id: "aaaa0000aaaa0000aaaa0000aaaa0000", name: "Dev account")
            $0.region = KeyProtectRegion.named("us-south")
            $0.instance = KeyProtectInstance(guid: "1111-dallas", crn: "crn", name: "kp-dallas", regionID: "us-south", resourceGroupID: "rg-default")
            $0.serviceID = ServiceID(id: "ServiceId-9", iamID: "iam-ServiceId-9", name: "token-wizard-kp-dallas")
            $0.serviceIDWasCreated = true
            $0.policyInPlace = true
            $0.role = ServiceRole(displayName: "Reader", crn: "crn:v1:bluemix:public:iam::::serviceRole:Reader")
            $0.apiKeyForm.fields[0].text = "token-wizard-kp-dallas-key"
            $0.apiKeyForm.fields[2].text = "/home/u/token-wizard-kp-dallas-apikey.json"
            $0.apiKeyForm.fields[3].text = "/home/u/token.json"
            $0.failedRequest = Request(id: RequestID(7), call: .discoverOIDC)
            $0.notice = Notice(kind: .warning, message: .say(.rateLimited(waitSeconds: 30)),
                hint: .say(.rateLimitedAutoHint))
            $0.automaticRetryAt = $0.now + 26.4
        }
        assertSnapshot(text, named: "plan-rate-limited")
        #expect(text.contains("↻ Sending it again in 27 s"))
    }

    @Test func aWaitOfTheRetryLoopIsCountedDownUnderTheSpinner() {
        let waiting = Self.plain {
            $0.inFlight = Request(id: RequestID(1), call: .discoverOIDC)
            $0.busyMessage = .say(.busy(.creatingAPIKey))
            $0.retryingAt = $0.now + 8
        }
        #expect(waiting.contains("IBM Cloud is busy: trying again in 8 s"))
        let short = Self.plain {
            $0.inFlight = Request(id: RequestID(1), call: .discoverOIDC)
            $0.busyMessage = .say(.busy(.creatingAPIKey))
            $0.retryingAt = $0.now + 0.5
        }
        #expect(!short.contains("trying again"), "a short backoff is not counted down")
    }
}
