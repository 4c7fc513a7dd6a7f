import CloudCore
import Foundation
import WizardCore

/// Draws the wizard: `render(_:size:strings:asciiOnly:)` is a pure function from state to frame.
/// Every screen fits 80×24 in every language; smaller terminals get a "make the window larger"
/// screen.
///
/// The screen is made of areas, top to bottom: title bar (row 0), step rail (1), rule (2), heading
/// (3), body (5 to rows − 6), notice and status lines (rows − 5 to rows − 2, status lines at the
/// bottom) and help bar (last row). Nothing is drawn in the last column except "…", so text that
/// was cut always says so. Text that may be longer than its area wraps at word boundaries (notices,
/// intros, help pages) or is cut with "…" (names, details, commands; paths keep their end).
public enum ScreenRenderer {
    /// The frame for `state` at `size`, in the words of `strings` (English by default). With
    /// `asciiOnly` (a terminal whose locale is not UTF-8) every symbol and text is drawn in ASCII.
    public static func render(_ state: WizardState, size: Size, strings: any Strings = English(),
                              asciiOnly: Bool = false) -> Frame {
        guard size.columns >= Size.minimum.columns, size.rows >= Size.minimum.rows else {
            return tooSmall(size, strings: strings, asciiOnly: asciiOnly)
        }
        var frame = Frame(size: size, asciiOnly: asciiOnly)
        if state.showingQRCode, let qr = state.qrCode {
            drawQRCode(qr, page: state.passcodePage ?? "", into: &frame, strings: strings)
            return frame
        }
        let glyphs = frame.glyphs
        let width = size.columns
        drawTitleBar(state, into: &frame, strings: strings)
        drawRail(state, into: &frame, row: 1, strings: strings)
        frame.put(String(repeating: glyphs.rule, count: width), column: 0, row: 2, style: .dim)
        let planShown = state.step == .apiKey && state.reviewingPlan
        frame.put(planShown ? strings.screen(.planHeading) : stepTitle(state.step, strings), column: 1, row: 3,
                  style: .bold, maxWidth: width - 2, truncation: .end)

        let body = BodyArea(top: 5, bottom: size.rows - 6, width: width)
        if state.showingHelp {
            drawHelpPage(strings.help(ScreenHelp.page(for: state)), into: &frame, top: body.top, bottom: size.rows - 2)
            drawHelpBar(strings.screen(.closeHelp), into: &frame)
            return frame
        }
        switch state.step {
        case .login: drawLogin(state, into: &frame, body, strings: strings)
        case .account:
            drawPicker(state.accountPicker, kind: .accounts, into: &frame, body, intro: choiceNote(state, strings), strings: strings)
        case .region:
            drawPicker(state.regionPicker, kind: .regions, into: &frame, body,
                intro: choiceNote(state, strings) ?? strings.screen(.regionIntro(account: state.account?.name ?? "?")), strings: strings)
        case .resourceGroup:
            drawPicker(state.resourceGroupPicker, kind: .resourceGroups, into: &frame, body,
                intro: choiceNote(state, strings) ?? strings.screen(.resourceGroupIntro(region: state.region?.name ?? "?")),
                strings: strings)
        case .instance:
            drawPicker(state.instancePicker, kind: .instances, into: &frame, body,
                intro: choiceNote(state, strings) ?? strings.screen(.instanceIntro(group: state.resourceGroup?.name ?? "?",
                                                                                    region: state.region?.name ?? "?")),
                strings: strings)
        case .serviceID:
            if state.serviceIDMatches != nil {
                drawPicker(state.serviceIDChoice, kind: .choices, into: &frame, body,
                           intro: strings.screen(.serviceIDNotUnique), strings: strings)
            } else {
                drawServiceIDForm(state, into: &frame, body, strings: strings)
            }
        case .role:
            drawPicker(state.rolePicker, kind: .roles, into: &frame, body,
                intro: choiceNote(state, strings) ?? strings.screen(.roleIntro(
                    serviceID: state.serviceID?.name ?? state.serviceIDForm[0], instance: state.instance?.name)),
                strings: strings)
        case .apiKey where planShown:
            drawPlan(state, into: &frame, body, strings: strings)
        case .apiKey:
            drawAPIKeyForm(state, into: &frame, body, strings: strings)
        case .token:
            frame.put("\(glyphs.check) " + strings.screen(.apiKeySaved(path: state.apiKeySavedPath ?? "?")), column: 1,
                      row: body.top, style: .success, maxWidth: width - 2, truncation: .middle)
        case .done:
            drawDone(state, into: &frame, body, strings: strings)
        }

        // Notice and status lines share rows − 5 … rows − 2: status lines at the bottom, the notice above.
        let status = Array(statusLines(state, glyphs: glyphs, strings: strings).prefix(3))
        for (i, line) in status.enumerated() {
            let row = size.rows - 1 - status.count + i
            frame.put(line.text, column: line.column, row: row, style: line.style, maxWidth: width - 1 - line.column,
                      truncation: line.truncation)
        }
        let noticeRows = 4 - status.count
        drawNotice(state, into: &frame, area: Rect(column: 1, row: size.rows - 5, width: width - 2, height: noticeRows),
                   strings: strings)
        drawHelpBar(helpText(state, strings: strings), into: &frame)
        if frame.cursor == nil || state.isBusy { frame.cursor = nil }
        return frame
    }

