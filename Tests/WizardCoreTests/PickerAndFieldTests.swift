import Testing
@testable import WizardCore

@Suite struct PickerAndFieldTests {
    @Test func filteringMatchesTitleDetailAndID() {
        var picker = Picker(rows: [
            PickerRow(id: "a1", title: "Alpha", detail: "first"),
            PickerRow(id: "b2", title: "Beta", detail: "second"),
            PickerRow(id: "c3", title: "Gamma", detail: "third"),
        ])
        _ = picker.apply(.character("I"))
        #expect(picker.visible.map { picker.rows[$0].id } == ["a1", "c3"])  // "first", "third"
        _ = picker.apply(.character("r"))
        #expect(picker.selection?.id == "a1")
        _ = picker.apply(.backspace)
        _ = picker.apply(.backspace)
        #expect(picker.visible.count == 3)
        _ = picker.apply(.character("c"))
        _ = picker.apply(.character("3"))
        #expect(picker.selection?.id == "c3")
    }

    @Test func highlightStaysOnTheSameRowWhenFilterStillMatches() {
        var picker = Picker(rows: (0..<20).map { PickerRow(id: "\($0)", title: "item \($0)") })
        _ = picker.apply(.pageDown)
        #expect(picker.selection?.id == "10")
        picker.setFilter("1")
        #expect(picker.selection?.id == "10")
        _ = picker.apply(.end)
        #expect(picker.selection?.id == "19")
    }

    @Test func editingKeysAndLimits() {
        var field = TextField(label: "x", maxLength: 5)
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
