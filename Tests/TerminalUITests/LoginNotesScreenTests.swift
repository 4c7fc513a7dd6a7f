import CloudCore
import TestSupport
import Testing
@testable import TerminalUI
@testable import WizardCore

/// What the login screen says about the key: invisible characters removed, a key from
/// IBMCLOUD_API_KEY, the choices of an `ibmcloud login -c -r -g` line; and long choice notes.
@Suite("Login notes")
struct LoginNotesScreenTests {
    static let size = Size(columns: 80, rows: 24)

    static func plain(_ edit: (inout WizardState) -> Void) -> String {
        ScreenRenderer.render(ScreenSnapshotTests.state(edit), size: size).plainText
    }

    @Test func invisibleCharactersInTheKeyAreSaidNotShown() {
        let text = Self.plain { $0.apiKeyField.insert("secret\u{200B}value-0123456789") }
        #expect(text.contains("1 invisible character (U+200B) removed"))
        #expect(text.contains("Recognised: an API key (22 characters)"))
        #expect(!text.contains("secret"))
    }

    @Test func theKeyFromIBMCLOUD_API_KEYIsMaskedAndSaidWhereItCameFrom() {
        var state = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u", apiKeyFromEnvironment: Secret("env-secret-0123456789")))
        state.now = 1_800_000_000
        let text = ScreenRenderer.render(state, size: Self.size).plainText
        assertSnapshot(text, named: "login-env-key")
        #expect(text.contains("The key came from IBMCLOUD_API_KEY"))
        #expect(!text.contains("env-secret"))
        state.apiKeyField.apply(.control("u"))
        #expect(!ScreenRenderer.render(state, size: Self.size).plainText.contains("IBMCLOUD_API_KEY"))
    }

    @Test func theLoginLineChoicesAreShownBeforeLoggingIn() {
        let text = Self.plain { $0.apiKeyField.insert("ibmcloud login --apikey key-0123456789abcdef -r eu-de -g security") }
        #expect(text.contains("Then: region eu-de, group security (chosen if they exist)"))
        let noKey = Self.plain { $0.apiKeyField.insert("ibmcloud login -r eu-de") }
        #expect(noKey.contains("has no API key or passcode") && !noKey.contains("Then:"), "said only for a line that can log in")
    }

    @Test func aLongChoiceNoteWrapsAboveAList() {
        let text = Self.plain {
            $0.step = .resourceGroup
            $0.region = KeyProtectRegion.named("eu-de")
            $0.resourceGroupPicker = Picker(rows: [PickerRow(id: "rg-default", title: .verbatim("Default (default)"), detail: .verbatim("0 Key Protect instances here"), searchText: "Default (default)")])
            $0.autoChoiceNote = .joined([.say(.accountOfAPIKey(account: "Dev account")), .say(.lineRegionChosen(region: "eu-de")), .say(.lineGroupUnknown(group: "nosuchgroup"))])
        }
        #expect(text.contains("nosuchgroup (-g) is not in") && text.contains("this account: choose one."))
        #expect(text.contains("› Default (default)"))
    }
}
