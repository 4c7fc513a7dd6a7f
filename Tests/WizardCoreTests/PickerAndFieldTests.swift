import CloudCore
import Testing
@testable import WizardCore

@Suite struct PickerAndFieldTests {
    @Test func filteringMatchesTitleAndIDButNotDetail() {
        var picker = Picker(rows: [
            PickerRow(id: "a1", title: .verbatim("Alpha"), detail: .verbatim("first"), searchText: "Alpha"),
            PickerRow(id: "b2", title: .verbatim("Beta"), detail: .verbatim("second"), searchText: "Beta"),
            PickerRow(id: "c3", title: .verbatim("Gamma"), detail: .verbatim("third"), searchText: "Gamma"),
        ])
        _ = picker.apply(.character("I"))
        #expect(picker.visible.isEmpty, "details (first, third) are not searched")
        _ = picker.apply(.backspace)
        _ = picker.apply(.character("A"))
        #expect(picker.visible.map { picker.rows[$0].id } == ["a1", "b2", "c3"])
        _ = picker.apply(.character("m"))
        #expect(picker.selection?.id == "c3")
        _ = picker.apply(.backspace)
        _ = picker.apply(.backspace)
        #expect(picker.visible.count == 3)
        _ = picker.apply(.character("c"))
        _ = picker.apply(.character("3"))
        #expect(picker.selection?.id == "c3")
    }

    @Test func highlightStaysOnTheSameRowWhenFilterStillMatches() {
        var picker = Picker(rows: (0..<20).map { PickerRow(id: "\($0)", title: .verbatim("item \($0)"), searchText: "item \($0)") })
        _ = picker.apply(.pageDown)
        #expect(picker.selection?.id == "10")
        picker.setFilter("1")
        #expect(picker.selection?.id == "10")
        _ = picker.apply(.end)
        #expect(picker.selection?.id == "19")
    }

    @Test func editingKeysAndLimits() {
        var field = TextField(label: .name, maxLength: 5)
        field.insert("héllo world")
        #expect(field.text == "héllo")
        _ = field.apply(.left)
        _ = field.apply(.backspace)
        #expect(field.text == "hélo")
        _ = field.apply(.home)
        _ = field.apply(.delete)
        #expect(field.text == "élo")
        _ = field.apply(.control("u"))
        #expect(field.text.isEmpty && field.cursor == 0)
    }

    @Test func loginInputIsCleaned() {
        #expect(LoginInput.cleanAPIKey("  'abc'  ") == "abc")
        #expect(LoginInput.cleanAPIKey("Bearer xyz\n") == "xyz")
        #expect(LoginInput.cleanAPIKey("\"k\"") == "k")
    }
}

@Suite struct LoginRecognitionTests {
    @Test(arguments: [
        ("sandbox-user-apikey-0000000000000000000000000001", LoginRecognition.apiKey("sandbox-user-apikey-0000000000000000000000000001")),
        ("  Ab12Cd34Ef ", .passcode("Ab12Cd34Ef")),
        ("ibmcloud login -a https://cloud.ibm.com -u passcode -p Xy12Zz98Qq", .passcode("Xy12Zz98Qq")),
        ("ibmcloud login --apikey 'abc-def_0123456789abcdef0123'", .apiKey("abc-def_0123456789abcdef0123")),
        ("ibmcloud login --apikey=@/home/u/key.json -r us-south", .apiKeyFile(path: "/home/u/key.json")),
        ("~/Downloads/apikey.json", .apiKeyFile(path: "~/Downloads/apikey.json")),
        ("@key.json", .apiKeyFile(path: "key.json")),
        ("Bearer abcdefghijklmnopqrstuvwxyz", .apiKey("abcdefghijklmnopqrstuvwxyz")),
        ("", .empty),
    ])
    func recognises(input: String, expected: LoginRecognition) {
        #expect(LoginInput.recognize(input) == expected)
    }

    @Test func unusableInputSaysWhy() {
        guard case .unusable(let reason) = LoginInput.recognize("ibmcloud login --sso") else { Issue.record("not unusable"); return }
        #expect(reason == .ssoLineNeedsPasscodePage)
        guard case .unusable = LoginInput.recognize("two words") else { Issue.record("not unusable"); return }
    }

    @Test func aPasscodeInTheAPIKeyFieldLogsInWithThePasscode() {
        var t = WizardTester()
        t.type("ibmcloud login -a https://cloud.ibm.com -u passcode -p Xy12Zz98Qq")
        t.press(.enter)
        #expect(t.request?.call == .loginWithPasscode(Secret("Xy12Zz98Qq")))
        #expect(t.state.loginMethod == .passcode)
    }

    @Test func aKeyFilePathIsReadThenUsed() {
        var t = WizardTester()
        t.type("/home/u/apikey.json")
        t.press(.enter)
        #expect(t.request?.call == .readAPIKeyFile(path: "/home/u/apikey.json"))
        _ = t.answer(.apiKeyValue(Secret("from-file-key-0123456789")))
        #expect(t.request?.call == .loginWithAPIKey(Secret("from-file-key-0123456789")))
    }
}
