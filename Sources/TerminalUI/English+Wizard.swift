import CloudCore
import WizardCore

extension English {
    public func stepTitle(_ step: Step) -> String {
        switch step {
        case .login: "Log in to IBM Cloud"
        case .account: "Choose the account"
        case .region: "Choose the region"
        case .resourceGroup: "Choose the resource group"
        case .instance: "Choose the Key Protect instance"
        case .serviceID: "Service ID"
        case .role: "Key Protect role for the service ID"
        case .apiKey: "Service ID API key"
        case .token: "IAM access token"
        case .done: "Your Key Protect bearer token"
        }
    }

    public func railLabel(_ step: Step) -> String {
        switch step {
        case .login: "Log in"
        case .account: "Account"
        case .region: "Region"
        case .resourceGroup: "Group"
        case .instance: "Instance"
        case .serviceID: "Service ID"
        case .role: "Role"
        case .apiKey: "API key"
        case .token: "Token"
        case .done: "Done"
        }
    }

    public func fieldLabel(_ label: FieldLabel) -> String {
        switch label {
        case .apiKey: "API key"
        case .passcode: "One-time passcode"
        case .ibmid: "IBMid"
        case .password: "Password"
        case .securityCode: "Security code"
        case .name: "Name"
        case .description: "Description"
        case .keyPath: "Save key to"
        case .tokenPath: "Save token to"
        }
    }

    public var descriptionTemplate: String { "Key Protect access to {instance}, made by TokenWizard" }

    public var planComments: PlanScript.Comments { .english }

    public func resumeSummary(_ s: ResumeSummary) -> String {
        ([s.account, s.region, s.instance, s.serviceID.map { "service ID \($0)" }, s.role, s.keySaved ? "API key saved" : nil]
            .compactMap { $0 }).joined(separator: " · ")
    }

    func created(_ things: [CreatedThing]) -> String {
        things.map { thing -> String in
            switch thing {
            case .serviceID(let name): "service ID \(name)"
            case .accessPolicy: "its access policy"
            case .apiKey(let name): name.map { "API key \($0)" } ?? "the API key"
            }
        }.joined(separator: ", ")
    }

    func copyTarget(_ target: CopyTarget) -> String {
        switch target {
        case .bearer: "“Bearer <token>”"
        case .bareToken: "the bare token"
        case .headerLine: "the Authorization header line"
        case .curlLine: "a curl line for Key Protect list keys"
        }
    }

    func named(_ thing: NamedThing) -> String {
        switch thing {
        case .serviceID: "service ID"
        case .apiKey: "API key"
        }
    }

    func wait(_ seconds: Int) -> String {
        if seconds < 120 { return "\(seconds) s" }
        if seconds < 7200 { return "\((seconds + 59) / 60) min" }
        return "\((seconds + 3599) / 3600) h"
    }

    public func busy(_ reason: BusyReason) -> String {
        switch reason {
        case .findingPasscodePage: "Finding the passcode page…"
        case .openingBrowser: "Opening the passcode page in your browser…"
        case .drawingQRCode: "Drawing the QR code…"
        case .loggingIn: "Logging in…"
        case .loggingInWithAPIKey: "Logging in with the API key…"
        case .loggingInWithPasscode: "Logging in with the passcode…"
        case .loggingInWithIBMid: "Logging in with your IBMid…"
        case .loggingInWithKeyFile: "Logging in with the API key from the file…"
        case .readingKeyFile: "Reading the API key file…"
        case .readingSavedKey: "Reading the API key saved by the last run…"
        case .checkingSavePaths: "Checking where the key and token will be saved…"
        case .switchingAccount(let name): name.map { "Switching to \($0)…" } ?? "Switching to the account…"
        case .loadingAccounts: "Loading accounts…"
        case .loadingInstances: "Loading Key Protect instances…"
        case .loadingResourceGroups: "Loading resource groups…"
        case .lookingForServiceIDs(let name): name.map { "Looking for service IDs named \($0)…" } ?? "Looking for service IDs with this name…"
        case .creatingServiceID: "Creating the service ID…"
        case .loadingRoles: "Loading Key Protect roles…"
        case .grantingRole(let role): role.map { "Giving the service ID the \($0) role…" } ?? "Giving the service ID its access policy…"
        case .creatingAPIKey: "Creating the API key…"
        case .checkingAPIKeys: "Checking the service ID's API keys…"
        case .deletingLostAPIKey: "The API key was created but its answer was lost; deleting it…"
        case .deletingCreated: "Deleting what was created…"
        case .savingAPIKey: "Saving the API key…"
        case .exchangingAPIKey: "Exchanging the API key for an IAM access token…"
        case .exchangingSavedKey: "Exchanging the saved API key for an IAM access token…"
        case .savingToken: "Saving the token…"
        case .savingOwnToken: "Saving your own token…"
        case .savingScript: "Saving the commands…"
        case .testingToken(let attempt): attempt <= 1 ? "Testing the token: Key Protect list keys…" : "Testing again (attempt \(attempt))…"
        case .renewingSession: "Your login expired; renewing it…"
        case .checkingLostServiceID: "Checking whether the service ID was created…"
        case .checkingLostAPIKey: "Checking whether the API key was created…"
        case .refreshingToken: "Getting a new token from the saved API key…"
        case .finishingKeySave: "Finishing: the API key is on its way; it will be saved, then TokenWizard quits."
        }
    }