    /// The body: the rows between the heading and the notice, top and bottom included.
    struct BodyArea {
        var top: Int
        var bottom: Int
        var width: Int
        var height: Int { bottom - top + 1 }
        /// The body's text area from `row` down (column 1 to the last column but one).
        func rect(from row: Int, rows: Int? = nil) -> Rect {
            Rect(column: 1, row: row, width: width - 2, height: min(rows ?? .max, bottom - row + 1))
        }
    }

    /// One line of the status area (under the notice).
    struct StatusLine {
        var text: String
        var style: CellStyle
        var column = 1
        var truncation: Frame.Truncation = .end
    }

    // MARK: Texts the state carries (put into words here; one place per kind)

    static func stepTitle(_ step: Step, _ strings: any Strings) -> String { strings.stepTitle(step) }
    static func railLabel(_ step: Step, _ strings: any Strings) -> String { strings.railLabel(step) }
    static func fieldLabel(_ field: TextField, _ strings: any Strings) -> String { strings.fieldLabel(field.label) }
    static func choiceNote(_ state: WizardState, _ strings: any Strings) -> String? { state.autoChoiceNote.map(strings.text) }

    // MARK: Frame parts

    static func drawTitleBar(_ state: WizardState, into frame: inout Frame, strings: any Strings) {
        let width = frame.size.columns
        frame.fill(row: 0, style: .reverse)
        var titleRoom = width - 1
        if state.environment.sandbox != nil {
            let badge = " " + strings.screen(.sandboxBadge) + " "
            let x = width - 1 - DisplayWidth.of(frame.drawable(badge))
            frame.put(badge, column: x, row: 0, style: .warning)
            titleRoom = x - 1
        }
        frame.put(" " + strings.screen(.titleBar), column: 0, row: 0, style: .reverse, maxWidth: titleRoom, truncation: .end)
    }

    static func drawHelpBar(_ text: String, into frame: inout Frame) {
        let row = frame.size.rows - 1
        frame.fill(row: row, style: .reverse)
        frame.put(" " + text, column: 0, row: row, style: .reverse, maxWidth: frame.size.columns - 1, truncation: .end)
    }

    /// A help page: the heading in bold, then each paragraph wrapped to the window.
    static func drawHelpPage(_ page: [String], into frame: inout Frame, top: Int, bottom: Int) {
        var row = top
        for (i, paragraph) in page.enumerated() where row <= bottom {
            let rect = Rect(column: 1, row: row, width: frame.size.columns - 2, height: bottom - row + 1)
            row += frame.paragraph(paragraph, in: rect, style: i == 0 ? .bold : .normal)
        }
    }

    static func tooSmall(_ size: Size, strings: any Strings, asciiOnly: Bool) -> Frame {
        var frame = Frame(size: size, asciiOnly: asciiOnly)
        let lines = [strings.screen(.makeWindowLarger),
                     strings.screen(.neededSize(columns: Size.minimum.columns, rows: Size.minimum.rows)),
                     strings.screen(.currentSize(columns: size.columns, rows: size.rows)),
                     strings.screen(.ctrlCQuits)]
        for (i, line) in lines.enumerated() where i < size.rows {
            frame.put(line, column: 0, row: i, style: i == 0 ? .bold : .normal, maxWidth: max(0, size.columns - 1),
                      truncation: .end)
        }
        return frame
    }

