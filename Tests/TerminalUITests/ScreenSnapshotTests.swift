import CloudCore
import TestSupport
import Testing
@testable import TerminalUI
@testable import WizardCore

@Suite("Screens at 80×24 and other sizes")
struct ScreenSnapshotTests {
    static let size = Size(columns: 80, rows: 24)

    static func state(_ edit: (inout WizardState) -> Void = { _ in }) -> WizardState {
        var state = WizardState(environment: WizardEnvironment(
            sandbox: SandboxHint(apiKey: "sandbox-user-apikey-0000000000000000000000000001", passcodePage: "http://127.0.0.1:4321/identity/passcode"),
            workingDirectory: "/home/u"))
        state.now = 1_800_000_000
        edit(&state)
        return state
    }

    @Test func loginScreenInTheSandbox() {
        let frame = ScreenRenderer.render(Self.state { $0.apiKeyField.insert("secret-value") }, size: Self.size)
        assertSnapshot(frame.plainText, named: "login-sandbox")
        #expect(!frame.plainText.contains("secret-value"), "a typed key is masked")
        #expect(frame.cursor != nil)
    }

    @Test func passcodeScreenWithAnError() {
        let state = Self.state {
            $0.loginMethod = .passcode
            $0.passcodePage = "http://127.0.0.1:4321/identity/passcode"
            $0.notice = Notice(kind: .error, message: .say(.passcodeNotAccepted),
                hint: .say(.passcodeNotAcceptedHint), problem: .server(service: .iam, status: 400, code: "BXNIM0400E", message: "bad passcode", requestID: ""))
        }
        assertSnapshot(ScreenRenderer.render(state, size: Self.size).plainText, named: "login-passcode-error")
    }

    @Test func loginAgainAfterTheSessionExpired() {
        var state = Self.state {
            $0.step = .role
            $0.account = Account(id: "aaaa", name: "Dev account")
            $0.resumeAfterLogin = ResumeAfterLogin(step: .role, call: .discoverOIDC, triedRefresh: true)
        }
        _ = Wizard.askToLogInAgain(in: &state)
        let text = ScreenRenderer.render(state, size: Self.size).plainText
        assertSnapshot(text, named: "login-session-expired")
        #expect(text.contains("Your IBM Cloud login has expired."))
        #expect(text.contains("carry on at “Key Protect role for the service ID”"))
    }

    @Test func planBeforeAnythingIsCreated() {
        let state = Self.state {
            $0.step = .apiKey
            $0.reviewingPlan = true
            $0.account = Account(id: "aaaa0000aaaa0000aaaa0000aaaa0000", name: "Dev account")
            $0.region = KeyProtectRegion.named("us-south")
            $0.resourceGroup = ResourceGroup(id: "rg-default", name: "Default", isDefault: true)
            $0.instance = KeyProtectInstance(guid: "1111-dallas", crn: "crn:v1:bluemix:public:kms:us-south:a/aaaa::1111-dallas::",
                name: "kp-dallas", regionID: "us-south", resourceGroupID: "rg-default", state: "active")
            $0.createsServiceID = true
            $0.serviceIDForm.fields[0].text = "token-wizard-kp-dallas"
            $0.serviceIDForm.fields[1].text = "Key Protect access to kp-dallas"
            $0.role = ServiceRole(displayName: "Reader", crn: "crn:v1:bluemix:public:iam::::serviceRole:Reader")
            $0.apiKeyForm.fields[0].text = "token-wizard-kp-dallas-key"
            $0.apiKeyForm.fields[1].text = "made by TokenWizard"
            $0.apiKeyForm.fields[2].text = "/home/u/token-wizard-kp-dallas-apikey.json"
            $0.apiKeyForm.fields[3].text = "/home/u/token.json"
        }
        let text = ScreenRenderer.render(state, size: Self.size).plainText
        assertSnapshot(text, named: "plan")
        #expect(text.contains("Nothing is created until you press Enter."))
        #expect(text.contains("ibmcloud iam service-id-create token-wizard-kp-dallas"))
        #expect(text.contains("Enter create all · s save as a script"))
        #expect(text.contains("/home/u/token-wizard-kp-dallas-apikey.json (0600)"))
        #expect(text.contains("curl -s https://us-south.kms.cloud.ibm.com/api/v2/keys"))
        let script = PlanScript.script(for: state)
        #expect(script.contains("ibmcloud login --apikey @YOUR_API_KEY_FILE -c aaaa0000aaaa0000aaaa0000aaaa0000 -r us-south -g Default"))
        #expect(script.contains("ibmcloud iam service-id-create token-wizard-kp-dallas -d 'Key Protect access to kp-dallas'"))
        #expect(script.contains("ibmcloud iam service-policy-create token-wizard-kp-dallas --roles Reader --service-name kms --service-instance 1111-dallas"))
        #expect(script.contains("--file /home/u/token-wizard-kp-dallas-apikey.json"))
        #expect(script.contains("https://us-south.kms.cloud.ibm.com/api/v2/keys"))
        #expect(PlanScript.quoted("it's") == #"'it'\''s'"#, "shell quoting survives quotes")
    }

