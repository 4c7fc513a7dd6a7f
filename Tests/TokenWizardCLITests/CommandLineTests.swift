import ArgumentParser
import CloudCore
import Foundation
import TestSupport
import Testing
import TerminalUI
import TokenService
@testable import TokenWizardCLI

@Suite struct HelpTests {
    @Test(arguments: [
        ("help-root", TokenWizard.self as ParsableCommand.Type),
        ("help-wizard", WizardCommand.self),
        ("help-token", TokenCommand.self),
        ("help-status", StatusCommand.self),
    ])
    func helpIsStableAndHasExamples(name: String, command: ParsableCommand.Type) {
        let help = HelpLanguage.$current.withValue(.english) { TokenWizard.helpMessage(for: command, columns: 100) }
        #expect(help.contains("Examples:"))
        assertSnapshot(help, named: name)
    }

    @Test(arguments: [
        ("ko-help-root", TokenWizard.self as ParsableCommand.Type),
        ("ko-help-wizard", WizardCommand.self),
    ])
    func theWizardsHelpInKorean(name: String, command: ParsableCommand.Type) {
        let help = HelpLanguage.$current.withValue(.korean) { TokenWizard.helpMessage(for: command, columns: 100) }
        #expect(help.contains("예:") && !help.contains("Examples:"))
        #expect(help.contains("사설 엔드포인트") || help.contains("셸 자동 완성"))
        assertSnapshot(help, named: name)
    }

    @Test func helpLanguageFromTheCommandLineThenTheEnvironment() {
        #expect(HelpLanguage.resolve(arguments: ["token-wizard", "--lang", "ko", "--help"], environment: [:]) == .korean)
        #expect(HelpLanguage.resolve(arguments: ["token-wizard", "--lang=en", "--help"], environment: ["LANG": "ko_KR.UTF-8"]) == .english)
        #expect(HelpLanguage.resolve(arguments: ["token-wizard", "--help"], environment: ["LANG": "ko_KR.UTF-8"]) == .korean)
        #expect(HelpLanguage.resolve(arguments: ["token-wizard", "--lang", "xx"], environment: [:]) == .english)
    }

    @Test func completionScriptsNameEverySubcommandAndFormat() {
        for shell in [CompletionShell.bash, .zsh, .fish] {
            let script = TokenWizard.completionScript(for: shell)
            for word in ["token", "status", "wizard", "apikey-file", "sandbox", "private"] {
                #expect(script.contains(word), "\(shell) completion lacks \(word)")
            }
        }
        #expect(TokenWizard.completionScript(for: .bash).contains("header"), "--format values are completed")
    }

    @Test func theWizardIsTheDefaultCommand() throws {
        let parsed = try TokenWizard.parseAsRoot(["--sandbox", "--directory", "/tmp/x"])
        let wizard = try #require(parsed as? WizardCommand)
        #expect(wizard.connection.sandbox && wizard.directory == "/tmp/x")
    }

    @Test func conflictingEndpointFlagsAreRefused() {
        #expect(throws: (any Error).self) { try TokenWizard.parseAsRoot(["token", "--sandbox", "--private"]) }
        #expect(throws: (any Error).self) { try TokenWizard.parseAsRoot(["token", "--endpoints", "e.json", "--private"]) }
        #expect(throws: (any Error).self) { try TokenWizard.parseAsRoot(["status", "--cached", "--token-file", "t.json"]) }
        #expect(TokenWizard.exitCode(for: ValidationError("x")) == ExitCode(64), "bad flags exit 64, as documented")
    }

    @Test func theKeyIsNeverACommandLineArgument() {
        #expect(throws: (any Error).self) { try TokenWizard.parseAsRoot(["token", "--apikey", "secret"]) }
    }

    @Test func everyCommandTakesTheEndpointFlags() throws {
        for command in ["wizard", "token", "status"] {
            _ = try TokenWizard.parseAsRoot([command, "--private"])
            _ = try TokenWizard.parseAsRoot([command, "--sandbox"])
            _ = try TokenWizard.parseAsRoot([command, "--endpoints", "e.json", "--allow-custom-endpoints"])
        }
    }
}