    static func drawRail(_ state: WizardState, into frame: inout Frame, row: Int, strings: any Strings) {
        let glyphs = frame.glyphs
        let right = frame.size.columns - 1
        var x = 1
        for step in Step.allCases where step != .done {
            guard x < right else { break }
            let done = step < state.step || (state.step == .done)
            let current = step == state.step
            let mark = done ? glyphs.check : (current ? glyphs.current : glyphs.pending)
            let style: CellStyle = current ? .accent : (done ? .success : .dim)
            x = frame.put(mark + railLabel(step, strings), column: x, row: row, style: style, maxWidth: right - x,
                          truncation: .end) + 1
        }
    }

    /// The lines under the notice: a countdown to an automatic retry, the offer to carry on, the
    /// spinner and its retry countdown, the clipboard.
    static func statusLines(_ state: WizardState, glyphs: Glyphs, strings: any Strings) -> [StatusLine] {
        var lines: [StatusLine] = []
        if !state.isBusy, let due = state.automaticRetryAt {
            let seconds = max(0, Int((due - state.now).rounded(.up)))
            lines.append(StatusLine(text: "\(glyphs.resume) " + strings.screen(.automaticRetry(seconds: seconds)), style: .accent))
        } else if state.step == .login, !state.isBusy, let resume = state.pendingResume {
            lines.append(StatusLine(text: "\(glyphs.resume) " + strings.screen(.resumeOffer), style: .accent))
            lines.append(StatusLine(text: strings.resumeSummary(resume.summary), style: .accent, column: 3))
        }
        if state.isBusy {
            lines.append(StatusLine(text: glyphs.spinnerFrame(state.spinnerPhase) + " " + (state.busyMessage.map(strings.text) ?? ""), style: .accent))
            if let due = state.retryingAt, due - state.now > 1 {
                // A long wait (e.g. 429 with Retry-After) is counted down; short backoffs are not.
                let seconds = Int((due - state.now).rounded(.up))
                lines.append(StatusLine(text: strings.screen(.busyRetry(seconds: seconds)), style: .dim, column: 3))
            }
        }
        if state.step == .done {
            if let status = state.clipboardStatus {
                lines.append(StatusLine(text: strings.text(status), style: .success))
            }
            if let due = state.clipboardClearAt {
                let seconds = max(0, Int((due - state.now).rounded(.up)))
                lines.append(StatusLine(text: strings.screen(.clipboardCountdown(seconds: seconds)), style: .dim))
            }
        }
        return lines
    }

    // MARK: Login

