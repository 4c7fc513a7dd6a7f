import WizardCore

/// The screen renderer's own words: headings, intros, labels, counts and key hints that the
/// renderer writes itself (not the texts the wizard's state carries). Each language puts them into
/// words in ``Strings/screen(_:)``, an exhaustive `switch`, so a case without a string in some
/// language does not compile. Names, numbers and paths are passed as values; symbols (✓, ↻, …) are
/// drawn by the renderer from `frame.glyphs`, not written here.
public enum ScreenText: Sendable, Hashable {
    // MARK: Frame

    /// The title bar: "TokenWizard · IBM Cloud Key Protect bearer token".
    case titleBar
    /// The badge in the title bar while the built-in sandbox is used.
    case sandboxBadge
    /// The heading of the plan screen: "Review, then create".
    case planHeading
    /// The help bar while a help page is shown.
    case closeHelp
    /// The keys of the current screen, for the help bar.
    case keys(KeyHints)

    // MARK: Window too small

    /// First line of the "too small" screen.
    case makeWindowLarger
    /// The size every screen needs.
    case neededSize(columns: Int, rows: Int)
    /// The size the window has now.
    case currentSize(columns: Int, rows: Int)
    /// How to leave from there.
    case ctrlCQuits

    // MARK: Login

    /// Says the sandbox is an emulator on this machine.
    case sandboxIntro
    /// Custom endpoints: credentials go to `iam`, which is not IBM Cloud.
    case notIBMCloud(iam: String)
    /// Under ``notIBMCloud(iam:)``: the endpoints file that named it.
    case endpointsFile(path: String)
    /// Label of the sandbox's API key.
    case sandboxKeyLabel
    /// Label of the sandbox's passcode page.
    case sandboxPageLabel
    /// The name on a login tab.
    case loginTab(LoginMethod)
    /// Under the password tab: not for federated IDs.
    case passwordTabNote
    /// The API key field holds the key from `IBMCLOUD_API_KEY`.
    case apiKeyFromEnvironment
    /// What to paste in the API key field.
    case apiKeyPrompt
    /// What else the API key field takes.
    case alsoAccepted
    /// Passcode tab, step 1: open the page.
    case passcodeOpenPage
    /// Shown instead of the passcode page while it is looked up.
    case passcodePageLookingUp
    /// Ctrl-O opens the page in a local browser.
    case passcodeOpensInBrowser
    /// Ctrl-O shows the page as a QR code (no browser here).
    case passcodeShowsQRCode
    /// Passcode tab, step 2: paste the passcode.
    case passcodePaste
    /// What a pasted `ibmcloud login -c -r -g` line will choose.
    case loginTargets(account: String?, region: String?, group: String?)
    /// Under a secret field: how many characters it holds.
    case hiddenCharacters(Int)
    /// Above the summary of an earlier run that can be carried on.
    case resumeOffer

    // MARK: QR code

    /// Above the QR code of the passcode page.
    case qrHeading
    /// The QR code does not fit: the size it needs.
    case qrNeedsLargerWindow(columns: Int, rows: Int)
    /// The terminal cannot draw the QR code's block characters (its locale is not UTF-8).
    case qrNeedsUTF8
    /// The QR code does not fit: open the page by hand instead.
    case qrOpenInstead(page: String)
    /// Any key leaves the QR screen.
    case anyKeyReturns
    /// The help bar of the QR screen.
    case qrHelpBar

    // MARK: Lists

    /// The filter line of a list with no filter typed.
    case typeToFilter
    /// The filter line with `filter` typed.
    case filter(String)
    /// "13 of 30 accounts".
    case listCount(shown: Int, total: Int, of: ListKind)
    /// Rows below or above the visible part of a list.
    case moreRows(Int)
    /// The filter matches no row.
    case nothingMatches
    /// Above the regions: the chosen account.
    case regionIntro(account: String)
    /// Above the resource groups: the chosen region.
    case resourceGroupIntro(region: String)
    /// Above the instances: the chosen group and region.
    case instanceIntro(group: String, region: String)
    /// Above the choice between reusing a service ID and creating another.
    case serviceIDNotUnique
    /// Above the roles: whose access policy, on which instance (nil: not chosen).
    case roleIntro(serviceID: String, instance: String?)

    // MARK: Service ID and API key forms