    @Test func passcodePageOverSSHOffersAQRCode() {
        var state = Self.state {
            $0.loginMethod = .passcode
            $0.passcodePage = "http://127.0.0.1:4321/identity/passcode"
            $0.environment.browser = .remote
        }
        let tab = ScreenRenderer.render(state, size: Self.size).plainText
        assertSnapshot(tab, named: "login-passcode-ssh")
        #expect(tab.contains("Ctrl-O shows it as a QR code"))
        state.qrCode = ["█▀▀▀▀▀█ ▄ █▀▀▀▀▀█", "█ ███ █ ▀ █ ███ █", "▀▀▀▀▀▀▀ ▀ ▀▀▀▀▀▀▀"]
        state.showingQRCode = true
        let qr = ScreenRenderer.render(state, size: Self.size).plainText
        assertSnapshot(qr, named: "login-passcode-qr")
        #expect(qr.contains("Scan to open the passcode page"))
        #expect(qr.contains("█ ███ █ ▀ █ ███ █"))
        state.environment.browser = .local
        state.showingQRCode = false
        #expect(ScreenRenderer.render(state, size: Self.size).plainText.contains("Ctrl-O opens it in your browser."))
    }

    @Test func passwordTabWithASecondFactor() {
        let state = Self.state {
            $0.loginMethod = .password
            $0.passwordForm.fields[0].insert("mfa.user@example.com")
            $0.passwordForm.fields[1].insert("mfa-password")
            $0.needsSecurityCode = true
            $0.passwordForm.focus = 2
            $0.notice = Notice(kind: .warning, message: .say(.secondFactorNeeded),
                hint: .say(.secondFactorNeededHint))
        }
        let text = ScreenRenderer.render(state, size: Self.size).plainText
        assertSnapshot(text, named: "login-password-mfa")
        #expect(!text.contains("mfa-password"), "the password is masked")
        #expect(text.contains("Security code"))
        #expect(text.contains("mfa.user@example.com"))
    }

    @Test func loginOffersToCarryOnFromTheLastRun() throws {
        var last = Self.state {
            $0.step = .role
            $0.account = Account(id: "aaaa0000aaaa0000aaaa0000aaaa0000", name: "Dev account")
            $0.region = KeyProtectRegion.named("us-south")
            $0.instance = KeyProtectInstance(guid: "g", crn: "c", name: "kp-dallas", regionID: "us-south", resourceGroupID: "rg")
            $0.createsServiceID = true
        }
        last.serviceIDForm.fields[0].text = "token-wizard-kp-dallas"
        let checkpoint = try #require(Checkpoint(last, iam: "https://iam.cloud.ibm.com"))
        let state = Self.state { $0.pendingResume = checkpoint }
        let text = ScreenRenderer.render(state, size: Self.size).plainText
        assertSnapshot(text, named: "login-resume")
        #expect(text.contains("↻ Log in to carry on from the last run (Ctrl-N starts afresh):"))
        #expect(text.contains("Dev account · us-south · kp-dallas · service ID token-wizard-kp-dallas"))
    }

    @Test func accountListWithFilter() {
        let state = Self.state {
            $0.step = .account
            $0.accounts = (1...30).map { Account(id: String(format: "%032x", $0), name: "Account \($0)") }
            $0.accountPicker = Picker(rows: $0.accounts.map { PickerRow(id: $0.id, title: .verbatim($0.name), detail: .verbatim($0.id), searchText: $0.name) })
            $0.accountPicker.setFilter("2")
        }
        let frame = ScreenRenderer.render(state, size: Self.size)
        assertSnapshot(frame.plainText, named: "account-filtered")
        // Titles with "2" (2, 12, 20…29) plus account 18, whose hex ID ends in 12.
        #expect(frame.plainText.contains("13 of 30 accounts"))
    }

    @Test func busySpinner() {
        let state = Self.state {
            $0.inFlight = Request(id: RequestID(1), call: .discoverOIDC)
            $0.busyMessage = .say(.busy(.loggingInWithAPIKey))
            $0.spinnerPhase = 3
        }
        let frame = ScreenRenderer.render(state, size: Self.size)
        #expect(frame.plainText.contains("⠸ Logging in with the API key…"))
        #expect(frame.cursor == nil)
    }