@Suite struct TokenOutputTests {
    let token = CachedToken(keyHash: "h", iam: "i", fetchedAt: 1000, accessToken: Secret("aaa.bbb.ccc"),
                            tokenType: "Bearer", expiresIn: 3600, expiration: 4600)

    @Test func eachFormat() throws {
        #expect(TokenCommand.render(token, format: .token, now: 1000) == "aaa.bbb.ccc")
        #expect(TokenCommand.render(token, format: .header, now: 1000) == "Authorization: Bearer aaa.bbb.ccc")
        #expect(TokenCommand.render(token, format: .env, now: 1000) == "export IBMCLOUD_ACCESS_TOKEN='aaa.bbb.ccc'")
        let json = TokenCommand.render(token, format: .json, now: 1600)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["access_token", "token_type", "expires_in", "expiration"], "never the refresh token")
        #expect(object["expires_in"] as? Int == 3000, "seconds left, whether cached or not")
        #expect(object["expiration"] as? Int == 4600)
    }

    @Test func exitStatusesForIAMsAnswers() {
        #expect(TokenCommand.exitStatus(for: .server(service: .iam, status: 400, code: "BXNIM0415E", message: "Provided API key could not be found.", requestID: "")) == 4)
        #expect(TokenCommand.exitStatus(for: .server(service: .iam, status: 429, code: "", message: "", requestID: "")) == 5)
        #expect(TokenCommand.exitStatus(for: .server(service: .iam, status: 503, code: "", message: "", requestID: "")) == 5)
        #expect(TokenCommand.exitStatus(for: .transport(service: .iam, failure: .connectionRefused)) == 5)
        #expect(TokenCommand.exitStatus(for: .invalidRequest(.emptyAPIKey)) == 2)
    }
}

@Suite struct StatusTextTests {
    static func jwt(iat: Int, exp: Int) -> Secret {
        let payload = #"{"iam_id":"iam-ServiceId-77","sub":"ServiceId-77","sub_type":"ServiceId","account":{"bss":"acct-9"},"iat":\#(iat),"exp":\#(exp)}"#
        let encoded = Data(payload.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
        return Secret("eyJhbGciOiJub25lIn0.\(encoded).sig")
    }

    @Test func aValidTokenInUTCAndLocalTime() throws {
        let report = try TokenReport(origin: .tokenFile("/k/token.json"), accessToken: Self.jwt(iat: 1_800_000_000, exp: 1_800_003_600), now: 1_800_000_600)
        let text = StatusCommand.text(report, timeZone: TimeZone(identifier: "Asia/Seoul")!)
        assertSnapshot(text, named: "status-valid")
        #expect(report.isValid && report.secondsLeft == 3000)
    }

    @Test func anExpiredToken() throws {
        let report = try TokenReport(origin: .cache("/c/h.json"), accessToken: Self.jwt(iat: 1_800_000_000, exp: 1_800_003_600), now: 1_800_003_700)
        #expect(!report.isValid)
        #expect(StatusCommand.text(report, timeZone: TimeZone(identifier: "UTC")!).contains("expired 100 s ago"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(StatusCommand.json(report).utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false && object["seconds_left"] as? Int == -100 && object["source"] as? String == "cache")
        #expect(object["iam_id"] as? String == "iam-ServiceId-77" && object["account_id"] as? String == "acct-9")
    }
}

@Suite struct ExitSummaryTests {
    @Test func thePathIsQuotedForTheShell() {
        #expect(English().summary(.useToken(path: "/home/u/my keys/token.json")) == "Use it as: Authorization: Bearer $(jq -r .access_token '/home/u/my keys/token.json')")
        #expect(English().summary(.useToken(path: "/home/u/token.json")) == "Use it as: Authorization: Bearer $(jq -r .access_token /home/u/token.json)")
        #expect(ShellQuoting.quote("it's") == #"'it'\''s'"#)
    }

    @Test func theLanguageFlag() throws {
        #expect(throws: (any Error).self) { try TokenWizard.parseAsRoot(["--lang", "fr"]) }
        let wizard = try #require(try TokenWizard.parseAsRoot(["--lang", "ko"]) as? WizardCommand)
        #expect(wizard.language == "ko")
    }
}
