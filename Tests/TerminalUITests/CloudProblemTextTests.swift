import CloudCore
import Testing
@testable import TerminalUI

/// CloudCore gives values; these tests pin the words each language makes of them.
@Suite struct CloudProblemTextTests {
    @Test func theServersOwnWordsOrTheReasonPhrase() {
        let said = CloudError.server(service: .keyProtect, status: 503, code: "INTERNAL_SERVER_ERR", message: "Try later", requestID: "r")
        #expect(English().problem(said) == "Key Protect said 503 INTERNAL_SERVER_ERR: Try later")
        let silent = CloudError.server(service: .accounts, status: 503, code: "", message: "", requestID: "")
        #expect(English().problem(silent) == "Accounts said 503: Service Unavailable")
        #expect(Korean().problem(silent) == "계정 서비스 응답 503: Service Unavailable")
        #expect(HTTPReason.phrase(599) == "HTTP 599")
    }

    @Test func noSwiftErrorTextReachesTheUser() {
        let errors: [CloudError] = [
            .transport(service: .iam, failure: .connectionRefused),
            .transport(service: .resourceController, failure: .timedOut(seconds: 30)),
            .decoding(service: .accounts, failure: .missingField("resources[0].metadata.guid")),
            .invalidRequest(.endpoints(source: "/x/endpoints.json", .unreadable)),
            .invalidRequest(.apiKeyHasInvisibleCharacters(count: 1)),
        ]
        for strings in Language.allCases.map(\.strings) {
            for error in errors {
                let text = strings.problem(error)
                #expect(!text.contains("invalidRequest") && !text.contains("(reason:") && !text.contains("Error."), "\(text)")
                #expect(!text.isEmpty)
            }
        }
        #expect(English().problem(.transport(service: .iam, failure: .connectionRefused)) == "Could not reach IAM: connection refused")
        #expect(Korean().problem(.transport(service: .iam, failure: .timedOut(seconds: 30))) == "IAM에 연결할 수 없습니다: 30초 안에 응답이 없습니다")
    }

    @Test func languageFromFlagThenEnvironment() {
        #expect(Language.resolve(flag: "ko", environment: ["LANG": "en_US.UTF-8"]) == .korean)
        #expect(Language.resolve(flag: "en", environment: ["LANG": "ko_KR.UTF-8"]) == .english)
        #expect(Language.resolve(flag: "fr", environment: [:]) == nil)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "ko_KR.UTF-8"]) == .korean)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "C", "LANG": "ko_KR.UTF-8"]) == .english, "LC_ALL wins")
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "ko_KR.UTF-8", "LANG": "C"]) == .korean)
        #expect(Language.resolve(flag: nil, environment: [:]) == .english)
    }
}