    static func drawLogin(_ state: WizardState, into frame: inout Frame, _ body: BodyArea, strings: any Strings) {
        let right = body.width - 1
        var row = body.top
        if let sandbox = state.environment.sandbox {
            frame.paragraph(strings.screen(.sandboxIntro), in: body.rect(from: row, rows: 1), style: .warning)
            let labels = [strings.screen(.sandboxKeyLabel), strings.screen(.sandboxPageLabel)]
            let valueX = 1 + TextLayout.labelColumnWidth(labels.map { frame.drawable($0) }, gap: 1)
            for (i, (label, value)) in zip(labels, [sandbox.apiKey, sandbox.passcodePage]).enumerated() {
                frame.put(label, column: 1, row: row + 1 + i, maxWidth: valueX - 1, truncation: .end)
                frame.put(value, column: valueX, row: row + 1 + i, maxWidth: right - valueX, truncation: .end)
            }
            row += 4
        } else if let warning = state.environment.endpointWarning {
            // Where credentials go, then the file that said so; a long path keeps its end ("…/endpoints.json").
            let glyphs = frame.glyphs
            frame.put("\(glyphs.warning) " + strings.screen(.notIBMCloud(iam: warning.iam)), column: 1, row: row, style: .warning,
                      maxWidth: right - 1, truncation: .end)
            let frameWidth = DisplayWidth.of(frame.drawable(strings.screen(.endpointsFile(path: ""))))
            let path = TextLayout.truncated(frame.drawable(warning.file), width: max(1, right - 3 - frameWidth), at: .start,
                                            ellipsis: glyphs.ellipsis)
            frame.put(strings.screen(.endpointsFile(path: path.trimmingCharacters(in: .whitespaces))), column: 3, row: row + 1,
                      style: .warning, maxWidth: right - 3, truncation: .end)
            row += 3
        }
        var x = 1
        for method in [LoginMethod.apiKey, .passcode, .password] where x < right {
            x = frame.put(" " + strings.screen(.loginTab(method)) + " ", column: x, row: row,
                          style: state.loginMethod == method ? .reverse : .dim, maxWidth: right - x, truncation: .end) + 2
        }
        row += 2
        switch state.loginMethod {
        case .password:
            frame.paragraph(strings.screen(.passwordTabNote), in: body.rect(from: row, rows: 2), style: .dim)
            row += 2
            let count = state.needsSecurityCode ? 3 : 2
            let fields = Array(state.passwordForm.fields.prefix(count))
            let labelWidth = labelColumnWidth(fields, frame: frame, strings: strings)
            for (i, field) in fields.enumerated() {
                drawField(field, focused: !state.isBusy && state.passwordForm.focus == i, into: &frame, row: row + 2 * i,
                          labelWidth: labelWidth, body: body, strings: strings)
            }
        case .apiKey:
            if state.apiKeyFieldIsFromEnvironment {
                frame.paragraph(strings.screen(.apiKeyFromEnvironment), in: body.rect(from: row, rows: 2), style: .accent)
            } else {
                frame.paragraph(strings.screen(.apiKeyPrompt), in: body.rect(from: row, rows: 2), style: .dim)
            }
            row += 2
            let labelWidth = labelColumnWidth([state.apiKeyField], frame: frame, strings: strings)
            drawField(state.apiKeyField, focused: !state.isBusy, into: &frame, row: row, labelWidth: labelWidth, body: body,
                      strings: strings)
            drawRecognition(state.apiKeyField, into: &frame, row: row + 2, column: 1 + labelWidth, body: body, strings: strings)
            if row + 4 <= body.bottom {
                frame.paragraph(strings.screen(.alsoAccepted), in: body.rect(from: row + 4, rows: 2), style: .dim)
            }
        case .passcode:
            frame.paragraph(strings.screen(.passcodeOpenPage), in: body.rect(from: row, rows: 1))
            frame.put(state.passcodePage ?? strings.screen(.passcodePageLookingUp), column: 4, row: row + 1, style: .accent,
                      maxWidth: right - 4, truncation: .end)
            if state.passcodePage != nil {
                let hint: ScreenText = state.environment.browser == .local ? .passcodeOpensInBrowser : .passcodeShowsQRCode
                frame.paragraph(strings.screen(hint), in: Rect(column: 4, row: row + 2, width: right - 4, height: 1), style: .dim)
            }
            frame.paragraph(strings.screen(.passcodePaste), in: body.rect(from: row + 3, rows: 1))
            row += 5
            let labelWidth = labelColumnWidth([state.passcodeField], frame: frame, strings: strings)
            drawField(state.passcodeField, focused: !state.isBusy, into: &frame, row: row, labelWidth: labelWidth, body: body,
                      strings: strings)
            drawRecognition(state.passcodeField, into: &frame, row: row + 2, column: 1 + labelWidth, body: body, strings: strings)
        }
    }

