import CloudCore
import Foundation
import WizardCore

/// Draws the wizard: `render(_:size:)` is a pure function from state to frame. Every screen fits
/// 80×24; smaller terminals get a "make the window larger" screen.
public enum ScreenRenderer {
    static let spinnerFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The words the screen being drawn uses (set by ``render(_:size:strings:)`` for the drawing
    /// functions it calls).
    @TaskLocal static var words: any Strings = English()

    /// The frame for `state` at `size`, in the words of `strings` (English by default).
    public static func render(_ state: WizardState, size: Size, strings: any Strings = English()) -> Frame {
        $words.withValue(strings) { renderFrame(state, size: size, strings: strings) }
    }

    static func renderFrame(_ state: WizardState, size: Size, strings: any Strings) -> Frame {
        var frame = Frame(size: size)
        guard size.columns >= Size.minimum.columns, size.rows >= Size.minimum.rows else {
            return tooSmall(size)
        }
        if state.showingQRCode, let qr = state.qrCode {
            drawQRCode(qr, page: state.passcodePage ?? "", into: &frame, size: size)
            return frame
        }
        let width = size.columns
        // Title bar
        frame.fill(row: 0, style: .reverse)
        frame.put(" TokenWizard · IBM Cloud Key Protect bearer token", column: 0, row: 0, style: .reverse)
        if state.environment.sandbox != nil {
            frame.put(" SANDBOX ", column: width - 10, row: 0, style: .warning)
        }
        drawRail(state, into: &frame, row: 1)
        frame.put(String(repeating: "─", count: width), column: 0, row: 2, style: .dim)
        let planShown = state.step == .apiKey && state.reviewingPlan
        frame.put(planShown ? "Review, then create" : strings.stepTitle(state.step), column: 1, row: 3, style: .bold)

        let body = BodyArea(top: 5, bottom: size.rows - 6, width: width)
        if state.showingHelp {
            for (i, line) in (planShown ? ScreenHelp.plan : ScreenHelp.lines(for: state.step, usingOwnToken: state.usingOwnToken)).enumerated() where body.top + i <= body.bottom + 2 {
                frame.put(line, column: 1, row: body.top + i, style: i == 0 ? .bold : .normal)
            }
            frame.fill(row: size.rows - 1, style: .reverse)
            frame.put(" Any key closes the help", column: 0, row: size.rows - 1, style: .reverse)
            return frame
        }
        switch state.step {
        case .login: drawLogin(state, into: &frame, body)
        case .account: drawPicker(state.accountPicker, noun: "accounts", into: &frame, body, intro: state.autoChoiceNote.map(strings.text))
        case .region:
            drawPicker(state.regionPicker, noun: "regions", into: &frame, body,
                intro: state.autoChoiceNote.map(strings.text) ?? "Account: \(state.account?.name ?? "?"). Regions with Key Protect instances come first.")
        case .resourceGroup:
            drawPicker(state.resourceGroupPicker, noun: "resource groups", into: &frame, body,
                intro: state.autoChoiceNote.map(strings.text) ?? "Region: \(state.region?.name ?? "?"). The account's default group is preselected.")
        case .instance:
            drawPicker(state.instancePicker, noun: "instances", into: &frame, body,
                intro: state.autoChoiceNote.map(strings.text) ?? "Key Protect instances in \(state.resourceGroup?.name ?? "?") · \(state.region?.name ?? "?")")
        case .serviceID:
            if state.serviceIDMatches != nil {
                drawPicker(state.serviceIDChoice, noun: "choices", into: &frame, body, intro: "Service IDs are not unique by name.")
            } else {
                frame.put("A service ID is the identity your program uses. Name it for its job.", column: 1, row: body.top, style: .dim)
                frame.put("Only need a token for yourself now? Ctrl-O uses your own (nothing is created).", column: 1, row: body.top + 5, style: .dim)
                if let note = state.autoChoiceNote {
                    for (i, line) in wrap(strings.text(note), width: body.width - 2).prefix(4).enumerated() {
                        frame.put(line, column: 1, row: body.top + 7 + i, style: .accent)
                    }
                }
                drawForm(state.serviceIDForm, into: &frame, top: body.top + 2, width: width, active: !state.isBusy)
            }
        case .role:
            drawPicker(state.rolePicker, noun: "roles", into: &frame, body,
                intro: state.autoChoiceNote.map(strings.text) ?? "Access policy for \(state.serviceID?.name ?? state.serviceIDForm[0]) on \(state.instance?.name ?? "the instance")")
        case .apiKey where planShown:
            drawPlan(state, into: &frame, body)
        case .apiKey:
            let intro = state.autoChoiceNote.map(strings.text) ?? "IBM Cloud shows a new key once; TokenWizard saves it (mode 0600) first."
            frame.put(intro, column: 1, row: body.top, style: .dim)
            drawForm(state.apiKeyForm, into: &frame, top: body.top + 2, width: width, active: !state.isBusy)
            if let saved = state.apiKeySavedPath {
                frame.put("✓ API key saved to \(saved)", column: 1, row: body.top + 7, style: .success)
            } else if state.apiKey != nil {
                frame.put("! The API key exists but is not saved yet.", column: 1, row: body.top + 7, style: .warning)
            }
        case .token:
            frame.put("✓ API key saved to \(state.apiKeySavedPath ?? "?")", column: 1, row: body.top, style: .success)
        case .done:
            drawDone(state, into: &frame, body, strings: strings)
        }

        drawNotice(state, into: &frame, row: size.rows - 5, strings: strings)
        if !state.isBusy, let due = state.automaticRetryAt {
            let seconds = max(0, Int((due - state.now).rounded(.up)))
            frame.put("↻ Sending it again in \(seconds) s · Enter sends it now · Esc stops waiting", column: 1, row: size.rows - 2, style: .accent)
        } else if state.step == .login, !state.isBusy, let resume = state.pendingResume {
            frame.put("↻ Log in to carry on from the last run (Ctrl-N starts afresh):", column: 1, row: size.rows - 3, style: .accent)
            frame.put(fitted(resume.summary, width - 4), column: 3, row: size.rows - 2, style: .accent)
        }
        if state.isBusy {
            let spin = spinnerFrames[state.spinnerPhase % spinnerFrames.count]
            frame.put("\(spin) \(state.busyMessage.map(strings.text) ?? "")", column: 1, row: size.rows - 3, style: .accent)
            if let due = state.retryingAt, due - state.now > 1 {
                // A long wait (e.g. 429 with Retry-After) is counted down; short backoffs are not.
                let seconds = Int((due - state.now).rounded(.up))
                frame.put("  IBM Cloud is busy: trying again in \(seconds) s…", column: 1, row: size.rows - 2, style: .dim)
            }
        }
        frame.fill(row: size.rows - 1, style: .reverse)
        frame.put(" " + helpText(state), column: 0, row: size.rows - 1, style: .reverse)
        if frame.cursor == nil || state.isBusy { frame.cursor = nil }
        return frame
    }

    struct BodyArea {
        var top: Int
        var bottom: Int
        var width: Int
        var height: Int { bottom - top + 1 }
    }

    static func tooSmall(_ size: Size) -> Frame {
        var frame = Frame(size: size)
        let lines = ["Make the window larger.", "TokenWizard needs \(Size.minimum.columns)×\(Size.minimum.rows);",
                     "this one is \(size.columns)×\(size.rows).", "Ctrl-C quits."]
        for (i, line) in lines.enumerated() where i < size.rows {
            frame.put(line, column: 0, row: i, style: i == 0 ? .bold : .normal)
        }
        return frame
    }

    static func drawRail(_ state: WizardState, into frame: inout Frame, row: Int) {
        var x = 1
        for step in Step.allCases where step != .done {
            let done = step < state.step || (state.step == .done)
            let current = step == state.step
            let mark = done ? "✓" : (current ? "▸" : "·")
            let style: CellStyle = current ? .accent : (done ? .success : .dim)
            x = frame.put("\(mark)\(words.railLabel(step))", column: x, row: row, style: style) + 1
        }
    }

    static func drawLogin(_ state: WizardState, into frame: inout Frame, _ body: BodyArea) {
        var row = body.top
        if let sandbox = state.environment.sandbox {
            frame.put("Sandbox: an IBM Cloud emulator on this machine; nothing real is touched.", column: 1, row: row, style: .warning)
            frame.put("Sandbox API key: \(sandbox.apiKey)", column: 1, row: row + 1)
            frame.put("Passcode page:   \(sandbox.passcodePage)", column: 1, row: row + 2)
            row += 4
        } else if let warning = state.environment.endpointWarning {
            frame.put("! Not IBM Cloud: credentials go to \(warning.iam) (from \(warning.file)).", column: 1, row: row, style: .warning)
            row += 2
        }
        var x = 1
        for (method, label) in [(LoginMethod.apiKey, " API key "), (.passcode, " SSO: one-time passcode "), (.password, " IBMid password ")] {
            x = frame.put(label, column: x, row: row, style: state.loginMethod == method ? .reverse : .dim)
            x = frame.put("  ", column: x, row: row)
        }
        row += 2
        if state.loginMethod == .password {
            frame.put("Not for federated (company SSO) IDs: they use the passcode tab. ↑/↓ moves.", column: 1, row: row, style: .dim, maxWidth: body.width - 2)
            row += 2
            let count = state.needsSecurityCode ? 3 : 2
            for i in 0..<count {
                drawField(state.passwordForm.fields[i], focused: !state.isBusy && state.passwordForm.focus == i, into: &frame, row: row + 2 * i, width: body.width)
            }
        } else if state.loginMethod == .apiKey {
            if state.apiKeyFieldIsFromEnvironment {
                frame.put("The key came from IBMCLOUD_API_KEY (hidden). Enter logs in; Ctrl-U clears it.", column: 1, row: row, style: .accent, maxWidth: body.width - 2)
            } else {
                frame.put("Paste an IBM Cloud API key (from `ibmcloud iam api-key-create` or the console).", column: 1, row: row, style: .dim, maxWidth: body.width - 2)
            }
            row += 2
            drawField(state.apiKeyField, focused: !state.isBusy, into: &frame, row: row, width: body.width)
            drawRecognition(state.apiKeyField, into: &frame, row: row + 2)
            frame.put("Also accepted: a one-time passcode, the path of an API key file, or a whole", column: 1, row: row + 4, style: .dim)
            frame.put("`ibmcloud login …` line copied from the console.", column: 1, row: row + 5, style: .dim)
        } else {
            frame.put("1. Open this page in a browser and log in (federated ID / SSO):", column: 1, row: row)
            frame.put(state.passcodePage ?? "(looking it up…)", column: 4, row: row + 1, style: .accent)
            if state.passcodePage != nil {
                frame.put(state.environment.browser == .local
                    ? "Ctrl-O opens it in your browser."
                    : "Ctrl-O shows it as a QR code: scan it with your phone's camera.", column: 4, row: row + 2, style: .dim)
            }
            frame.put("2. Paste the one-time passcode it shows:", column: 1, row: row + 3)
            row += 5
            drawField(state.passcodeField, focused: !state.isBusy, into: &frame, row: row, width: body.width)
            drawRecognition(state.passcodeField, into: &frame, row: row + 2)
        }
    }

    /// The passcode page as a QR code, full screen; any key returns.
    static func drawQRCode(_ lines: [String], page: String, into frame: inout Frame, size: Size) {
        let width = lines.map(DisplayWidth.of).max() ?? 0
        guard lines.count + 4 <= size.rows, width + 2 <= size.columns else {
            frame.put("The QR code needs a larger window (\(width)×\(lines.count + 4)).", column: 1, row: 1, style: .bold)
            frame.put(fitted("Open \(page) in any browser instead.", size.columns - 2), column: 1, row: 2)
            frame.put("Any key returns.", column: 1, row: 4, style: .dim)
            return
        }
        frame.put("Scan to open the passcode page, log in, and type the passcode here", column: 1, row: 0, style: .bold)
        let left = max(0, (size.columns - width) / 2)
        for (i, line) in lines.enumerated() { frame.put(line, column: left, row: 1 + i) }
        frame.put(fitted(page, size.columns - 2), column: 1, row: lines.count + 2, style: .accent)
        frame.fill(row: size.rows - 1, style: .reverse)
        frame.put(" Any key returns to the passcode field", column: 0, row: size.rows - 1, style: .reverse)
    }

    static func drawRecognition(_ field: TextField, into frame: inout Frame, row: Int) {
        let recognition = LoginInput.recognize(field.text)
        guard recognition != .empty else { return }
        let style: CellStyle = if case .unusable = recognition { .warning } else { .success }
        frame.put(recognition.phrase.map(words.phrase) ?? "", column: 21, row: row, style: style)
        if let note = LoginInput.invisibleNote(field.text) {
            frame.put(words.phrase(note), column: 21, row: row + 1, style: .warning, maxWidth: frame.size.columns - 22)
        } else if let targets = LoginInput.targets(field.text), recognition.isUsable {
            let named = [targets.accountID.map { "account \($0)" }, targets.region.map { "region \($0)" },
                         targets.resourceGroup.map { "group \($0)" }].compactMap { $0 }
            frame.put("Then: " + named.joined(separator: ", ") + " (chosen if they exist)", column: 21, row: row + 1,
                style: .success, maxWidth: frame.size.columns - 22)
        }
    }

    static func drawField(_ field: TextField, focused: Bool, into frame: inout Frame, row: Int, width: Int) {
        let labelWidth = 19
        frame.put(words.fieldLabel(field.label) + ":", column: 1, row: row, style: focused ? .bold : .normal)
        let boxX = labelWidth + 2
        let boxWidth = width - boxX - 2
        let shown = field.isSecret ? String(repeating: "•", count: field.text.count) : field.text
        // Scroll so the cursor stays visible.
        let chars = Array(shown)
        var start = 0
        if field.cursor >= boxWidth { start = field.cursor - boxWidth + 1 }
        let visible = String(chars[min(start, chars.count)..<min(chars.count, start + boxWidth)])
        frame.fill(row: row, from: boxX, width: boxWidth, style: focused ? .reverse : .dim)
        frame.put(visible, column: boxX, row: row, style: focused ? .reverse : .normal, maxWidth: boxWidth)
        if focused {
            let prefix = String(chars[min(start, chars.count)..<min(chars.count, field.cursor)])
            frame.cursor = (boxX + DisplayWidth.of(prefix), row)
        }
        if field.isSecret, !field.text.isEmpty {
            let count = field.text.count
            frame.put("\(count) character\(count == 1 ? "" : "s"), hidden", column: boxX, row: row + 1, style: .dim)
        }
    }

    static func drawForm(_ form: Form, into frame: inout Frame, top: Int, width: Int, active: Bool) {
        var savedCursor: (column: Int, row: Int)?
        for (i, field) in form.fields.enumerated() {
            drawField(field, focused: active && i == form.focus, into: &frame, row: top + i, width: width)
            if active && i == form.focus { savedCursor = frame.cursor }
        }
        frame.cursor = savedCursor
    }

    static func drawPicker(_ picker: Picker, noun: String, into frame: inout Frame, _ body: BodyArea, intro: String?) {
        var row = body.top
        if let intro {
            // Notes about choices made for the user can take three lines.
            for line in wrap(intro, width: body.width - 2).prefix(3) {
                frame.put(line, column: 1, row: row, style: .dim)
                row += 1
            }
        }
        let filterLabel = picker.filter.isEmpty ? "Type to filter" : "Filter: \(picker.filter)"
        let listRows = body.bottom - row
        let hidden = max(0, picker.visible.count - listRows)
        let count = "\(picker.visible.count) of \(picker.rows.count) \(noun)" + (hidden > 0 ? " (↑↓ scroll for \(hidden) more)" : "")
        frame.put(filterLabel, column: 1, row: row, style: picker.filter.isEmpty ? .dim : .bold)
        frame.put(count, column: body.width - DisplayWidth.of(count) - 2, row: row, style: .dim)
        row += 1
        let listHeight = body.bottom - row + 1
        guard listHeight > 0 else { return }
        let start = max(0, min(picker.highlighted - listHeight / 2, picker.visible.count - listHeight))
        for (offset, index) in picker.visible.dropFirst(start).prefix(listHeight).enumerated() {
            let item = picker.rows[index]
            let y = row + offset
            let isHighlighted = start + offset == picker.highlighted
            if isHighlighted { frame.fill(row: y, from: 1, width: body.width - 2, style: .reverse) }
            let titleEnd = frame.put((isHighlighted ? "› " : "  ") + words.text(item.title), column: 1, row: y,
                style: isHighlighted ? .reverse : .normal, maxWidth: 40)
            let detailX = max(titleEnd + 2, 34)
            frame.put(words.text(item.detail), column: detailX, row: y, style: isHighlighted ? .reverse : .dim, maxWidth: body.width - detailX - 1)
        }
        if picker.visible.isEmpty && !picker.rows.isEmpty {
            frame.put("Nothing matches. Backspace to change the filter.", column: 3, row: row, style: .dim)
        }
    }

    /// The plan: what will be created (✓ once done) and the same as CLI and curl commands, each
    /// cut to the width with "…" (`s` saves them whole).
    static func drawPlan(_ state: WizardState, into frame: inout Frame, _ body: BodyArea) {
        let intro = state.hasCreatedResources || state.isBusy
            ? (state.autoChoiceNote.map(words.text) ?? "Creating, in this order:")
            : "Nothing is created until you press Enter."
        frame.put(fitted(intro, body.width - 2), column: 1, row: body.top, style: .dim)
        let done = [state.serviceID != nil && (state.serviceIDWasCreated || !state.createsServiceID),
                    state.policyInPlace, state.apiKey != nil, state.apiKeySavedPath != nil, state.tokenSavedPath != nil]
        for (i, item) in PlanScript.summary(for: state).enumerated() {
            let row = body.top + 1 + i
            frame.put(done[i] ? "✓" : "·", column: 1, row: row, style: done[i] ? .success : .dim)
            frame.put(item.label, column: 3, row: row, style: .bold)
            frame.put(fitted(item.text, body.width - 19), column: 18, row: row)
        }
        let commandsTop = body.top + 7
        let saved = state.planScriptPath.map { "The same as commands (saved to \($0)):" }
            ?? "The same with the IBM Cloud CLI and curl (s saves them as a script):"
        frame.put(fitted(saved, body.width - 2), column: 1, row: commandsTop, style: .dim)
        for (i, command) in PlanScript.commands(for: state).enumerated() where commandsTop + 1 + i <= body.bottom {
            frame.put(fitted(command, body.width - 4), column: 3, row: commandsTop + 1 + i, style: .accent)
        }
    }

    /// `text` cut to `width` display columns, ending in "…" when cut.
    static func fitted(_ text: String, _ width: Int) -> String {
        guard DisplayWidth.of(text) > width, width > 1 else { return text }
        var result = "", used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character); used += w
        }
        return result + "…"
    }

    static func drawDone(_ state: WizardState, into frame: inout Frame, _ body: BodyArea, strings: any Strings) {
        guard let token = state.token else { return }
        var row = body.top
        let remaining = Int((Double(token.expiration) - state.now).rounded(.down))
        let expires = Self.utcTime(token.expiration)
        let left = remaining > 0 ? "\(remaining / 60) min \(remaining % 60) s left" : "expired"
        frame.put("Account:    \(state.account?.name ?? "?") (\(token.claims.accountID))", column: 1, row: row)
        if state.usingOwnToken {
            frame.put("Identity:   your own user token (\(token.claims.iamID)); no service ID", column: 1, row: row + 1)
            frame.put("Access:     your own roles; instance \(state.instance?.name ?? "?") (\(state.region?.id ?? "?"))", column: 1, row: row + 2)
        } else {
            frame.put(fitted("Service ID: \(state.serviceID?.name ?? "?") (\(token.claims.iamID))", body.width - 2), column: 1, row: row + 1)
            frame.put("Role:       \(state.role?.displayName ?? "?") on \(state.instance?.name ?? "?") (\(state.region?.id ?? "?"))", column: 1, row: row + 2)
        }
        let issued = token.claims.issuedAt > 0 ? Self.utcTime(token.claims.issuedAt) + " UTC · expires " : "Expires "
        frame.put("Issued:     \(issued)\(String(expires.suffix(8))) · \(left)", column: 1, row: row + 3,
            style: remaining > 300 ? .normal : .warning)
        frame.put(fitted("Saved:      token \(state.tokenSavedPath ?? "?")", body.width - 2), column: 1, row: row + 4)
        if !state.usingOwnToken {
            frame.put(fitted("            API key \(state.apiKeySavedPath ?? "?")", body.width - 2), column: 1, row: row + 5)
        }
        row += 7
        let bearer = token.authorizationValue.exposedValue
        if state.tokenRevealed {
            let width = body.width - 2
            let chars = Array(bearer)
            var lineIndex = 0
            var offset = 0
            while offset < chars.count, row + lineIndex <= body.bottom {
                frame.put(String(chars[offset..<min(chars.count, offset + width)]), column: 1, row: row + lineIndex, style: .accent)
                offset += width
                lineIndex += 1
            }
            if offset < chars.count {
                frame.put(String(repeating: " ", count: body.width), column: 0, row: body.bottom)
                frame.put("… (the whole token is in \(state.tokenSavedPath ?? "the token file"); copy with c)", column: 1, row: body.bottom, style: .dim)
            }
        } else {
            frame.put("Bearer " + String(repeating: "•", count: 24) + "  (\(token.accessToken.exposedValue.count) characters; v shows it)",
                column: 1, row: row, style: .accent)
            frame.put("Use it as the header:  Authorization: Bearer <token>   (h copies that line,", column: 1, row: row + 2, style: .dim)
            frame.put("u copies a ready curl for Key Protect list keys)", column: 1, row: row + 3, style: .dim)
            frame.put(state.usingOwnToken
                ? "It lasts \(token.expiresIn / 60) minutes; run the wizard again for a new one."
                : "It lasts \(token.expiresIn / 60) minutes; r makes a new one from the saved API key.", column: 1, row: row + 4, style: .dim)
        }
        if let test = state.keyProtectTest {
            let (text, style): (String, CellStyle)
            switch test.outcome {
            case .running: (text, style) = ("Testing the token on Key Protect…", .accent)
            case .succeeded(let count):
                (text, style) = ("✓ Key Protect accepted the token: \(count) key\(count == 1 ? "" : "s") listed.", .success)
            case .failed(let message, let waiting, let problem):
                let said = problem.map { " " + strings.problem($0) } ?? ""
                (text, style) = ((waiting ? "… " : "✗ ") + strings.text(message) + said, waiting ? .warning : .error)
            }
            frame.put(text, column: 1, row: body.bottom, style: style)
        }
        if let status = state.clipboardStatus {
            frame.put(strings.text(status), column: 1, row: body.bottom + 1, style: .success)
        }
        if let due = state.clipboardClearAt {
            let seconds = max(0, Int((due - state.now).rounded(.up)))
            frame.put("The clipboard is cleared in \(seconds) s · x clears it now · z keeps the token there",
                column: 1, row: body.bottom + 2, style: .dim)
        }
    }

    static func drawNotice(_ state: WizardState, into frame: inout Frame, row: Int, strings: any Strings) {
        guard let notice = state.notice else { return }
        let style: CellStyle
        let mark: String
        switch notice.kind {
        case .error: style = .error; mark = "✗ "
        case .warning: style = .warning; mark = "! "
        case .info: style = .accent; mark = "· "
        }
        let width = frame.size.columns - 2
        // Three rows: the message wrapped at word boundaries, then the hint.
        let said = [notice.message.map(strings.text) ?? "", notice.problem.map(strings.problem) ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        let message = wrap(mark + said, width: width)
        let hint = notice.hint.map { wrap(strings.text($0), width: width) } ?? []
        let messageRows = min(message.count, max(1, 3 - min(hint.count, 1)))
        for (i, line) in message.prefix(messageRows).enumerated() {
            frame.put(line, column: 1, row: row + i, style: style)
        }
        for (i, line) in hint.prefix(3 - messageRows).enumerated() {
            frame.put(line, column: 1, row: row + messageRows + i, style: .bold)
        }
    }

    /// Splits `text` into lines of at most `width` columns at spaces (long words are cut).
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var rest = word
            while DisplayWidth.of(rest) > width {
                lines.append(String(rest.prefix(width)))
                rest = String(rest.dropFirst(width))
            }
            current = rest
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The key help for the current screen.
    public static func helpText(_ state: WizardState) -> String {
        if state.isBusy { return "Working… · Esc cancel (lookups only) · Ctrl-C quit" }
        switch state.step {
        case .login: return "Enter log in · Tab API key/passcode/password · Ctrl-U clear · Ctrl-C quit"
        case .account, .region, .resourceGroup, .instance, .role:
            return "↑↓ move · type to filter · Enter choose · Esc back · ? help · Ctrl-C quit"
        case .serviceID:
            return state.serviceIDMatches != nil ? "↑↓ move · Enter choose · Esc back · Ctrl-C quit"
                : "Tab next field · Enter next/create · Ctrl-O own token · Esc back · Ctrl-C quit"
        case .apiKey where state.reviewingPlan && state.apiKey == nil && !state.hasCreatedResources:
            return "Enter create all · s save as a script · Esc back · ? help · Ctrl-C quit"
        case .apiKey where state.reviewingPlan: return "Enter retry · Ctrl-C quit"
        case .apiKey: return "Tab next field · Enter next/review · Esc back · Ctrl-C quit"
        case .token: return "Enter retry · Ctrl-C quit"
        case .done where state.usingOwnToken: return "c copy Bearer · t copy token · v show · k test · ? help · q quit"
        case .done: return "c copy Bearer · t copy token · v show · k test · r refresh · ? help · q quit"
        }
    }

    static func utcTime(_ unix: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(unix)))
    }
}