    @Test func finalScreenMasksTheTokenUntilRevealed() {
        let token = IAMToken(accessToken: Secret("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"), refreshToken: nil,
            tokenType: "Bearer", expiresIn: 3600, expiration: 1_800_003_000,
            claims: TokenClaims(iamID: "iam-ServiceId-9", subject: "ServiceId-9", subjectType: "ServiceId",
                accountID: "aaaa0000aaaa0000aaaa0000aaaa0000", issuedAt: 1_799_999_400, expiresAt: 1_800_003_000),
            rawResponse: Secret("{}"))
        var state = Self.state {
            $0.step = .done
            $0.token = token
            $0.account = Account(id: "aaaa0000aaaa0000aaaa0000aaaa0000", name: "Sandbox Development")
            $0.serviceID = ServiceID(id: "ServiceId-9", iamID: "iam-ServiceId-9", name: "token-wizard-kp")
            $0.role = ServiceRole(displayName: "Reader", crn: "x")
            $0.instance = KeyProtectInstance(guid: "g", crn: "c", name: "kp-dallas", regionID: "us-south", resourceGroupID: "rg")
            $0.region = KeyProtectRegion.named("us-south")
            $0.tokenSavedPath = "/home/u/token.json"
            $0.apiKeySavedPath = "/home/u/key.json"
        }
        let masked = ScreenRenderer.render(state, size: Self.size).plainText
        assertSnapshot(masked, named: "done-masked")
        #expect(!masked.contains("eyJhbGci"))
        #expect(masked.contains("50 min 0 s left"))
        #expect(masked.contains("Issued:     2027-01-15 07:50:00 UTC · expires 08:50:00 · 50 min 0 s left"))
        var copied = state
        copied.clipboardStatus = .say(.copied(.bareToken, method: "OSC 52"))
        copied.clipboardClearAt = state.now + 42
        let countdown = ScreenRenderer.render(copied, size: Self.size).plainText
        assertSnapshot(countdown, named: "done-clipboard-countdown")
        #expect(countdown.contains("The clipboard is cleared in 42 s · x clears it now"))
        state.tokenRevealed = true
        let shown = ScreenRenderer.render(state, size: Self.size).plainText
        #expect(shown.contains("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"))
    }

    @Test func tooSmallTerminal() {
        let frame = ScreenRenderer.render(Self.state(), size: Size(columns: 60, rows: 20))
        #expect(frame.line(0) == "Make the window larger.")
        #expect(frame.plainText.contains("this one is 60×20"))
    }

    @Test func everyStepFitsAndKeepsTheHelpBarAtLargerSizes() {
        for step in Step.allCases {
            for size in [Self.size, Size(columns: 120, rows: 40)] {
                let frame = ScreenRenderer.render(Self.state { $0.step = step }, size: size)
                #expect(frame.line(size.rows - 1).contains("quit") || step == .done, "help bar on \(step)")
                #expect(frame.line(1).contains("Log in"), "step rail on \(step)")
            }
        }
    }

    @Test func serverTextCannotInjectEscapes() {
        let state = Self.state {
            $0.notice = Notice(kind: .error, message: .verbatim("evil \u{1B}]52;c;ZXZpbA==\u{07}name\u{1B}[2J\u{9B}31m done"))
        }
        let frame = ScreenRenderer.render(state, size: Self.size)
        let text = frame.plainText
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(text.contains("evil name"))
    }

    @Test func wideCharactersTakeTwoColumns() {
        var frame = Frame(size: Size(columns: 10, rows: 1))
        let end = frame.put("키보드ab", column: 0, row: 0)
        #expect(end == 8)
        #expect(frame.line(0) == "키보드ab")
        var clipped = Frame(size: Size(columns: 5, rows: 1))
        clipped.put("키보드", column: 0, row: 0)
        #expect(clipped.line(0) == "키보", "a wide character that does not fit is not half-drawn")
    }
}

@Suite struct ScreenHelpTests {
    /// Each help page is shown whole at 80×24 in both languages: its paragraphs wrap, none is cut.
    @Test func everyHelpPageFitsEightyColumns() {
        for strings in [English() as any Strings, Korean()] {
            for step in Step.allCases {
                var state = WizardState(environment: WizardEnvironment(workingDirectory: "/"))
                state.step = step
                state.showingHelp = true
                let frame = ScreenRenderer.render(state, size: Size(columns: 80, rows: 24), strings: strings)
                assertFits(frame)
                let page = ScreenHelp.lines(for: step, strings: strings)
                #expect(frame.line(5).contains(page[0]))
                #expect(!frame.plainText.contains("…"), "no paragraph is cut on \(step)")
                let words = page.joined(separator: " ").split(separator: " ")
                let shown = frame.plainText.split(whereSeparator: { $0 == " " || $0 == "\n" })
                #expect(words.allSatisfy { shown.contains($0) }, "every word of \(step)'s page is shown")
                #expect(frame.line(23).contains(strings.screen(.closeHelp)))
            }
        }
    }
}
