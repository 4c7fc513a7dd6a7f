import CloudCore
import TestSupport
import Testing
@testable import TerminalUI
@testable import WizardCore

/// The own-token final screen offers only what works there: no `r` (there is no saved key).
@Suite("Own token final screen")
struct OwnTokenScreenTests {
    static let size = Size(columns: 80, rows: 24)

    static let token = IAMToken(accessToken: Secret("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"), refreshToken: nil,
        tokenType: "Bearer", expiresIn: 3600, expiration: 1_800_003_000,
        claims: TokenClaims(iamID: "IBMid-100", subject: "u", subjectType: "", accountID: "aaaa0000aaaa0000aaaa0000aaaa0000",
            issuedAt: 1_799_999_400, expiresAt: 1_800_003_000),
        rawResponse: Secret("{}"))

    static func done(ownToken: Bool) -> WizardState {
        ScreenSnapshotTests.state {
            $0.step = .done
            $0.token = token
            $0.usingOwnToken = ownToken
            $0.account = Account(id: "aaaa0000aaaa0000aaaa0000aaaa0000", name: "Sandbox Development")
            $0.instance = KeyProtectInstance(guid: "g", crn: "c", name: "kp-dallas", regionID: "us-south", resourceGroupID: "rg")
            $0.region = KeyProtectRegion.named("us-south")
            $0.tokenSavedPath = "/home/u/token.json"
            if !ownToken {
                $0.serviceID = ServiceID(id: "ServiceId-9", iamID: "iam-ServiceId-9", name: "token-wizard-kp")
                $0.role = ServiceRole(displayName: "Reader", crn: "x")
                $0.apiKeySavedPath = "/home/u/key.json"
                $0.apiKey = ServiceAPIKey(id: "ApiKey-1", name: "k", description: "", apiKey: Secret("v"), iamID: "iam-ServiceId-9", accountID: "a")
            }
        }
    }

    @Test func theOwnTokenScreenDoesNotOfferR() {
        let own = Self.done(ownToken: true)
        #expect(!ScreenRenderer.helpText(own).contains("r refresh"))
        #expect(!ScreenRenderer.render(own, size: Self.size).plainText.contains(" r "))
        var help = own
        help.showingHelp = true
        let page = ScreenRenderer.render(help, size: Self.size).plainText
        #expect(page.contains("run the wizard again") && !page.contains("r gets"))

        let service = Self.done(ownToken: false)
        #expect(ScreenRenderer.helpText(service).contains("r refresh"), "where r works it is offered")
        #expect(ScreenRenderer.render(service, size: Self.size).plainText.contains("r makes a new one"))
    }
}