    /// Above the service ID form.
    case serviceIDIntro
    /// Under the service ID form: Ctrl-O uses the user's own token.
    case ownTokenOffer
    /// Above the API key form.
    case apiKeyIntro
    /// The API key was saved at `path`.
    case apiKeySaved(path: String)
    /// The API key was created but is not saved yet.
    case apiKeyNotSavedYet

    // MARK: Plan

    /// Intro of the plan before anything is created.
    case planNothingYet
    /// Intro of the plan while it is carried out.
    case planCreating
    /// The label of one line of the plan.
    case planLabel(PlanItem)
    /// Above the equivalent commands.
    case planCommands
    /// Above the equivalent commands, once saved as a script at `path`.
    case planCommandsSaved(path: String)

    // MARK: Final screen

    /// The label of one line of the final screen.
    case doneLabel(DoneLabel)
    /// The identity line with the user's own token.
    case ownIdentity(iamID: String)
    /// The access line with the user's own token.
    case ownAccess(instance: String, region: String)
    /// The role line: `role` on `instance` in `region`.
    case roleOn(role: String, instance: String, region: String)
    /// When the token was issued (nil: unknown) and expires (times of day in UTC), and the seconds left.
    case issued(at: String?, expires: String, secondsLeft: Int)
    /// Where the token was saved.
    case savedToken(path: String)
    /// Where the API key was saved.
    case savedKey(path: String)
    /// After the masked token: its length, and how to show it.
    case tokenHidden(characters: Int)
    /// How to send the token, and the keys that copy the header and a curl.
    case useAsHeader
    /// How long the token lasts; `renewable` when `r` makes a new one from the saved key.
    case lasts(minutes: Int, renewable: Bool)
    /// The shown token did not fit: the rest is in the token file (nil: path unknown).
    case tokenContinues(path: String?)
    /// `k` test running.
    case testingToken
    /// `k` test passed: Key Protect listed `keys` keys.
    case testSucceeded(keys: Int)
    /// The clipboard is cleared in `seconds`, with the keys that clear or keep it.
    case clipboardCountdown(seconds: Int)

    // MARK: Waits

    /// After a 429: the failed call is sent again by itself in `seconds`.
    case automaticRetry(seconds: Int)
    /// Under the spinner: the call waits `seconds` before it is sent again.
    case busyRetry(seconds: Int)
}

/// The key hints of one kind of screen, for the help bar.
public enum KeyHints: Sendable, Hashable, CaseIterable {
    /// While a call runs.
    case busy
    /// The login screen.
    case login
    /// A list (account, region, group, instance, role).
    case list
    /// The choice between reusing a service ID and creating another.
    case serviceIDChoice
    /// The service ID form.
    case serviceIDForm
    /// The plan, before anything is created.
    case planConfirm
    /// After a failure that Enter retries.
    case retry
    /// The API key form.
    case apiKeyForm
    /// The final screen with the user's own token (no `r`).
    case doneOwnToken
    /// The final screen.
    case done
}

/// What a list holds, for its count ("13 of 30 accounts").
public enum ListKind: Sendable, Hashable, CaseIterable {
    /// The accounts the login can reach.
    case accounts
    /// Key Protect regions.
    case regions
    /// The account's resource groups.
    case resourceGroups
    /// Key Protect instances.
    case instances
    /// Reuse a service ID, or create another.
    case choices
    /// Key Protect roles.
    case roles
}

/// The lines of the plan, in order.
public enum PlanItem: Int, Sendable, Hashable, CaseIterable {
    /// The service ID created or reused.
    case serviceID
    /// The access policy giving it the role.
    case accessPolicy
    /// The API key created.
    case apiKey
    /// Where the key is saved.
    case keyFile
    /// Where the token is saved.
    case tokenFile
}

/// The labels of the final screen's lines.
public enum DoneLabel: Sendable, Hashable, CaseIterable {
    /// The account the token is for.
    case account
    /// Whose token it is (the user's own token).
    case identity
    /// What it may do (the user's own token).
    case access
    /// The service ID the token is for.
    case serviceID
    /// The service ID's role and instance.
    case role
    /// When it was issued and expires.
    case issued
    /// Where the token (and key) were saved.
    case saved
}

/// A help page behind `?`.
public enum HelpPage: Sendable, Hashable {
    /// The help of a step's screen.
    case step(Step)
    /// The plan, before anything is created.
    case plan
    /// The final screen with the user's own token.
    case ownToken
}