    func pathReason(_ path: String, _ reason: PathReason) -> String {
        switch reason {
        case .sameFile: "The key and the token need different files."
        case .exists: "\(path) already exists and is never overwritten."
        case .isFolder: "\(path) is a folder."
        case .notAnEarlierTokenFile: "\(path) exists and is not an earlier token file; it is not replaced."
        case .danglingLink(let target): "\(path) is a symbolic link to \(target), which does not exist; it is not followed."
        case .folderIsAFile(let folder): "\(folder) is a file, not a folder."
        case .folderNotWritable(let folder): "Cannot write in \(folder) (permission denied or read-only)."
        }
    }

    func resumeProblem(_ problem: ResumeProblem) -> String {
        switch problem {
        case .otherAccount(let last, let now): "the last run was in account \(last); this API key is for \(now)."
        case .accountNotVisible(let account): "this login cannot see account \(account)."
        case .regionNotOffered(let region): "region \(region) is not offered."
        case .resourceGroupGone: "the resource group is gone."
        case .instanceGone(let name): "the Key Protect instance \(name) is gone."
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    public func phrase(_ phrase: Phrase) -> String {
        switch phrase {
        case .busy(let reason): busy(reason)
        case .cancelled: "Cancelled."
        case .pressEnterToRetryOrEsc: "Press Enter to try again, or Esc to go back."
        case .pressEnterToRetry: "Press Enter to try again."
        case .loginMayHaveExpired: "Your login may have expired. Press Enter to try again; if it fails again, quit and log in again."
        case .requestID(let id): "(request ID \(id))"
        case .unexpectedAnswer(let reason): "Unexpected answer to \(busy(reason))"

        case .enterAPIKeyFirst: "Enter an API key first."
        case .enterAPIKeyFirstHint: "Paste it, or Tab to log in with a one-time passcode instead."
        case .enterPasscodeFirst: "Enter the one-time passcode first."
        case .enterPasscodeFirstHint: "Open the passcode page, log in, and paste the code it shows."
        case .enterIBMidFirst: "Enter your IBMid (the e-mail you log in with) first."
        case .enterPassword: "Enter the password."
        case .enterSecurityCode: "Enter the security code from your authenticator app."
        case .fixItAndPressEnter: "Fix it and press Enter."
        case .recognisedAPIKey(let n): "Recognised: an API key (\(n) characters)"
        case .recognisedPasscode(let n): "Recognised: a one-time passcode (\(n) characters)"
        case .recognisedKeyFile(let path): "Recognised: an API key file, \(path)"
        case .notRecognisedHasSpaces: "Not recognised: a key or passcode has no spaces inside."
        case .ssoLineNeedsPasscodePage: "That is the SSO login: open the passcode page (Tab) and paste the code it shows."
        case .loginLineWithoutCredentials: "This ibmcloud line has no API key or passcode in it."
        case .invisibleRemoved(let count, let codes):
            count == 1
                ? "1 invisible character (\(codes.joined(separator: ", "))) removed; it is not sent."
                : "\(count) invisible characters (\(codes.joined(separator: ", "))) removed; they are not sent."
        case .pasteTooLong(let pasted, let existing, let limit):
            existing == 0 || pasted > limit
                ? "The paste was \(pasted) characters, more than the \(limit) this field takes; nothing was pasted."
                : "The paste was \(pasted) characters; with the \(existing) already here that is more than the \(limit) this field takes, so nothing was pasted."
        case .pasteTooLongHint: "The field keeps what it had. Paste only the key, passcode or path."
        case .apiKeyNotAccepted: "IAM did not accept this API key."
        case .apiKeyNotAcceptedHint: "Check the key (create one with `ibmcloud iam api-key-create`), fix it and press Enter."
        case .federatedIBMid: "This IBMid is federated: it logs in through your company's SSO."
        case .federatedIBMidHint: "Tab to “SSO: one-time passcode” (or use an API key)."
        case .secondFactorNeeded: "Your account needs a second factor."
        case .secondFactorNeededHint: "Type the code from your authenticator app in Security code and press Enter."
        case .ibmidNotAccepted: "IAM did not accept this IBMid and password."
        case .ibmidNotAcceptedHint: "Check them and press Enter. Federated (company) IDs log in with SSO instead."
        case .passcodeNotAccepted: "IAM did not accept this passcode."
        case .passcodeNotAcceptedHint: "Passcodes work once and expire quickly: get a new one from the passcode page and press Enter."
        case .passcodePageOpening: "The passcode page is opening in your browser."
        case .passcodePageOpeningHint: "Log in there, then paste the one-time passcode here."
        case .couldNotOpenBrowser(let detail): "Could not open a browser: \(detail)"
        case .couldNotDrawQRCode(let detail): "Could not draw a QR code: \(detail)"
        case .openPageAnywhereHint: "Open the page in any browser, on any device, and paste the passcode here."
        case .couldNotReadKeyFile(let path, let detail): "Could not read \(path): \(detail)"
        case .couldNotReadKeyFileHint: "Give the path of an API key JSON file, or paste the key itself."
        case .couldNotUseSavedKey(let path, let detail): "Could not use the API key the last run saved at \(path): \(detail)"
        case .couldNotUseSavedKeyHint: "Check the form and press Enter: the plan comes first, then a new key is created."
        case .startingAfresh: "Starting afresh: the last run's choices are not used."
        case .loginForOtherAccount(let tokenAccount, let account): "This login is for account \(tokenAccount), not \(account) where your choices were made."
        case .loginForOtherAccountHint(let account): "Log in with an API key of \(account), or use a one-time passcode."
        case .tokenForOtherAccount(let tokenAccount, let account): "IAM returned a token for account \(tokenAccount), not \(account)."
        case .chooseAccountAgainHint: "Choose the account again, or Esc to go back."
        case .sessionExpired: "Your IBM Cloud login has expired."
        case .sessionExpiredHint(let step):
            "Log in again to carry on at “\(step.map(stepTitle) ?? "the same step")”; everything you chose is kept."
        case .loggedInAgain: "Logged in again; carrying on where you were."

        case .noAccounts: "This login can see no IBM Cloud account."
        case .noAccountsHint: "Ask to be invited to an account, then log in again (Esc)."
        case .accountOfAPIKey(let account): "Account \(account) chosen for you: an API key works only in its own account."
        case .lineAccountNotUsed(let account): "The line's -c \(account) is not used: an API key works only in its own account."
        case .lineAccountChosen(let account): "Account \(account) chosen as the ibmcloud line asked (-c)."
        case .lineAccountNotVisible(let account): "The ibmcloud line asked for account \(account) (-c); this login cannot see it. Choose one."
        case .lineRegionChosen(let region): "Region \(region) chosen as asked (-r)."
        case .lineRegionUnknown(let region): "Region \(region) (-r) is not a Key Protect region: choose one."
        case .lineGroupChosen(let group): "Group \(group) chosen as asked (-g)."
        case .lineGroupUnknown(let group): "Resource group \(group) (-g) is not in this account: choose one."
        case .onlyOneAccount(let account): "Only one account: \(account), chosen for you."
        case .onlyOneResourceGroup(let group): "Only one resource group: \(group), chosen for you."
        case .onlyOneInstance(let group, let instance): "Only one Key Protect instance in \(group) here: \(instance), chosen for you (Esc to see it)."
        case .noInstanceInGroup(let group, let region): "No Key Protect instance in \(group) in \(region)."
        case .noInstanceInGroupHint: "Press Esc to choose another resource group or region."
        case .nothingToChoose: "There is nothing to choose here."
        case .nothingToChooseHint: "Press Esc to go back and choose differently."
        case .nothingMatches(let filter): "Nothing matches “\(filter)”."
        case .nothingMatchesHint: "Backspace to change the filter."
        case .instanceCount(let n): n == 0 ? "no Key Protect instances" : n == 1 ? "1 Key Protect instance" : "\(n) Key Protect instances"
        case .defaultGroup(let name): "\(name) (default)"
        case .groupPreselected(let group, let region, let isDefault, let instances):
            isDefault
                ? "Region: \(region). \(group), the account's default group, is preselected."
                : "Region: \(region). \(group) is preselected: it holds \(instances == 1 ? "the Key Protect instance" : "\(instances) Key Protect instances") here."
        case .instanceCountHere(let n, let groupID): "\(n == 1 ? "1 Key Protect instance" : "\(n) Key Protect instances") here · \(groupID)"
        case .rolesFallback: "IAM listed no Key Protect roles you may read; showing the standard ones."
        case .roleSummary(let role, let description):
            switch role {
            case "Manager": "Everything in the instance: create, delete, disable keys and change policies"
            case "Writer": "Create, import, rotate and read keys; cannot delete keys or change policies"
            case "Reader": "List keys and read metadata; wrap and unwrap; no key material (least privilege)"
            case "ReaderPlus": "Reader, plus reading a standard key's payload"
            default: description
            }
        case .managerWarning: "Manager can delete keys and change the instance's policies. Most programs need only Reader."
        case .managerWarningHint: "Press Enter again to give Manager, or choose another role."

        case .nameMissing(let thing): "The \(named(thing)) needs a name."
        case .nameTooLong(let thing, let n, let limit): "The \(named(thing)) name is too long (\(n) characters; at most \(limit))."
        case .nameHasControlCharacters(let thing): "The \(named(thing)) name has control characters."
        case .fixNameHint: "Fix the name and press Enter."
        case .serviceIDsExist(let name, let count):
            count == 1 ? "A service ID named \(name) already exists." : "\(count) service IDs named \(name) already exist."
        case .serviceIDsExistHint: "Reuse one, or create another."
        case .reuseServiceID(let name): "Reuse \(name)"
        case .createAnotherServiceID(let name): "Create another service ID named \(name)"
        case .severalServiceIDsAllowed: "IBM Cloud allows several service IDs with one name"
        case .serviceIDCreatedOn(let id, let date): "\(id) · created \(date)"
        case .serviceIDAlreadyHadRole: "The service ID already had this role here; nothing new was created."
        case .lostServiceIDFound: "The service ID was created, though its answer was lost on the way; using it."

        case .givePath(let file): "Give a path for \(file == .apiKey ? "the API key file" : "the token file")."
        case .typePathHint: "Type a path and press Enter."
        case .sameFileForKeyAndToken: "The key and the token need different files."
        case .sameFileForKeyAndTokenHint: "Change one path: the token must never replace the key."
        case .changeOnePath: "Change one path."
        case .pathRefused(let path, let reason): pathReason(path, reason)
        case .changePathHint: "Change the path and press Enter."
        case .freeNameProposedHint: "A free name is proposed: press Enter to use it, or edit it."
        case .couldNotSave(let path, let detail): "Could not save \(path): \(detail)"
        case .couldNotSaveHint: "Edit the path and press Enter to save again. Nothing is lost."
        case .couldNotSaveScript(let path, let detail): "Could not save the commands to \(path): \(detail)"
        case .couldNotSaveScriptHint: "Nothing was created. Press Enter to create, or s to try saving again."
        case .scriptSaved(let path): "Saved the equivalent commands to \(path)."
        case .scriptSavedHint: "Nothing is created yet: Enter creates, Esc goes back."
        case .scriptAlreadySaved(let path): "The commands are already saved to \(path)."
        case .enterCreatesEscGoesBack: "Enter creates, Esc goes back."
        case .createdSoFar(let things): "Created so far: \(created(things))."
        case .createdSoFarHint: "d deletes it and goes back · Esc keeps it (reused) and goes back · Enter carries on."
        case .cannotGoBack(let things): "Can't go back: \(created(things)) already exists in the account."
        case .cannotGoBackHint: "Go on to finish, or Ctrl-C to quit (what was created stays)."
        case .keptServiceID(let name, let withPolicy): "Kept service ID \(name)\(withPolicy ? " and its policy" : ""); it will be reused."
        case .changeAndShowPlanHint: "Change what you like; Enter shows the plan again."
        case .deleted(let things): "Deleted \(created(things)); nothing is left behind."
        case .lostAPIKeyReplaced:
            "An API key was created but its answer was lost on the way; nobody can read its value, so it was deleted and a new one made."
        case .mayHaveBeenCreatedHint: "It may have been created anyway: Enter checks first and carries on, nothing is made twice."
        case .needAdministratorHint: "You need the Administrator role on the account (or on Key Protect) for this. Ask an administrator, or Esc to go back."
        case .keySavedRetryExchangeHint: "The API key is saved. Press Enter to try the exchange again."
        case .unsavedKey: "The new API key is not saved yet and cannot be shown again."
        case .unsavedKeyHint: "Fix the path and press Enter to save it. Ctrl-C again quits without it."
        case .carriedOnWithSavedKey(let path): "Carried on with the API key the last run saved (\(path)); no new key is created."
        case .rateLimited(let seconds):
            seconds.map { "IBM Cloud is limiting requests (429) and asked to wait \(wait($0))." }
                ?? "IBM Cloud is limiting requests (429 Too Many Requests)."
        case .rateLimitedAutoHint: "Nothing was done, so the same request is sent again by itself when the wait is over. Enter sends it now."
        case .rateLimitedHint(let seconds): "Nothing was done. Press Enter to send it again\(seconds == nil ? "" : " after that"), or Esc to go back."

        case .resumeAbandoned(let problem): "Could not carry on from the last run: \(resumeProblem(problem)) Choose again here."
        case .carriedOn(let summary): "Carried on from the last run: \(resumeSummary(summary))."
        case .carriedOnCheckForm(let summary): "Carried on from the last run: \(resumeSummary(summary)). Check the names and paths, then Enter."
        case .planServiceIDReuse(let name, let id): "reuse \(name) (\(id))"
        case .planServiceIDCreate(let name, let account): "create \(name) in \(account ?? "the account")"
        case .planPolicy(let role, let instance): "\(role) on Key Protect instance \(instance)"
        case .planAPIKey(let name): "create \(name)"
        case .planFile(let path, let isToken): isToken ? "\(path) (0600, lasts an hour)" : "\(path) (0600)"

        case .copying(let target): "Copying \(copyTarget(target))…"
        case .copied(let target, let method): "Copied \(copyTarget(target)) (\(method); the terminal must allow it)."
        case .copyFailed: "Could not copy: no clipboard reached. Press v to show the token and copy it by hand."
        case .clipboardCleared(let method): "Clipboard cleared (\(method))."
        case .clipboardNotCleared: "Could not clear the clipboard."
        case .clipboardKept: "The clipboard keeps the token (it is valid for an hour)."
        case .tokenExpiredRunAgain: "The token has expired (tokens last an hour): run the wizard again for a new one."
        case .tokenExpiredPressR: "The token has expired (tokens last an hour): press r for a new one."
        case .policyNotYetApplied: "Key Protect refused the token; a new policy can take a moment to apply. Trying again…"
        case .noRoleOrOtherAccount: "The service ID has no role on this instance yet, or the token is for another account. Wait a minute and press k."
        case .keyProtectUnreachable: "Key Protect could not be reached or failed."
        }
    }
}
