import CloudCore
import Foundation
import Testing
@testable import WizardCore

/// On the own-token final screen `r` is not offered and does nothing.
@Suite("Own token: no r")
struct OwnTokenFinalScreenTests {
    @Test func rOnTheOwnTokenScreenDoesNothingAndOnTheServiceIDScreenMakesAToken() {
        var own = WizardTester.atServiceID()
        own.press(.control("o"))
        _ = own.answer(.saved(path: "/home/u/token.json"))
        #expect(own.state.step == .done && own.state.usingOwnToken)
        own.press(.character("r"))
        #expect(own.effects.isEmpty && !own.state.isBusy)

        var service = WizardTester.atDone()
        service.press(.character("r"))
        guard case .exchangeAPIKey = service.request?.call else { Issue.record("\(service.effects)"); return }
    }

    @Test func anExpiredOwnTokenDoesNotPointToR() {
        var own = WizardTester.atServiceID()
        own.press(.control("o"))
        _ = own.answer(.saved(path: "/home/u/token.json"))
        own.state.now = Double(own.state.token!.expiration) + 1
        own.press(.character("k"))
        _ = own.fail(.cloud(.server(service: .keyProtect, status: 401, code: "", message: "", requestID: "")))
        guard case .failed(let message, _, _) = own.state.keyProtectTest?.outcome else { Issue.record("\(String(describing: own.state.keyProtectTest))"); return }
        #expect(message == .say(.tokenExpiredRunAgain), "r is not offered with your own token")
    }
}
