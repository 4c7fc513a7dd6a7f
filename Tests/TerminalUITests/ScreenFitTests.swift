import CloudCore
import TestSupport
import Testing
@testable import TerminalUI
@testable import WizardCore

/// Every screen and overlay, in both languages, at 80×24 and 120×40, with long, Korean and hostile
/// names and long paths: nothing may be clipped silently, drawn over other text, or end at the
/// right edge without "…".
@Suite("Every screen fits")
struct ScreenFitTests {
    static let sizes = [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)]
    static let languages: [any Strings] = [English(), Korean()]

    /// Names to draw: long English, Korean (two columns a syllable), escape sequences and zero-width
    /// characters, and 300 characters.
    static let names = [
        "Production account for the payments platform team in Frankfurt and Dallas (shared with audit)",
        "키 관리 서비스 운영팀 개발 계정",
        "evil\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}name\u{200B}\u{FEFF}\u{202E}gnp.exe\u{9B}31m done",
        String(repeating: "abcdefghij", count: 30),
    ]

    static func path(_ name: String) -> String {
        "/home/u/" + String(repeating: "a-rather-long-directory-name/", count: 6) + name.prefix(20) + "-apikey.json"
    }

    static let token = IAMToken(accessToken: Secret(String(repeating: "eyJhbGciOiJSUzI1NiJ9.", count: 60)), refreshToken: nil,
        tokenType: "Bearer", expiresIn: 3600, expiration: 1_800_003_000,
        claims: TokenClaims(iamID: "iam-ServiceId-9", subject: "ServiceId-9", subjectType: "ServiceId",
            accountID: "aaaa0000aaaa0000aaaa0000aaaa0000", issuedAt: 1_799_999_400, expiresAt: 1_800_003_000),
        rawResponse: Secret("{}"))

    static let problem = CloudError.server(service: .keyProtect, status: 403, code: "FORBIDDEN",
        message: "The user does not have access to list keys in this instance of Key Protect (policy not yet in effect)", requestID: "r-1")

    static func notice(_ kind: Notice.Kind, _ name: String, problem: CloudError? = nil) -> Notice {
        Notice(kind: kind, message: .joined([.say(.loginForOtherAccount(tokenAccount: name, account: name)), .verbatim(name)]),
               hint: .joined([.say(.loginForOtherAccountHint(account: name)), .say(.managerWarningHint)]), problem: problem)
    }

    /// A state with everything chosen, for the later screens.
    static func chosen(_ name: String, _ edit: (inout WizardState) -> Void = { _ in }) -> WizardState {
        ScreenSnapshotTests.state {
            $0.account = Account(id: "aaaa0000aaaa0000aaaa0000aaaa0000", name: name)
            $0.region = KeyProtectRegion.named("us-south")
            $0.resourceGroup = ResourceGroup(id: "rg-default", name: name, isDefault: true)
            $0.instance = KeyProtectInstance(guid: "1111-dallas", crn: "crn:v1:bluemix:public:kms:us-south:a/aaaa::1111-dallas::",
                name: name, regionID: "us-south", resourceGroupID: "rg-default", state: "active")
            $0.createsServiceID = true
            $0.serviceIDForm.fields[0].text = String(name.prefix(100))
            $0.serviceIDForm.fields[1].text = "Key Protect access to \(name)"
            $0.role = ServiceRole(displayName: "Manager", crn: "crn:v1:bluemix:public:iam::::serviceRole:Manager")
            $0.apiKeyForm.fields[0].text = String(name.prefix(100))
            $0.apiKeyForm.fields[1].text = "made by TokenWizard for \(name)"
            $0.apiKeyForm.fields[2].text = path(name)
            $0.apiKeyForm.fields[3].text = path(name) + "-token.json"
            edit(&$0)
        }
    }

    static func picker(_ name: String, count: Int = 40) -> Picker {
        Picker(rows: (1...count).map {
            PickerRow(id: "id-\($0)", title: .verbatim("\(name) \($0)"),
                      detail: .verbatim("\(name) · \(String(repeating: "detail ", count: 8))"), searchText: "\(name) \($0)")
        })
    }

    static func done(_ name: String, _ edit: (inout WizardState) -> Void = { _ in }) -> WizardState {
        chosen(name) {
            $0.step = .done
            $0.token = token
            $0.serviceID = ServiceID(id: "ServiceId-9", iamID: "iam-ServiceId-9", name: name)
            $0.tokenSavedPath = path(name) + "-token.json"
            $0.apiKeySavedPath = path(name)
            edit(&$0)
        }
    }

    /// Every screen, named, for `name`.
    static func screens(_ name: String) throws -> [(String, WizardState)] {
        var list: [(String, WizardState)] = []
        func add(_ title: String, _ state: WizardState) { list.append((title, state)) }

        // Login, each tab.
        add("login api key", ScreenSnapshotTests.state { $0.apiKeyField.insert("secret-value-0123456789") })
        add("login line", ScreenSnapshotTests.state {
            _ = $0.apiKeyField.paste("ibmcloud login --apikey key-0123456789abcdef -c \(name) -r eu-de -g \(name)")
        })
        add("login invisible", ScreenSnapshotTests.state { $0.apiKeyField.insert("secret\u{200B}value-0123456789") })
        add("login passcode ssh", ScreenSnapshotTests.state {
            $0.loginMethod = .passcode
            $0.passcodePage = "https://identity-3.us-south.iam.cloud.ibm.com/identity/passcode/" + String(repeating: "x", count: 90)
            $0.environment.browser = .remote
            $0.notice = notice(.error, name, problem: problem)
        })
        add("login passcode local", ScreenSnapshotTests.state {
            $0.loginMethod = .passcode
            $0.passcodePage = "http://127.0.0.1:4321/identity/passcode"
            $0.environment.browser = .local
            $0.passcodeField.insert("abcdef")
        })
        add("login passcode lookup", ScreenSnapshotTests.state { $0.loginMethod = .passcode })
        add("login password mfa", ScreenSnapshotTests.state {
            $0.loginMethod = .password
            $0.passwordForm.fields[0].insert(String(name.prefix(200)))
            $0.passwordForm.fields[1].insert("mfa-password")
            $0.needsSecurityCode = true
            $0.passwordForm.focus = 2
            $0.notice = notice(.warning, name)
        })
        var warned = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u",
            endpointWarning: EndpointWarning(iam: "https://iam.\(name).example.com", file: path(name) + "/endpoints.json")))
        warned.now = 1_800_000_000
        add("login endpoint warning", warned)
        var env = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u", apiKeyFromEnvironment: Secret("env-secret-0123456789")))
        env.now = 1_800_000_000
        add("login env key", env)
        var last = chosen(name) { $0.step = .role }
        last.serviceIDForm.fields[0].text = String(name.prefix(100))
        let checkpoint = try #require(Checkpoint(last, iam: "https://iam.cloud.ibm.com"))
        add("login resume", ScreenSnapshotTests.state { $0.pendingResume = checkpoint; $0.notice = notice(.info, name) })

        // Lists.
        add("accounts", ScreenSnapshotTests.state { $0.step = .account; $0.accountPicker = picker(name); $0.autoChoiceNote = .say(.onlyOneAccount(account: name)) })
        add("accounts filtered", ScreenSnapshotTests.state {
            $0.step = .account; $0.accountPicker = picker(name); $0.accountPicker.setFilter("1")
        })
        add("accounts nothing matches", ScreenSnapshotTests.state {
            $0.step = .account; $0.accountPicker = picker(name); $0.accountPicker.setFilter("zzzz-no-match")
        })
        add("regions", chosen(name) { $0.step = .region; $0.regionPicker = picker(name, count: 12) })
        add("groups", chosen(name) { $0.step = .resourceGroup; $0.resourceGroupPicker = picker(name, count: 3) })
        add("instances", chosen(name) {
            $0.step = .instance; $0.instancePicker = picker(name, count: 60)
            $0.autoChoiceNote = .joined([.say(.onlyOneAccount(account: name)), .say(.onlyOneResourceGroup(group: name)),
                                         .say(.onlyOneInstance(group: name, instance: name))])
        })
        add("service ID choice", chosen(name) {
            $0.step = .serviceID
            $0.serviceIDMatches = [ServiceID(id: "ServiceId-1", iamID: "iam-1", name: name)]
            $0.serviceIDChoice = picker(name, count: 3)
        })
        add("service ID form", chosen(name) { $0.step = .serviceID; $0.autoChoiceNote = .say(.onlyOneInstance(group: name, instance: name)) })
        add("roles manager", chosen(name) {
            $0.step = .role; $0.rolePicker = picker(name, count: 5); $0.managerConfirmationPending = true
            $0.notice = Notice(kind: .warning, message: .say(.managerWarning), hint: .say(.managerWarningHint))
        })
        add("api key form", chosen(name) { $0.step = .apiKey; $0.apiKeyForm.focus = 2 })
        add("api key saved", chosen(name) { $0.step = .apiKey; $0.apiKeySavedPath = path(name) })
        add("api key not saved", chosen(name) {
            $0.step = .apiKey
            $0.apiKey = ServiceAPIKey(id: "ApiKey-1", name: name, description: "", apiKey: Secret("v"), iamID: "iam-9", accountID: "a")
        })

        // Plan.
        add("plan", chosen(name) { $0.step = .apiKey; $0.reviewingPlan = true })
        add("plan creating", chosen(name) {
            $0.step = .apiKey; $0.reviewingPlan = true
            $0.serviceID = ServiceID(id: "ServiceId-9", iamID: "iam-ServiceId-9", name: name)
            $0.serviceIDWasCreated = true; $0.policyInPlace = true
            $0.planScriptPath = path(name) + ".sh"
            $0.inFlight = Request(id: RequestID(1), call: .discoverOIDC)
            $0.busyMessage = .say(.busy(.switchingAccount(name: name)))
            $0.retryingAt = $0.now + 8
        })
        add("plan 429", chosen(name) {
            $0.step = .apiKey; $0.reviewingPlan = true
            $0.serviceID = ServiceID(id: "ServiceId-9", iamID: "iam-ServiceId-9", name: name)
            $0.serviceIDWasCreated = true; $0.policyInPlace = true
            $0.failedRequest = Request(id: RequestID(7), call: .discoverOIDC)
            $0.notice = notice(.warning, name)
            $0.automaticRetryAt = $0.now + 26.4
        })
        add("token", chosen(name) { $0.step = .token; $0.apiKeySavedPath = path(name) })

        // Final screen.
        add("done", done(name))
        add("done own token", done(name) { $0.usingOwnToken = true; $0.serviceID = nil; $0.apiKeySavedPath = nil })
        add("done test running", done(name) { $0.keyProtectTest = KeyProtectTest(outcome: .running, attempts: 1) })
        add("done test ok", done(name) { $0.keyProtectTest = KeyProtectTest(outcome: .succeeded(keyCount: 3), attempts: 1) })
        add("done test failed", done(name) {
            $0.keyProtectTest = KeyProtectTest(outcome: .failed(message: .joined([.say(.managerWarning), .verbatim(name)]),
                waitingForPolicy: false, problem: problem), attempts: 1)
        })
        add("done test retrying", done(name) {
            $0.keyProtectTest = KeyProtectTest(outcome: .failed(message: .say(.managerWarning),
                waitingForPolicy: true, problem: problem), attempts: 2, retryAt: $0.now + 5)
        })
        add("done clipboard", done(name) {
            $0.clipboardStatus = .say(.copied(.bareToken, method: name))
            $0.clipboardClearAt = $0.now + 42
            $0.notice = notice(.info, name)
        })
        add("done revealed, tested, copied", done(name) {
            $0.tokenRevealed = true
            $0.keyProtectTest = KeyProtectTest(outcome: .succeeded(keyCount: 3), attempts: 1)
            $0.clipboardStatus = .say(.copied(.bareToken, method: "OSC 52"))
            $0.clipboardClearAt = $0.now + 42
        })
        add("done refreshing", done(name) {
            $0.inFlight = Request(id: RequestID(1), call: .discoverOIDC)
            $0.busyMessage = .say(.busy(.loggingIn))
            $0.clipboardStatus = .say(.clipboardKept)
            $0.clipboardClearAt = $0.now + 3
            $0.notice = notice(.error, name, problem: problem)
        })

        // Help of each step, the plan and the own token.
        for step in Step.allCases {
            add("help \(step)", done(name) { $0.step = step; $0.showingHelp = true; $0.token = step == .done ? token : nil })
        }
        add("help plan", chosen(name) { $0.step = .apiKey; $0.reviewingPlan = true; $0.showingHelp = true })
        add("help own token", done(name) { $0.usingOwnToken = true; $0.showingHelp = true })

        // QR code, fitting and not.
        let qr = ["█▀▀▀▀▀█ ▄ █▀▀▀▀▀█", "█ ███ █ ▀ █ ███ █", "▀▀▀▀▀▀▀ ▀ ▀▀▀▀▀▀▀"]
        add("qr", ScreenSnapshotTests.state {
            $0.loginMethod = .passcode; $0.passcodePage = "https://identity-3.us-south.iam.cloud.ibm.com/identity/passcode/\(name)"
            $0.qrCode = qr; $0.showingQRCode = true
        })
        add("qr too large", ScreenSnapshotTests.state {
            $0.loginMethod = .passcode; $0.passcodePage = "https://identity-3.us-south.iam.cloud.ibm.com/identity/passcode/\(name)"
            $0.qrCode = Array(repeating: String(repeating: "█", count: 150), count: 60); $0.showingQRCode = true
        })
        return list
    }

    @Test(arguments: 0..<4)
    func everyScreenFitsInBothLanguages(nameIndex: Int) throws {
        let name = Self.names[nameIndex]
        for (title, state) in try Self.screens(name) {
            for strings in Self.languages {
                for size in Self.sizes {
                    for asciiOnly in [false, true] {
                        let frame = ScreenRenderer.render(state, size: size, strings: strings, asciiOnly: asciiOnly)
                        let problems = fitProblems(frame)
                        #expect(problems.isEmpty,
                            "\(title) · \(strings.language) · \(size.columns)×\(size.rows)\(asciiOnly ? " · ASCII" : ""):\n\(problems.joined(separator: "\n"))\n\(frame.plainText)")
                        if asciiOnly {
                            #expect(frame.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) }, "\(title): ASCII only")
                        }
                    }
                }
            }
        }
    }

    @Test func theTooSmallScreenFits() {
        for strings in Self.languages {
            for size in [Size(columns: 60, rows: 20), Size(columns: 79, rows: 24), Size(columns: 30, rows: 3)] {
                let frame = ScreenRenderer.render(ScreenSnapshotTests.state(), size: size, strings: strings)
                assertFits(frame)
                #expect(frame.line(0).hasPrefix(String(strings.screen(.makeWindowLarger).prefix(5))))
            }
        }
    }

    /// The help bar of every screen is shown whole at 80 columns, in both languages: no key hint is cut.
    @Test func keyHintsAreNeverCut() {
        for strings in Self.languages {
            for hints in KeyHints.allCases {
                let text = strings.screen(.keys(hints))
                #expect(DisplayWidth.of(text) <= 78, "\(strings.language) \(hints): \(DisplayWidth.of(text)) columns")
            }
        }
    }

    /// The defect: after `k` showed its result, `v` drew the token over it
    /// ("…3 keys listed.1/token.json; copy with c)"). The token, the test result and the clipboard
    /// lines now have rows of their own.
    @Test func theShownTokenNeverCoversTheTestResultOrTheClipboard() {
        for strings in Self.languages {
            for size in Self.sizes {
                let state = Self.done("Dev account") {
                    $0.tokenSavedPath = "/home/u/token.json"
                    $0.tokenRevealed = true
                    $0.keyProtectTest = KeyProtectTest(outcome: .succeeded(keyCount: 3), attempts: 1)
                    $0.clipboardStatus = .say(.copied(.bareToken, method: "OSC 52"))
                    $0.clipboardClearAt = $0.now + 42
                }
                let frame = ScreenRenderer.render(state, size: size, strings: strings)
                #expect(frame.overlaps.isEmpty, "\(frame.overlaps)")
                assertFits(frame)
                let lines = (0..<size.rows).map(frame.line)
                let succeeded = strings.screen(.testSucceeded(keys: 3))
                let testRow = lines.firstIndex { $0.contains(succeeded) }
                let continuesRow = lines.firstIndex { $0.contains("/home/u/token.json") && !$0.contains(strings.screen(.doneLabel(.saved))) }
                let copied = strings.text(.say(.copied(.bareToken, method: "OSC 52")))
                let clipboardRow = lines.firstIndex { $0.contains(copied) }
                let countdownRow = lines.firstIndex { $0.contains(strings.screen(.clipboardCountdown(seconds: 42))) }
                let tokenRows = lines.indices.filter { lines[$0].contains("eyJhbGciOiJSUzI1NiJ9") }
                // At 80×24 the token needs more rows than there are: the last one says where the rest is.
                #expect(testRow != nil && (continuesRow != nil || size.rows > 24) && clipboardRow != nil && countdownRow != nil
                        && !tokenRows.isEmpty,
                        "\(frame.plainText)")
                let rows = [testRow, continuesRow, clipboardRow, countdownRow].compactMap { $0 } + tokenRows
                #expect(Set(rows).count == rows.count, "each on its own row:\n\(frame.plainText)")
                #expect(lines[testRow ?? 0].hasSuffix(succeeded), "the test result is whole")
            }
        }
    }

    /// An ASCII-only terminal cannot draw the QR code's blocks: it gets the page's address instead of "?"s.
    @Test func anASCIITerminalGetsTheAddressInsteadOfTheQRCode() {
        let state = ScreenSnapshotTests.state {
            $0.loginMethod = .passcode; $0.passcodePage = "https://identity-3.us-south.iam.cloud.ibm.com/identity/passcode"
            $0.qrCode = ["█▀▀▀▀▀█ ▄ █▀▀▀▀▀█", "█ ███ █ ▀ █ ███ █"]; $0.showingQRCode = true
        }
        for strings in Self.languages {
            let frame = ScreenRenderer.render(state, size: Size(columns: 80, rows: 24), strings: strings, asciiOnly: true)
            // Hangul cannot be drawn in ASCII either (the launcher draws English there); the address can.
            if strings.language == .english { #expect(!frame.plainText.contains("?"), "\(frame.plainText)") }
            #expect(frame.plainText.contains("https://identity-3.us-south.iam.cloud.ibm.com/identity/passcode"))
            let unicode = ScreenRenderer.render(state, size: Size(columns: 80, rows: 24), strings: strings)
            #expect(unicode.plainText.contains("█ ███ █ ▀ █ ███ █"))
        }
    }

    /// Text that overlaps is found: the fit assertion is not blind to it.
    @Test func overlapsAreRecorded() {
        var frame = Frame(size: Size(columns: 20, rows: 1))
        frame.put("3 keys listed.", column: 0, row: 0)
        frame.put("token.json", column: 5, row: 0)
        #expect(frame.overlaps.count == 1)
        #expect(!fitProblems(frame).isEmpty)
        var clean = Frame(size: Size(columns: 20, rows: 1))
        clean.put("ab", column: 0, row: 0)
        clean.put("  cd", column: 0, row: 0)
        #expect(clean.overlaps.isEmpty, "spaces over text, and text over spaces, are not overlaps")
        var wide = Frame(size: Size(columns: 20, rows: 1))
        wide.put("키", column: 0, row: 0)
        wide.put("x", column: 1, row: 0)
        #expect(wide.overlaps.count == 1, "the second half of a wide character counts")
    }
}
