import CloudCore
import Foundation
import Testing
@testable import TokenService

@Suite struct APIKeyReaderTests {
    func file(_ content: String) -> String {
        let path = temporaryFolder() + "/key"
        FileManager.default.createFile(atPath: path, contents: Data(content.utf8), attributes: [.posixPermissions: 0o600])
        return path
    }

    @Test func theWizardsJSONKeyFileIsRead() throws {
        let path = file(#"{"name":"kp-access-apikey","description":"","iam_id":"iam-ServiceId-1","apikey":"  the-key-value  ","created_at":"2026-01-01T00:00+0000"}"#)
        let (key, source) = try APIKeyReader.resolve(file: path, environment: ["IBMCLOUD_API_KEY": "env-key"], standardInputIsTerminal: false) { "stdin-key" }
        #expect(key.exposedValue == "the-key-value")
        #expect(source == .file(path), "the file wins over the environment and standard input")
    }

    @Test func aFileHoldingTheBareKeyIsRead() throws {
        #expect(try APIKeyReader.read(file: file("bare-key-123\n")).exposedValue == "bare-key-123")
    }

    @Test func theEnvironmentComesBeforeStandardInput() throws {
        var asked = false
        let (key, source) = try APIKeyReader.resolve(file: nil, environment: ["IBMCLOUD_API_KEY": "env-key\n"], standardInputIsTerminal: false) {
            asked = true; return "stdin-key"
        }
        #expect(key.exposedValue == "env-key" && source == .environment && !asked)
    }

    @Test func oneLineOfStandardInputWhenItIsNotATerminal() throws {
        let (key, source) = try APIKeyReader.resolve(file: nil, environment: [:], standardInputIsTerminal: false) { " piped-key \r" }
        #expect(key.exposedValue == "piped-key" && source == .standardInput)
    }

    @Test func aTerminalIsNeverReadFrom() {
        #expect(throws: APIKeyInputError.noSource) {
            try APIKeyReader.resolve(file: nil, environment: [:], standardInputIsTerminal: true) {
                Issue.record("standard input was read"); return "x"
            }
        }
    }

    @Test func emptySourcesAreRefused() throws {
        let (key, source) = try APIKeyReader.resolve(file: nil, environment: ["IBMCLOUD_API_KEY": "  "], standardInputIsTerminal: false) { "piped" }
        #expect(key.exposedValue == "piped" && source == .standardInput, "an empty variable (as CI defines them) counts as unset")
        #expect(throws: APIKeyInputError.empty(.standardInput)) {
            try APIKeyReader.resolve(file: nil, environment: [:], standardInputIsTerminal: false) { nil }
        }
        let empty = file("\n")
        #expect(throws: APIKeyInputError.empty(.file(empty))) { try APIKeyReader.read(file: empty) }
        let emptyField = file(#"{"apikey":""}"#)
        #expect(throws: APIKeyInputError.empty(.file(emptyField))) { try APIKeyReader.read(file: emptyField) }
    }

    @Test func filesThatAreNotAKeyAreRefused() {
        for content in [#"{"name":"no key here"}"#, "{broken json", "two\nlines", "a key with spaces"] {
            let path = file(content)
            #expect(throws: APIKeyInputError.fileNotAKey(path: path)) { try APIKeyReader.read(file: path) }
        }
        let big = file(String(repeating: "k", count: APIKeyReader.maxBytes + 1))
        #expect(throws: APIKeyInputError.fileTooLarge(path: big)) { try APIKeyReader.read(file: big) }
        #expect(throws: APIKeyInputError.fileMissing(path: "/nonexistent/key.json")) { try APIKeyReader.read(file: "/nonexistent/key.json") }
        let folder = temporaryFolder()
        #expect(throws: APIKeyInputError.self) { try APIKeyReader.read(file: folder) }
        for content in ["[{\"apikey\":\"k\"}]", "key\u{0}tail"] {
            let path = file(content)
            #expect(throws: APIKeyInputError.fileNotAKey(path: path)) { try APIKeyReader.read(file: path) }
        }
        #expect(throws: APIKeyInputError.emptyPath) { try APIKeyReader.read(file: "") }
    }

    @Test func aByteOrderMarkIsNotPartOfTheKey() throws {
        #expect(try APIKeyReader.read(file: file("\u{FEFF}{\"apikey\":\"bom-key\"}\r\n")).exposedValue == "bom-key")
        #expect(try APIKeyReader.read(file: file("\u{FEFF}bare-key\n")).exposedValue == "bare-key")
    }

    @Test func standardInputTakesTheJSONFileToo() throws {
        let (key, _) = try APIKeyReader.resolve(file: nil, environment: [:], standardInputIsTerminal: false) { #"{"name":"x","apikey":"from-json"}"# }
        #expect(key.exposedValue == "from-json")
    }

    @Test func textThatCannotBeAKeyIsRefusedBeforeIAMIsAsked() {
        #expect(throws: APIKeyInputError.notAKey(.standardInput)) {
            try APIKeyReader.resolve(file: nil, environment: [:], standardInputIsTerminal: false) { String(repeating: "k", count: 600) }
        }
        #expect(throws: APIKeyInputError.notAKey(.environment)) {
            try APIKeyReader.resolve(file: nil, environment: ["IBMCLOUD_API_KEY": "two words"], standardInputIsTerminal: false) { nil }
        }
        #expect(throws: APIKeyInputError.notAKey(.standardInput)) {
            try APIKeyReader.resolve(file: nil, environment: [:], standardInputIsTerminal: false) { "key\u{1}" }
        }
    }
}

@Suite struct InvisibleCharactersInKeysTests {
    @Test func aKeyWithAZeroWidthSpaceIsTheCleanKey() throws {
        let (key, _) = try APIKeyReader.resolve(file: nil, environment: ["IBMCLOUD_API_KEY": "abc\u{200B}def\u{200E}"], standardInputIsTerminal: true)
        #expect(key.exposedValue == "abcdef", "so it reaches IAM as the key and shares the clean key's cache entry")
    }
}