    /// The passcode page as a QR code, full screen; any key returns. Where it cannot be drawn (too
    /// small a window, or an ASCII-only terminal) the page's address is shown instead.
    static func drawQRCode(_ lines: [String], page: String, into frame: inout Frame, strings: any Strings) {
        let size = frame.size
        let width = lines.map(DisplayWidth.of).max() ?? 0
        let text = Rect(column: 1, row: 0, width: size.columns - 2, height: 1)
        let drawable = !frame.asciiOnly || lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }
        guard drawable, lines.count + 4 <= size.rows, width + 2 <= size.columns else {
            let why: ScreenText = drawable ? .qrNeedsLargerWindow(columns: width + 2, rows: lines.count + 4) : .qrNeedsUTF8
            frame.paragraph(strings.screen(why), in: Rect(column: 1, row: 1, width: text.width, height: 1), style: .bold)
            frame.paragraph(strings.screen(.qrOpenInstead(page: page)), in: Rect(column: 1, row: 2, width: text.width, height: 2))
            frame.paragraph(strings.screen(.anyKeyReturns), in: Rect(column: 1, row: 5, width: text.width, height: 1), style: .dim)
            return
        }
        frame.paragraph(strings.screen(.qrHeading), in: text, style: .bold)
        let left = max(0, (size.columns - width) / 2)
        for (i, line) in lines.enumerated() { frame.put(line, column: left, row: 1 + i) }
        frame.put(page, column: 1, row: lines.count + 2, style: .accent, maxWidth: text.width, truncation: .end)
        drawHelpBar(strings.screen(.qrHelpBar), into: &frame)
    }

    /// What a login field's text was recognised as, and what a pasted login line will choose.
    static func drawRecognition(_ field: TextField, into frame: inout Frame, row: Int, column: Int, body: BodyArea,
                                strings: any Strings) {
        let recognition = LoginInput.recognize(field.text)
        guard recognition != .empty, row <= body.bottom else { return }
        let width = body.width - 1 - column
        let style: CellStyle = if case .unusable = recognition { .warning } else { .success }
        frame.put(recognition.phrase.map(strings.phrase) ?? "", column: column, row: row, style: style, maxWidth: width, truncation: .end)
        guard row + 1 <= body.bottom else { return }
        if let note = LoginInput.invisibleNote(field.text) {
            frame.put(strings.phrase(note), column: column, row: row + 1, style: .warning, maxWidth: width, truncation: .end)
        } else if let targets = LoginInput.targets(field.text), recognition.isUsable {
            let text = strings.screen(.loginTargets(account: targets.accountID, region: targets.region, group: targets.resourceGroup))
            frame.put(text, column: column, row: row + 1, style: .success, maxWidth: width, truncation: .end)
        }
    }

    // MARK: Fields and forms

    /// The label column for `fields` in the current language: the widest "Label:" plus a gap.
    static func labelColumnWidth(_ fields: [TextField], frame: Frame, strings: any Strings) -> Int {
        TextLayout.labelColumnWidth(fields.map { frame.drawable(fieldLabel($0, strings) + ":") })
    }

    /// One field: its label, then its value in a box to the right margin (the start of the value,
    /// cut with "…", when not focused; scrolled to the cursor when focused). A secret shows one
    /// bullet per character, and under the box how many there are.
    static func drawField(_ field: TextField, focused: Bool, into frame: inout Frame, row: Int, labelWidth: Int,
                          body: BodyArea, strings: any Strings) {
        guard row <= body.bottom else { return }
        let glyphs = frame.glyphs
        frame.put(fieldLabel(field, strings) + ":", column: 1, row: row, style: focused ? .bold : .normal,
                  maxWidth: labelWidth - 1, truncation: .end)
        let boxX = 1 + labelWidth
        let boxWidth = body.width - 2 - boxX
        let shown = field.isSecret ? String(repeating: glyphs.bullet, count: field.text.count) : field.text
        frame.fill(row: row, from: boxX, width: boxWidth, style: focused ? .reverse : .dim)
        frame.field(shown, cursor: field.cursor, focused: focused, column: boxX, row: row, width: boxWidth,
                    style: focused ? .reverse : .normal)
        if field.isSecret, !field.text.isEmpty, row + 1 <= body.bottom {
            frame.put(strings.screen(.hiddenCharacters(field.text.count)), column: boxX, row: row + 1, style: .dim,
                      maxWidth: boxWidth, truncation: .end)
        }
    }

    static func drawForm(_ form: Form, into frame: inout Frame, top: Int, body: BodyArea, active: Bool, strings: any Strings) {
        let labelWidth = labelColumnWidth(form.fields, frame: frame, strings: strings)
        var savedCursor: (column: Int, row: Int)?
        for (i, field) in form.fields.enumerated() {
            drawField(field, focused: active && i == form.focus, into: &frame, row: top + i, labelWidth: labelWidth,
                      body: body, strings: strings)
            if active && i == form.focus { savedCursor = frame.cursor }
        }
        frame.cursor = savedCursor
    }

    static func drawServiceIDForm(_ state: WizardState, into frame: inout Frame, _ body: BodyArea, strings: any Strings) {
        frame.paragraph(strings.screen(.serviceIDIntro), in: body.rect(from: body.top, rows: 2), style: .dim)
        drawForm(state.serviceIDForm, into: &frame, top: body.top + 2, body: body, active: !state.isBusy, strings: strings)
        let offerRows = frame.paragraph(strings.screen(.ownTokenOffer), in: body.rect(from: body.top + 5, rows: 2), style: .dim)
        if let note = choiceNote(state, strings) {
            frame.paragraph(note, in: body.rect(from: body.top + 6 + max(1, offerRows), rows: 4), style: .accent)
        }
    }

    static func drawAPIKeyForm(_ state: WizardState, into frame: inout Frame, _ body: BodyArea, strings: any Strings) {
        let glyphs = frame.glyphs
        frame.paragraph(choiceNote(state, strings) ?? strings.screen(.apiKeyIntro), in: body.rect(from: body.top, rows: 2),
                        style: .dim)
        drawForm(state.apiKeyForm, into: &frame, top: body.top + 2, body: body, active: !state.isBusy, strings: strings)
        let row = body.top + 2 + state.apiKeyForm.fields.count + 1
        if let saved = state.apiKeySavedPath {
            frame.put("\(glyphs.check) " + strings.screen(.apiKeySaved(path: saved)), column: 1, row: row, style: .success,
                      maxWidth: body.width - 2, truncation: .middle)
        } else if state.apiKey != nil {
            frame.paragraph("\(glyphs.warning) " + strings.screen(.apiKeyNotSavedYet), in: body.rect(from: row, rows: 1),
                            style: .warning)
        }
    }

    // MARK: Lists

    static func drawPicker(_ picker: Picker, kind: ListKind, into frame: inout Frame, _ body: BodyArea, intro: String?,
                           strings: any Strings) {
        let glyphs = frame.glyphs
        let right = body.width - 1
        var row = body.top
        if let intro {
            // Notes about choices made for the user can take three lines.
            row += frame.paragraph(intro, in: body.rect(from: row, rows: 3), style: .dim)
        }
        let listRows = body.bottom - row
        let hidden = max(0, picker.visible.count - listRows)
        var count = strings.screen(.listCount(shown: picker.visible.count, total: picker.rows.count, of: kind))
        if hidden > 0 { count += " " + strings.screen(.moreRows(hidden)) }
        let countX = max(1, right - 1 - DisplayWidth.of(frame.drawable(count)))
        frame.put(count, column: countX, row: row, style: .dim, maxWidth: right - countX, truncation: .end)
        let filterLabel = picker.filter.isEmpty ? strings.screen(.typeToFilter) : strings.screen(.filter(picker.filter))
        frame.put(filterLabel, column: 1, row: row, style: picker.filter.isEmpty ? .dim : .bold,
                  maxWidth: max(0, countX - 3), truncation: .end)
        row += 1
        let listHeight = body.bottom - row + 1
        guard listHeight > 0 else { return }
        let start = max(0, min(picker.highlighted - listHeight / 2, picker.visible.count - listHeight))
        let shownRows = picker.visible.dropFirst(start).prefix(listHeight).map { picker.rows[$0] }
        // The title column: as wide as the widest title shown, at most half the list.
        let longest = shownRows.map { DisplayWidth.of(frame.drawable(strings.text($0.title))) }.max() ?? 0
        let titleWidth = min(longest + 2, (right - 1) / 2)
        let detailX = max(1 + titleWidth + 2, 34)
        for (offset, item) in shownRows.enumerated() {
            let y = row + offset
            let isHighlighted = start + offset == picker.highlighted
            if isHighlighted { frame.fill(row: y, from: 1, width: body.width - 2, style: .reverse) }
            let mark = isHighlighted ? glyphs.selection + " " : "  "
            frame.put(mark + strings.text(item.title), column: 1, row: y, style: isHighlighted ? .reverse : .normal,
                      maxWidth: detailX - 3, truncation: .end)
            frame.put(strings.text(item.detail), column: detailX, row: y, style: isHighlighted ? .reverse : .dim,
                      maxWidth: right - detailX, truncation: .end)
        }
        if picker.visible.isEmpty && !picker.rows.isEmpty {
            frame.paragraph(strings.screen(.nothingMatches), in: Rect(column: 3, row: row, width: right - 3, height: 1), style: .dim)
        }
    }

    // MARK: Plan

    /// The plan: what will be created (✓ once done) and the same as CLI and curl commands, each
    /// cut to the width with "…" (`s` saves them whole); file paths keep their end.
    static func drawPlan(_ state: WizardState, into frame: inout Frame, _ body: BodyArea, strings: any Strings) {
        let glyphs = frame.glyphs
        let right = body.width - 1
        let intro = state.hasCreatedResources || state.isBusy
            ? (choiceNote(state, strings) ?? strings.screen(.planCreating))
            : strings.screen(.planNothingYet)
        frame.put(intro, column: 1, row: body.top, style: .dim, maxWidth: right - 1, truncation: .end)
        let done = [state.serviceID != nil && (state.serviceIDWasCreated || !state.createsServiceID),
                    state.policyInPlace, state.apiKey != nil, state.apiKeySavedPath != nil, state.tokenSavedPath != nil]
        let labels = PlanItem.allCases.map { strings.screen(.planLabel($0)) }
        let textX = 3 + TextLayout.labelColumnWidth(labels.map { frame.drawable($0) })
        for (i, item) in PlanScript.summary(for: state).enumerated() where i < labels.count {
            let row = body.top + 1 + i
            frame.put(done[i] ? glyphs.check : glyphs.pending, column: 1, row: row, style: done[i] ? .success : .dim)
            frame.put(labels[i], column: 3, row: row, style: .bold, maxWidth: textX - 4, truncation: .end)
            let isPath = PlanItem(rawValue: i) == .keyFile || PlanItem(rawValue: i) == .tokenFile
            frame.put(strings.phrase(item), column: textX, row: row, maxWidth: right - textX, truncation: isPath ? .start : .end)
        }
        let commandsTop = body.top + 7
        let saved = state.planScriptPath.map { strings.screen(.planCommandsSaved(path: $0)) } ?? strings.screen(.planCommands)
        frame.put(saved, column: 1, row: commandsTop, style: .dim, maxWidth: right - 1, truncation: .end)
        for (i, command) in PlanScript.commands(for: state).enumerated() where commandsTop + 1 + i <= body.bottom {
            frame.put(command, column: 3, row: commandsTop + 1 + i, style: .accent, maxWidth: right - 3, truncation: .end)
        }
    }

    // MARK: Final screen

    /// The final screen: who the token is for and where it was saved, then the token (masked, or
    /// shown in full as far as it fits), then the result of `k` in the body's last rows. The token,
    /// the test result and the clipboard lines (in the status area) never share a row.
    static func drawDone(_ state: WizardState, into frame: inout Frame, _ body: BodyArea, strings: any Strings) {
        guard let token = state.token else { return }
        let glyphs = frame.glyphs
        let right = body.width - 1
        let remaining = Int((Double(token.expiration) - state.now).rounded(.down))
        let labels: [DoneLabel] = state.usingOwnToken
            ? [.account, .identity, .access, .issued, .saved]
            : [.account, .serviceID, .role, .issued, .saved]
        let valueX = 1 + TextLayout.labelColumnWidth(labels.map { frame.drawable(strings.screen(.doneLabel($0))) }, gap: 1)
        let instance = state.instance?.name ?? "?", region = state.region?.id ?? "?"
        var values: [(String, CellStyle, Frame.Truncation)] = [
            ("\(state.account?.name ?? "?") (\(token.claims.accountID))", .normal, .end),
            state.usingOwnToken
                ? (strings.screen(.ownIdentity(iamID: token.claims.iamID)), .normal, .end)
                : ("\(state.serviceID?.name ?? "?") (\(token.claims.iamID))", .normal, .end),
            state.usingOwnToken
                ? (strings.screen(.ownAccess(instance: instance, region: region)), .normal, .end)
                : (strings.screen(.roleOn(role: state.role?.displayName ?? "?", instance: instance, region: region)), .normal, .end),
            (strings.screen(.issued(at: token.claims.issuedAt > 0 ? utcTime(token.claims.issuedAt) : nil,
                                    expires: String(utcTime(token.expiration).suffix(8)), secondsLeft: remaining)),
             remaining > 300 ? .normal : .warning, .end),
            (strings.screen(.savedToken(path: state.tokenSavedPath ?? "?")), .normal, .middle),
        ]
        var rowLabels = labels.map { strings.screen(.doneLabel($0)) }
        if !state.usingOwnToken {
            values.append((strings.screen(.savedKey(path: state.apiKeySavedPath ?? "?")), .normal, .middle))
            rowLabels.append("")
        }
        for (i, (value, style, truncation)) in values.enumerated() {
            frame.put(rowLabels[i], column: 1, row: body.top + i, style: style, maxWidth: valueX - 2, truncation: .end)
            frame.put(value, column: valueX, row: body.top + i, style: style, maxWidth: right - valueX, truncation: truncation)
        }

        // The result of `k` takes the body's last rows (up to two); the token the rows above.
        var testRows = 0
        if let test = state.keyProtectTest {
            let (text, style): (String, CellStyle)
            switch test.outcome {
            case .running: (text, style) = (strings.screen(.testingToken), .accent)
            case .succeeded(let count): (text, style) = ("\(glyphs.check) " + strings.screen(.testSucceeded(keys: count)), .success)
            case .failed(let message, let waiting, let problem):
                let said = problem.map { " " + strings.problem($0) } ?? ""
                (text, style) = ((waiting ? glyphs.ellipsis : glyphs.cross) + " " + strings.text(message) + said, waiting ? .warning : .error)
            }
            testRows = min(2, max(1, TextLayout.wrap(frame.drawable(text), width: right - 1).count))
            frame.paragraph(text, in: body.rect(from: body.bottom - testRows + 1, rows: testRows), style: style)
        }
        let top = body.top + 7
        let tokenArea = body.rect(from: top, rows: max(0, body.bottom - testRows - top + 1))
        guard tokenArea.height > 0 else { return }
        if state.tokenRevealed {
            drawRevealedToken(token.authorizationValue.exposedValue, path: state.tokenSavedPath, into: &frame, area: tokenArea,
                              strings: strings)
        } else {
            let masked = "Bearer " + String(repeating: glyphs.bullet, count: 24) + "  "
                + strings.screen(.tokenHidden(characters: token.accessToken.exposedValue.count))
            frame.put(masked, column: tokenArea.column, row: tokenArea.row, style: .accent, maxWidth: tokenArea.width, truncation: .end)
            var row = tokenArea.row + 2
            if row < tokenArea.bottom {
                row += frame.paragraph(strings.screen(.useAsHeader), in: Rect(column: tokenArea.column, row: row,
                    width: tokenArea.width, height: min(2, tokenArea.bottom - row - 1)), style: .dim)
            }
            if row < tokenArea.bottom {
                frame.paragraph(strings.screen(.lasts(minutes: token.expiresIn / 60, renewable: !state.usingOwnToken)),
                                in: Rect(column: tokenArea.column, row: row, width: tokenArea.width, height: 1), style: .dim)
            }
        }
    }

    /// `Bearer <token>` in full, broken into lines of the area's width; when it needs more rows than
    /// the area has, the last row says where the whole token is.
    static func drawRevealedToken(_ bearer: String, path: String?, into frame: inout Frame, area: Rect, strings: any Strings) {
        var chunks: [String] = []
        var rest = Substring(bearer)
        while !rest.isEmpty {
            let piece = TextLayout.prefix(String(rest.prefix(area.width * 2)), width: area.width).text
            guard !piece.isEmpty else { break }
            chunks.append(piece)
            rest = rest.dropFirst(piece.count)
        }
        let fits = chunks.count <= area.height
        let shown = fits ? chunks : Array(chunks.prefix(area.height - 1))
        for (i, chunk) in shown.enumerated() {
            frame.put(chunk, column: area.column, row: area.row + i, style: .accent, maxWidth: area.width)
        }
        if !fits {
            frame.put(frame.glyphs.ellipsis + " " + strings.screen(.tokenContinues(path: path)), column: area.column,
                      row: area.row + shown.count, style: .dim, maxWidth: area.width, truncation: .middle)
        }
    }

    // MARK: Notice

    /// The notice in `area` (up to four rows, fewer under status lines): the message with the server's words wrapped at word
    /// boundaries, then the hint; both end with "…" when cut.
    static func drawNotice(_ state: WizardState, into frame: inout Frame, area: Rect, strings: any Strings) {
        guard let notice = state.notice, area.height > 0 else { return }
        let glyphs = frame.glyphs
        let style: CellStyle
        let mark: String
        switch notice.kind {
        case .error: style = .error; mark = glyphs.cross
        case .warning: style = .warning; mark = glyphs.warning
        case .info: style = .accent; mark = glyphs.pending
        }
        let said = [notice.message.map(strings.text) ?? "", notice.problem.map(strings.problem) ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        let message = mark + " " + said
        let hint = notice.hint.map(strings.text) ?? ""
        let messageLines = TextLayout.wrap(frame.drawable(message), width: area.width).count
        let messageRows = min(messageLines, max(1, area.height - (hint.isEmpty ? 0 : 1)))
        frame.paragraph(message, in: Rect(column: area.column, row: area.row, width: area.width, height: messageRows), style: style)
        if !hint.isEmpty {
            frame.paragraph(hint, in: Rect(column: area.column, row: area.row + messageRows, width: area.width,
                                           height: area.height - messageRows), style: .bold)
        }
    }

    // MARK: Help bar

    /// The key hints of the screen `state` shows.
    public static func keyHints(_ state: WizardState) -> KeyHints {
        if state.isBusy { return .busy }
        switch state.step {
        case .login: return .login
        case .account, .region, .resourceGroup, .instance, .role: return .list
        case .serviceID: return state.serviceIDMatches != nil ? .serviceIDChoice : .serviceIDForm
        case .apiKey where state.reviewingPlan && state.apiKey == nil && !state.hasCreatedResources: return .planConfirm
        case .apiKey where state.reviewingPlan: return .retry
        case .apiKey: return .apiKeyForm
        case .token: return .retry
        case .done where state.usingOwnToken: return .doneOwnToken
        case .done: return .done
        }
    }

    /// The key help for the current screen, in the words of `strings`.
    public static func helpText(_ state: WizardState, strings: any Strings = English()) -> String {
        strings.screen(.keys(keyHints(state)))
    }

    static func utcTime(_ unix: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(unix)))
    }
}
